import { randomBytes } from "node:crypto";

// The content security policy, in one place for its two senders: proxy.ts gives every page and route
// handler the policy with a fresh nonce; next.config.ts gives every response the policy without one,
// which only the responses the proxy skips (the build's static files) keep.
//
// Scripts: only those carrying the response's nonce, and those they load ('strict-dynamic'), so
// markup slipped into a page cannot run script. Styles may be inline: recharts draws with inline
// styles. 'unsafe-eval' only for the development server (React rebuilds server error stacks with eval).

/** A fresh nonce: 128 random bits, base64 (what a CSP nonce source allows). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string | null, development: boolean): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
