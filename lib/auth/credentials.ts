import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record";
import { recordSecurityEventSafely } from "@/lib/audit/security-log";
import { verifyPassword } from "./password";
import { hashSessionToken, loadSession, openSession, type SignedIn } from "./sessions";
import { countFailures, recordAttempt, throttleDecision, THROTTLE } from "./throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

/** One account's id, password hash and state by email, through the narrow path (auth_credentials). */
export async function accountByEmail(prisma: PrismaClient, email: string) {
  const rows = await prisma.$queryRaw<{ user_id: string; password_hash: string | null; active: boolean }[]>`
    SELECT * FROM auth_credentials(${email})`;
  return rows[0] ?? null;
}

/**
 * Checks an email and password. The same answer ("invalid") whether the email is unknown, the
 * password wrong or the account deactivated, so no reply reveals whether an account exists.
 * Every attempt is recorded (lib/auth/throttle.ts says which limits apply); a success then opens a
 * session (startSession).
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  email: string,
  password: string,
  ip: string,
  limits = THROTTLE,
): Promise<SignInResult> {
  const decision = throttleDecision(await countFailures(prisma, email, ip), limits);
  if (decision.refuse) {
    await recordAttempt(prisma, { email, ip, success: false, throttled: true });
    await recordSecurityEventSafely(prisma, { slug: null, kind: "signin.throttled", actor: null, ip, detail: { limit: decision.limit } });
    return { ok: false, reason: "throttled" };
  }
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  const user = await accountByEmail(prisma, email);
  const passwordOk = await verifyPassword(password, user?.password_hash);
  if (!user || !user.active || !passwordOk) {
    await recordAttempt(prisma, { email, ip, success: false, userId: user?.user_id });
    return { ok: false, reason: "invalid" };
  }
  await recordAttempt(prisma, { email, ip, success: true, userId: user.user_id });
  return { ok: true, userId: user.user_id };
}

/**
 * Opens the session of a sign-in that succeeded and records it: in the tenant-less security log, and in
 * the audit log of the authority signed into when there is exactly one (the home page takes the person
 * straight there). Someone who belongs to several authorities has not signed into any one of them yet:
 * no authority's audit log is told, so one authority never learns of another's member's sign-ins.
 * Null: the account is not active (any more).
 */
export async function startSession(
  prisma: PrismaClient,
  userId: string,
  method: "password" | "oidc",
  ip: string,
  maxAgeSeconds: number,
): Promise<{ token: string; session: SignedIn } | null> {
  const token = await openSession(prisma, userId, new Date(Date.now() + maxAgeSeconds * 1000), ip);
  const session = token ? await loadSession(prisma, hashSessionToken(token), userId) : null;
  if (!token || !session) return null;
  await recordSecurityEventSafely(prisma, { slug: null, kind: "signin.success", actor: userId, ip, detail: { method } });
  if (session.contexts.length === 1) {
    const tenantId = session.contexts[0]!.tenant.id;
    await withTenant(tenantId, (tx) => recordAudit(tx, { tenantId, actor: userId, action: "auth.signin", detail: { method } }), { prisma });
  }
  return { token, session };
}
