import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { decode } from "next-auth/jwt";
import { authSecret } from "./secret";
import { hashSessionToken, loadSession, type SessionUser, type SignedIn } from "./sessions";

export type { SessionUser, SignedIn };

// Auth.js's auth() runs its whole session endpoint for each call: it decrypts the session cookie
// (a JWE) and encrypts a renewed one, which a page cannot even set. A page load needs only what the
// cookie was issued for (the user id and the server-side session token), so the cookie is decrypted
// here with Auth.js's own decode (which checks its expiry), and a cookie so verified is remembered, by
// its hash, for a minute: the same cookie then maps to the same session without the cryptography.
// The session token never leaves the server in anything but the encrypted cookie. Whether the session
// is still live, the account active, and its memberships, are read from the database at every request
// (loadSession): a revoked cookie is out at once.
const VERIFIED_MS = 60_000;
const VERIFIED_MAX = 5_000;
type Verified = { userId: string; tokenHash: string; until: number };
const holder = globalThis as unknown as { __vsVerifiedSessions?: Map<string, Verified> };
const verified = (holder.__vsVerifiedSessions ??= new Map());

/** The session cookie's user id and session token hash, or null. */
export const sessionCookie = cache(async (): Promise<{ userId: string; tokenHash: string } | null> => {
  const chunks = (await cookies())
    .getAll()
    .filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  if (!chunks.length) return null;
  const salt = chunks[0]!.name.replace(/\.\d+$/, "");
  const token = chunks.filter((c) => c.name.startsWith(salt)).map((c) => c.value).join("");
  const key = createHash("sha256").update(token).digest("base64url");
  const now = Date.now();
  const hit = verified.get(key);
  if (hit && hit.until > now) return { userId: hit.userId, tokenHash: hit.tokenHash };
  const jwt = await decode({ token, secret: authSecret(), salt }).catch(() => null);
  verified.delete(key);
  if (typeof jwt?.uid !== "string" || typeof jwt.sid !== "string") return null;
  const found = { userId: jwt.uid, tokenHash: hashSessionToken(jwt.sid) };
  verified.set(key, { ...found, until: now + VERIFIED_MS });
  while (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  return found;
});

/** The live session of this request (account and memberships), or null. One database read per request. */
export const currentSession = cache(async (): Promise<SignedIn | null> => {
  const cookie = await sessionCookie();
  return cookie ? loadSession(db(), cookie.tokenHash, cookie.userId) : null;
});

/** The signed-in, active user of this request, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
