import type { PrismaClient } from "@/lib/generated/prisma/client";

// Sign-in throttling, kept in the database so that it holds across server processes and restarts:
// after too many failures in a window, for one account or from one address, sign-in pauses.
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function isThrottled(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    prisma.signInAttempt.count({ where: { emailKey: emailKey(email), success: false, at: { gte: since } } }),
    prisma.signInAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress;
}

export async function recordAttempt(prisma: PrismaClient, a: { email: string; ip: string; success: boolean; userId?: string }) {
  await prisma.signInAttempt.create({ data: { emailKey: emailKey(a.email), ip: a.ip, success: a.success, userId: a.userId ?? null } });
}
