import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { isThrottled, THROTTLE } from "@/lib/auth/throttle";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Sign-in with email and password against a real database: the same answer for every failure,
// throttling per account and per address, and an audit entry in each of the user's tenants.

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

describe("throttling", () => {
  it("pauses an account after too many failures, even with the right password, from any address", async () => {
    const u = await user("target@si.test", { memberships: [{ tenantId: tenants.a }] });
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      expect(await verifyCredentials(t.prisma, "target@si.test", `guess ${i}`, freshIp())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials(t.prisma, "target@si.test", PASSWORD, freshIp())).toEqual({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(t.prisma, "TARGET@si.test", PASSWORD, freshIp())).toEqual({ ok: false, reason: "throttled" });
    // No sign-in was recorded while paused.
    expect(await signIns(tenants.a, u.id)).toHaveLength(0);
    // Once the window has passed, the account works again.
    const later = new Date(Date.now() + THROTTLE.windowMs + 1000);
    expect(await isThrottled(t.prisma, "target@si.test", freshIp(), later)).toBe(false);
  });

  it("pauses an address after too many failures, for every account, known or not", async () => {
    await user("victim@si.test");
    const ip = "198.51.100.77";
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      // Spread over many accounts, so no single account reaches its own limit.
      await verifyCredentials(t.prisma, `spray-${i}@si.test`, "password1", ip);
    }
    expect(await verifyCredentials(t.prisma, "victim@si.test", PASSWORD, ip)).toEqual({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(t.prisma, "nobody-at-all@si.test", PASSWORD, ip)).toEqual({ ok: false, reason: "throttled" });
    // Another address is not affected.
    expect((await verifyCredentials(t.prisma, "victim@si.test", PASSWORD, freshIp())).ok).toBe(true);
  });

  it("an unknown email is throttled exactly like a known one", async () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await verifyCredentials(t.prisma, "ghost@si.test", `guess ${i}`, freshIp());
    expect(await verifyCredentials(t.prisma, "ghost@si.test", "anything", freshIp())).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("audit of sign-ins", () => {
  it("records the sign-in in each tenant the user is an active member of, and nowhere else", async () => {
    const u = await user("multi@si.test", { memberships: [{ tenantId: tenants.a }, { tenantId: tenants.b }, { tenantId: tenants.c, active: false }] });
    expect((await verifyCredentials(t.prisma, "multi@si.test", PASSWORD, freshIp())).ok).toBe(true);
    for (const tenantId of [tenants.a, tenants.b]) {
      expect(await signIns(tenantId, u.id)).toMatchObject([{ tenantId, actor: u.id, action: "auth.signin", detail: { method: "password" } }]);
    }
    expect(await signIns(tenants.c, u.id)).toHaveLength(0);
  });

  it("a failed sign-in writes nothing to any tenant's audit log", async () => {
    const u = await user("failing@si.test", { memberships: [{ tenantId: tenants.a }] });
    await verifyCredentials(t.prisma, "failing@si.test", "wrong", freshIp());
    expect(await signIns(tenants.a, u.id)).toHaveLength(0);
  });
});
