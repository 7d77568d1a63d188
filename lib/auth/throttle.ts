import type { PrismaClient } from "@/lib/generated/prisma/client";

// Sign-in throttling, kept in the database so that it holds across server processes and restarts,
// after OWASP's authentication guidance: limits that an attacker can neither dodge (the address is the
// server's own idea of it, lib/server/client-address.mjs) nor turn into a weapon against the account
// holder (a right password from another address is never refused).
//   - one account from one address: refused for the rest of the window after maxFailuresPerPair;
//   - one address, any accounts (password spraying): refused after maxFailuresPerAddress;
//   - one account from anywhere: each attempt waits a little longer after slowAccountAfter
//     failures (up to maxDelayMs), which slows guessing from many addresses without locking anybody out.
// An attempt refused for throttling is recorded as such and is not counted as a failure, so hammering
// a throttled pair does not extend anything.
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerPair: 5,
  maxFailuresPerAddress: 20,
  slowAccountAfter: 5,
  delayStepMs: 500,
  maxDelayMs: 5_000,
};

export type Failures = { pair: number; account: number; address: number };
export type ThrottleDecision = { refuse: false; delayMs: number } | { refuse: true; limit: "pair" | "address" };

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The rule, on counts of failures in the window. */
export function throttleDecision(f: Failures, limits = THROTTLE): ThrottleDecision {
  if (f.pair >= limits.maxFailuresPerPair) return { refuse: true, limit: "pair" };
  if (f.address >= limits.maxFailuresPerAddress) return { refuse: true, limit: "address" };
  const over = f.account - limits.slowAccountAfter + 1;
  return { refuse: false, delayMs: over > 0 ? Math.min(over * limits.delayStepMs, limits.maxDelayMs) : 0 };
}

export async function countFailures(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<Failures> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await prisma.$queryRaw<{ pair: bigint; account: bigint; address: bigint }[]>`
    SELECT * FROM auth_failures(${emailKey(email)}, ${ip}, ${since}::timestamp)`;
  const r = rows[0]!;
  return { pair: Number(r.pair), account: Number(r.account), address: Number(r.address) };
}

export async function recordAttempt(
  prisma: PrismaClient,
  a: { email: string; ip: string; success: boolean; throttled?: boolean; userId?: string | null },
): Promise<void> {
  await prisma.$queryRaw`SELECT auth_record_attempt(${emailKey(a.email)}, ${a.ip}, ${a.success}, ${a.throttled ?? false}, ${a.userId ?? null})::text`;
}
