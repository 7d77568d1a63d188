import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantRoute } from "@/lib/auth/route";
import { runTenantAction } from "@/lib/auth/action";
import { hashSessionToken, loadSession, openSession, revokeSession } from "@/lib/auth/sessions";
import { AUDIT_ROUTES } from "@/lib/audit/export";
import { USER_ACTIONS } from "@/lib/users/actions";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.mjs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { formData } from "../helpers/form";
import { createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";

// Server-side sessions (security issue, finding 3) and the security log of refused and cross-tenant
// attempts (finding 6), through the app's own session read and wrappers on a real database.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
const hour = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "ses");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

async function open(userId: string, expires = hour()) {
  const token = await openSession(t.app.prisma, userId, expires, "192.0.2.10");
  if (!token) throw new Error("no session");
  return hashSessionToken(token);
}

describe("sessions", () => {
  it("a revoked session reads as signed out; the account's other sessions stay", async () => {
    const vsh = fx.users.vsh!.id;
    const [one, two] = [await open(vsh), await open(vsh)];
    expect((await loadSession(t.app.prisma, one, vsh))?.contexts.map((c) => c.tenant.slug)).toEqual([fx.home.slug]);
    expect(await revokeSession(t.app.prisma, one)).toBe(1);
    expect(await loadSession(t.app.prisma, one, vsh)).toBeNull();
    expect(await loadSession(t.app.prisma, two, vsh)).not.toBeNull();
    // Revoking again ends nothing more.
    expect(await revokeSession(t.app.prisma, one)).toBe(0);
  });

  it("sign out everywhere ends every session of the account, and nobody else's", async () => {
    const leader = fx.users.leader!.id;
    const mine = [await open(leader), await open(leader), await open(leader)];
    const someoneElse = await open(fx.users.supervisor!.id);
    const live = await t.prisma.userSession.count({ where: { userId: leader, revokedAt: null } });
    expect(live).toBeGreaterThanOrEqual(3); // the fixture's sign-in is one more
    expect(await revokeSession(t.app.prisma, mine[0]!, true)).toBe(live);
    expect(await t.prisma.userSession.count({ where: { userId: leader, revokedAt: null } })).toBe(0);
    for (const h of mine) expect(await loadSession(t.app.prisma, h, leader)).toBeNull();
    expect(await loadSession(t.app.prisma, someoneElse, fx.users.supervisor!.id)).not.toBeNull();
  });

  it("a revoked token cannot be used to end other sessions", async () => {
    const sup = fx.users.supervisor!.id;
    const [old, live] = [await open(sup), await open(sup)];
    await revokeSession(t.app.prisma, old);
    expect(await revokeSession(t.app.prisma, old, true)).toBe(0);
    expect(await loadSession(t.app.prisma, live, sup)).not.toBeNull();
  });

  it("an expired session, a cookie of another user and an unknown token read as signed out", async () => {
    const vsh = fx.users.vsh!.id;
    expect(await loadSession(t.app.prisma, await open(vsh, new Date(Date.now() - 1000)), vsh)).toBeNull();
    expect(await loadSession(t.app.prisma, await open(vsh), fx.users.leader!.id)).toBeNull();
    expect(await loadSession(t.app.prisma, hashSessionToken("made-up"), vsh)).toBeNull();
  });

  it("deactivating the account ends its sessions at the next request; no session opens for it", async () => {
    const target = fx.target.id;
    const live = await open(target);
    await t.prisma.user.update({ where: { id: target }, data: { active: false } });
    try {
      expect(await loadSession(t.app.prisma, live, target)).toBeNull();
      expect(await openSession(t.app.prisma, target, hour(), "192.0.2.10")).toBeNull();
    } finally {
      await t.prisma.user.update({ where: { id: target }, data: { active: true } });
    }
  });
});

const events = (where: { kind?: string; actor?: string }) =>
  t.prisma.securityEvent.findMany({ where, orderBy: { id: "asc" }, select: { tenantId: true, kind: true, actor: true, ip: true, path: true, detail: true } });

describe("the security log of refused and cross-tenant attempts", () => {
  const [capability, handler] = AUDIT_ROUTES.exportCsv;
  const request = (slug: string) => new Request(`http://127.0.0.1/${slug}/audit/export`, { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.8" } });

  it("a member of another tenant: 404, and a line in the attempted tenant's log with who and from where", async () => {
    const actor = fx.users.otherTenant!.id;
    const res = await runTenantRoute(await sessionOf(actor), fx.home.slug, capability, request(fx.home.slug), handler);
    expect(res.status).toBe(404);
    expect(await events({ actor, kind: "access.not_member" })).toEqual([
      { tenantId: fx.home.id, kind: "access.not_member", actor, ip: "198.51.100.8", path: `/${fx.home.slug}/audit/export`, detail: { capability: "audit.view" } },
    ]);
  });

  it("a role without the capability: 404 for a route, a refusal for an action, each logged in the tenant", async () => {
    const actor = fx.users.leader!.id;
    const res = await runTenantRoute(await sessionOf(actor), fx.home.slug, capability, request(fx.home.slug), handler);
    expect(res.status).toBe(404);
    const [actionCapability, schema, actionHandler] = USER_ACTIONS.setUserActive;
    const result = await runTenantAction(await sessionOf(actor), actionCapability, schema, actionHandler as never, formData({ tenant: fx.home.slug, userId: fx.target.id, active: "false" }), { ip: "198.51.100.9" });
    expect(result).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await events({ actor, kind: "access.refused" })).toMatchObject([
      { tenantId: fx.home.id, ip: "198.51.100.8", detail: { capability: "audit.view" } },
      { tenantId: fx.home.id, ip: "198.51.100.9", detail: { capability: "users.manage" } },
    ]);
  });

  it("an authority that does not exist: the same 404, logged without a tenant", async () => {
    const actor = fx.users.supervisor!.id;
    const res = await runTenantRoute(await sessionOf(actor), "no-such-authority", capability, request("no-such-authority"), handler);
    expect(res.status).toBe(404);
    expect(await events({ actor, kind: "access.not_member" })).toMatchObject([{ tenantId: null, path: "/no-such-authority/audit/export" }]);
  });

  it("an allowed request writes nothing to the security log", async () => {
    const actor = fx.users.vsh!.id;
    const before = await t.prisma.securityEvent.count();
    expect((await runTenantRoute(await sessionOf(actor), fx.home.slug, capability, request(fx.home.slug), handler)).status).toBe(200);
    expect(await t.prisma.securityEvent.count()).toBe(before);
  });
});
