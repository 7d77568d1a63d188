import { createHash } from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { auth } from "./config";

export type SessionUser = { id: string; email: string; name: string };

// Auth.js's auth() runs its whole session endpoint for each call: it decrypts the session cookie
// (a JWE) and encrypts a renewed one, which a page cannot even set. A page load needs only the user id
// the cookie was issued to, so a cookie that auth() has verified is remembered, by its hash, for a
// minute: the same cookie then maps to the same user without the cryptography. Whether that user is
// still active, and their memberships, are read from the database at every request as before; a
// cookie past its expiry is accepted for at most VERIFIED_MS longer; unverifiable cookies are not kept.
const VERIFIED_MS = 60_000;
const VERIFIED_MAX = 5_000;
const holder = globalThis as unknown as { __vsVerifiedSessions?: Map<string, { userId: string; until: number }> };
const verified = (holder.__vsVerifiedSessions ??= new Map());

/** The user id of this request's session cookie, or null. */
export const sessionUserId = cache(async (): Promise<string | null> => {
  const token = (await cookies())
    .getAll()
    .filter((c) => c.name.includes("authjs.session-token"))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => c.value)
    .join(".");
  if (!token) return null;
  const key = createHash("sha256").update(token).digest("base64url");
  const now = Date.now();
  const hit = verified.get(key);
  if (hit && hit.until > now) return hit.userId;
  const session = await auth();
  const userId = (session as { userId?: string } | null)?.userId ?? null;
  verified.delete(key);
  if (userId) {
    verified.set(key, { userId, until: now + VERIFIED_MS });
    while (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  }
  return userId;
});

/** The signed-in, active user of this request, or null. One database read per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const userId = await sessionUserId();
  return userId ? activeUser(userId) : null;
});

export async function activeUser(userId: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, active: true } });
  return user?.active ? { id: user.id, email: user.email, name: user.name } : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
