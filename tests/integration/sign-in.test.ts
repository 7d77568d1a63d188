import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession, verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { countFailures, throttleDecision, THROTTLE } from "@/lib/auth/throttle";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Sign-in with email and password against a real database: the same answer for every failure,
// throttling that neither an attacker can dodge nor turn against the account holder (lib/auth/throttle.ts),
// and the sign-in in the security log and the audit log of the one tenant signed into.

let t: TestDb;
let tenants: { a: number; b: number; c: number };
const PASSWORD = "the right password";
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

async function user(email: string, opts: { active?: boolean; memberships?: { tenantId: number; active?: boolean }[] } = {}) {
  const u = await t.prisma.user.create({ data: { email, name: email, passwordHash: await hashPassword(PASSWORD), active: opts.active ?? true } });
  for (const m of opts.memberships ?? []) {
    await withTenant(m.tenantId, (tx) => tx.membership.create({ data: { tenantId: m.tenantId, userId: u.id, role: "VSH", active: m.active ?? true } }), { prisma: t.prisma });
  }
  return u;
}

const signIns = (tenantId: number, userId: string) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, actor: userId, action: "auth.signin" } }), { prisma: t.prisma });

beforeAll(async () => {
  t = await createTestDb();
  const make = async (slug: string) => (await t.prisma.tenant.create({ data: { slug, name: slug } })).id;
  tenants = { a: await make("si-a"), b: await make("si-b"), c: await make("si-c") };
});
afterAll(async () => t?.close());

