import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "./password";
import { isThrottled, recordAttempt } from "./throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks an email and password. The same answer ("invalid") whether the email is unknown, the
 * password wrong or the account deactivated, so no reply reveals whether an account exists.
 * Every attempt is recorded; a success is written to the audit log of each of the user's tenants.
 */
export async function verifyCredentials(prisma: PrismaClient, email: string, password: string, ip: string): Promise<SignInResult> {
  if (await isThrottled(prisma, email, ip)) {
    await recordAttempt(prisma, { email, ip, success: false });
    return { ok: false, reason: "throttled" };
  }
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  if (!user || !user.active || !passwordOk) {
    await recordAttempt(prisma, { email, ip, success: false, userId: user?.id });
    return { ok: false, reason: "invalid" };
  }
  await recordAttempt(prisma, { email, ip, success: true, userId: user.id });
  await auditSignIn(prisma, user.id, "password");
  return { ok: true, userId: user.id };
}

/** Writes "auth.signin" to the audit log of every tenant the user is an active member of. */
export async function auditSignIn(prisma: PrismaClient, userId: string, method: "password" | "oidc"): Promise<void> {
  const memberships = await prisma.membership.findMany({ where: { userId, active: true }, select: { tenantId: true } });
  for (const m of memberships) {
    await withTenant(m.tenantId, (tx) => recordAudit(tx, { tenantId: m.tenantId, actor: userId, action: "auth.signin", detail: { method } }), { prisma });
  }
}
