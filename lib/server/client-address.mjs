// The client's address, decided once where the connection arrives (lib/server/serve.mjs) and handed to
// the app in one header that a client cannot set: sign-in throttling and the security log key on it.
// X-Forwarded-For is believed only as far as TRUST_PROXY_HOPS says: with 0 (the default) the address
// is the connection's own; with N, the N-th address from the right of "X-Forwarded-For, connection",
// the one the outermost trusted proxy saw. A client can prepend anything it likes to the header, but
// not past the proxies that append to it.

export const CLIENT_ADDRESS_HEADER = "x-vs-client-address";

/**
 * @param {string | string[] | undefined} forwardedFor the request's X-Forwarded-For header(s)
 * @param {string | undefined} socketAddress the connection's remote address
 * @param {number} trustedHops how many proxies in front of this server append to X-Forwarded-For
 * @returns {string}
 */
export function clientAddress(forwardedFor, socketAddress, trustedHops) {
  const socket = normalise(socketAddress) || "unknown";
  if (!trustedHops) return socket;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "")
    .split(",")
    .map((s) => normalise(s))
    .filter(Boolean);
  const chain = [...listed, socket];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? socket;
}

/** "::ffff:127.0.0.1" -> "127.0.0.1"; trims; at most 100 characters. */
function normalise(address) {
  const a = String(address ?? "").trim();
  return (a.startsWith("::ffff:") ? a.slice(7) : a).slice(0, 100);
}

/**
 * Wraps a Node request listener so that the client address header is always the server's own.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} listener
 * @param {number} trustedHops
 */
export function withClientAddress(listener, trustedHops) {
  return (req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket?.remoteAddress, trustedHops);
    return listener(req, res);
  };
}