describe("signing in with a password", () => {
  it("accepts the right password, whatever the case of the email", async () => {
    const u = await user("right@si.test", { memberships: [{ tenantId: tenants.a }] });
    expect(await verifyCredentials(t.prisma, " RIGHT@si.test ", PASSWORD, freshIp())).toEqual({ ok: true, userId: u.id });
  });

  it("gives the same answer for an unknown email, a wrong password, a deactivated account and an account with no password", async () => {
    await user("known@si.test");
    await user("inactive@si.test", { active: false });
    await t.prisma.user.create({ data: { email: "sso@si.test", name: "SSO" } });
    const answers = [
      await verifyCredentials(t.prisma, "nobody@si.test", PASSWORD, freshIp()),
      await verifyCredentials(t.prisma, "known@si.test", "wrong password", freshIp()),
      await verifyCredentials(t.prisma, "inactive@si.test", PASSWORD, freshIp()),
      await verifyCredentials(t.prisma, "sso@si.test", "", freshIp()),
    ];
    expect(answers).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
  });

  it("an unknown email costs as much time as a known one (a dummy hash is checked)", async () => {
    await user("timing@si.test");
    const time = async (email: string) => {
      const start = performance.now();
      await verifyCredentials(t.prisma, email, "wrong password", freshIp());
      return performance.now() - start;
    };
    await time("timing@si.test");
    const known = await time("timing@si.test");
    const unknown = await time("no-such-person@si.test");
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it("records every attempt, without the password", async () => {
    const before = await t.prisma.signInAttempt.count({ where: { emailKey: "attempts@si.test" } });
    await verifyCredentials(t.prisma, "Attempts@si.test", "secret-typed-by-someone", freshIp());
    const rows = await t.prisma.signInAttempt.findMany({ where: { emailKey: "attempts@si.test" } });
    expect(rows).toHaveLength(before + 1);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("secret-typed-by-someone");
  });
});

// Limits as in production, but the account's slow-down in milliseconds rather than seconds.
const FAST = { ...THROTTLE, delayStepMs: 1, maxDelayMs: 5 };

describe("throttling", () => {
  it("refuses one account from one address after too many failures, but not the right password from another address", async () => {
    // The lock-out attack: an outsider sends wrong passwords for a VSH's account.
    const u = await user("target@si.test", { memberships: [{ tenantId: tenants.a }] });
    const attacker = "203.0.113.66";
    for (let i = 0; i < THROTTLE.maxFailuresPerPair; i++) {
      expect(await verifyCredentials(t.prisma, "target@si.test", `guess ${i}`, attacker, FAST)).toEqual({ ok: false, reason: "invalid" });
    }
    // The attacker's own pair is now refused, even with the right password, whatever the email's case.
    expect(await verifyCredentials(t.prisma, "target@si.test", PASSWORD, attacker, FAST)).toEqual({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(t.prisma, "TARGET@si.test", PASSWORD, attacker, FAST)).toEqual({ ok: false, reason: "throttled" });
    // The account holder, from their own address, is not locked out.
    expect(await verifyCredentials(t.prisma, "target@si.test", PASSWORD, "198.51.100.200", FAST)).toEqual({ ok: true, userId: u.id });
  });

  it("refused attempts are not counted as failures, so hammering a refused pair extends nothing", async () => {
    const ip = "203.0.113.67";
    for (let i = 0; i < THROTTLE.maxFailuresPerPair; i++) await verifyCredentials(t.prisma, "hammer@si.test", `guess ${i}`, ip, FAST);
    for (let i = 0; i < 10; i++) expect((await verifyCredentials(t.prisma, "hammer@si.test", "x", ip, FAST)).ok).toBe(false);
    expect(await countFailures(t.prisma, "hammer@si.test", ip)).toEqual({ pair: THROTTLE.maxFailuresPerPair, account: THROTTLE.maxFailuresPerPair, address: THROTTLE.maxFailuresPerPair });
    const refused = await t.prisma.signInAttempt.count({ where: { emailKey: "hammer@si.test", throttled: true } });
    expect(refused).toBe(10);
    // Once the window has passed, the pair may try again.
    const later = new Date(Date.now() + THROTTLE.windowMs + 1000);
    expect(throttleDecision(await countFailures(t.prisma, "hammer@si.test", ip, later))).toEqual({ refuse: false, delayMs: 0 });
  });

  it("slows an account down (never refuses it) when failures come from many addresses", async () => {
    const u = await user("sprayed@si.test");
    for (let i = 0; i < THROTTLE.slowAccountAfter + 3; i++) await verifyCredentials(t.prisma, "sprayed@si.test", `guess ${i}`, freshIp(), FAST);
    const failures = await countFailures(t.prisma, "sprayed@si.test", freshIp());
    expect(failures.account).toBe(THROTTLE.slowAccountAfter + 3);
    const decision = throttleDecision(failures);
    expect(decision).toEqual({ refuse: false, delayMs: 4 * THROTTLE.delayStepMs });
    expect(await verifyCredentials(t.prisma, "sprayed@si.test", PASSWORD, freshIp(), FAST)).toEqual({ ok: true, userId: u.id });
  });

  it("pauses an address after too many failures, for every account, known or not", async () => {
    await user("victim@si.test");
    const ip = "198.51.100.77";
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      // Spread over many accounts, so no single account reaches its own limit.
      await verifyCredentials(t.prisma, `spray-${i}@si.test`, "password1", ip, FAST);
    }
    expect(await verifyCredentials(t.prisma, "victim@si.test", PASSWORD, ip, FAST)).toEqual({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(t.prisma, "nobody-at-all@si.test", PASSWORD, ip, FAST)).toEqual({ ok: false, reason: "throttled" });
    // Another address is not affected.
    expect((await verifyCredentials(t.prisma, "victim@si.test", PASSWORD, freshIp(), FAST)).ok).toBe(true);
  });

  it("an unknown email is throttled exactly like a known one", async () => {
    const ip = "203.0.113.68";
    for (let i = 0; i < THROTTLE.maxFailuresPerPair; i++) await verifyCredentials(t.prisma, "ghost@si.test", `guess ${i}`, ip, FAST);
    expect(await verifyCredentials(t.prisma, "ghost@si.test", "anything", ip, FAST)).toEqual({ ok: false, reason: "throttled" });
  });
});

const securityEvents = (kind: string, actor: string | null) =>
  t.prisma.securityEvent.findMany({ where: { kind, actor } });

describe("audit of sign-ins", () => {
  it("records the sign-in in the one tenant signed into, and in the security log", async () => {
    const u = await user("single@si.test", { memberships: [{ tenantId: tenants.a }, { tenantId: tenants.c, active: false }] });
    const ok = await verifyCredentials(t.prisma, "single@si.test", PASSWORD, freshIp());
    expect(ok.ok).toBe(true);
    expect(await startSession(t.prisma, u.id, "password", "192.0.2.250", 3600)).not.toBeNull();
    expect(await signIns(tenants.a, u.id)).toMatchObject([{ tenantId: tenants.a, actor: u.id, action: "auth.signin", detail: { method: "password" } }]);
    expect(await signIns(tenants.c, u.id)).toHaveLength(0);
    expect(await securityEvents("signin.success", u.id)).toMatchObject([{ tenantId: null, ip: "192.0.2.250" }]);
  });

  it("a member of several tenants: no tenant's audit log learns of the sign-in (another tenant's never does)", async () => {
    const u = await user("multi@si.test", { memberships: [{ tenantId: tenants.a }, { tenantId: tenants.b }] });
    expect(await startSession(t.prisma, u.id, "password", freshIp(), 3600)).not.toBeNull();
    for (const tenantId of [tenants.a, tenants.b, tenants.c]) expect(await signIns(tenantId, u.id)).toHaveLength(0);
    expect(await securityEvents("signin.success", u.id)).toHaveLength(1);
  });

  it("a failed sign-in writes nothing to any tenant's audit log; a refused one is in the security log", async () => {
    const u = await user("failing@si.test", { memberships: [{ tenantId: tenants.a }] });
    await verifyCredentials(t.prisma, "failing@si.test", "wrong", freshIp());
    expect(await signIns(tenants.a, u.id)).toHaveLength(0);
    const ip = "203.0.113.69";
    for (let i = 0; i < THROTTLE.maxFailuresPerPair + 1; i++) await verifyCredentials(t.prisma, "failing@si.test", "wrong", ip, FAST);
    expect(await t.prisma.securityEvent.findMany({ where: { kind: "signin.throttled", ip } })).toMatchObject([{ tenantId: null, detail: { limit: "pair" } }]);
  });
});
