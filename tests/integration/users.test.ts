import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantAction, type ActionResult } from "@/lib/auth/action";
import { verifyCredentials } from "@/lib/auth/credentials";
import { withTenant } from "@/lib/db/tenant";
import { USER_ACTIONS } from "@/lib/users/actions";
import { listMembers } from "@/lib/users/queries";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, PASSWORD, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { formData } from "../helpers/form";

// User management as the VSH does it, through the same wrapper as the page's server actions.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "usr");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

type Name = keyof typeof USER_ACTIONS;
async function act(name: Name, fields: Record<string, string | string[] | undefined>, as = fx.users.vsh!.id, tenant = fx.home.slug): Promise<ActionResult<unknown>> {
  const [capability, schema, handler] = USER_ACTIONS[name];
  return runTenantAction(await sessionOf(as), capability, schema, handler as never, formData({ tenant, ...fields }));
}

const member = async (email: string) => (await listMembers(fx.home.id)).find((m) => m.email === email);
const lastAudit = () => withTenant(fx.home.id, (tx) => tx.auditEvent.findFirst({ where: { tenantId: fx.home.id, action: { not: "auth.signin" } }, orderBy: { id: "desc" } }), { prisma: t.prisma });

describe("adding a user", () => {
  it("stores the email in lower case, hashes the initial password, and audits without the password", async () => {
    const password = "a long initial passphrase";
    const res = await act("addUser", { email: "  New.Person@Council.GOV.uk ", name: "New Person", role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.home.teamIds[0]), String(fx.home.teamIds[1])], password });
    expect(res).toMatchObject({ ok: true });
    expect(JSON.stringify(res)).not.toContain(password);
    const m = await member("new.person@council.gov.uk");
    expect(m).toMatchObject({ name: "New Person", role: "PRACTICE_SUPERVISOR", active: true });
    expect(m!.teams.map((x) => x.id).sort()).toEqual([...fx.home.teamIds].sort());
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "new.person@council.gov.uk" } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyCredentials(t.prisma, "NEW.person@council.gov.uk", password, "198.51.100.1")).toEqual({ ok: true, userId: user.id });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "user.add", actor: fx.users.vsh!.id, subjectType: "user", subjectId: user.id });
    expect(JSON.stringify(audit!.detail)).not.toContain(password);
  });

  it("without a password, the account can only sign in by single sign-on", async () => {
    expect(await act("addUser", { email: "sso.only@council.gov.uk", name: "SSO Only", role: "SENIOR_LEADER" })).toMatchObject({ ok: true });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "sso.only@council.gov.uk" } });
    expect(user.passwordHash).toBeNull();
    expect(await verifyCredentials(t.prisma, "sso.only@council.gov.uk", "", "198.51.100.2")).toMatchObject({ ok: false });
  });

  it("an email that already has an account gets a membership, and keeps its own name and password", async () => {
    const before = await t.prisma.user.findUniqueOrThrow({ where: { email: "member@usr-other.test" } });
    const res = await act("addUser", { email: "MEMBER@usr-other.test", name: "Someone Else", role: "SENIOR_LEADER", password: "an attacker's password" });
    expect(res).toMatchObject({ ok: true });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { email: "member@usr-other.test" } });
    expect(after).toEqual(before);
    // This tenant knows them by the name it typed; the account's own name is not shown to it.
    expect(await member("member@usr-other.test")).toMatchObject({ name: "Someone Else", role: "SENIOR_LEADER" });
    expect((await verifyCredentials(t.prisma, "member@usr-other.test", PASSWORD, "198.51.100.3")).ok).toBe(true);
    // Their membership of the other tenant is untouched.
    const ctx = await contextOf(after, fx.other.slug);
    expect(ctx?.role).toBe("SENIOR_LEADER");
  });

  it("refuses a person already in the list", async () => {
    expect(await act("addUser", { email: "vsh@usr-home.test", name: "Again", role: "SENIOR_LEADER" })).toEqual({
      ok: false,
      message: "That email address is already in the list: change the person's role there, or reactivate them.",
    });
  });

  it.each([
    [{ email: "not-an-email", name: "X", role: "VSH" }, "email"],
    [{ email: "x@council.gov.uk", name: " ", role: "VSH" }, "name"],
    [{ email: "x@council.gov.uk", name: "X", role: "ADMIN" }, "role"],
    [{ email: "x@council.gov.uk", name: "X", role: "PRACTICE_SUPERVISOR" }, "teamIds"],
    [{ email: "x@council.gov.uk", name: "X", role: "VSH", password: "short" }, "password"],
    [{ email: "x@council.gov.uk", name: "X", role: "VSH", password: "é".repeat(40) }, "password"],
  ])("refuses %j with a message on %s", async (fields, field) => {
    const res = await act("addUser", fields);
    expect(res.ok).toBe(false);
    expect(res.ok ? {} : res.fieldErrors).toHaveProperty(field);
    expect(JSON.stringify(res)).not.toContain("short");
    expect(await t.prisma.user.findUnique({ where: { email: "x@council.gov.uk" } })).toBeNull();
  });

  it("refuses another tenant's team", async () => {
    const res = await act("addUser", { email: "y@council.gov.uk", name: "Y", role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.other.teamIds[0])] });
    expect(res).toEqual({ ok: false, message: "Choose teams from the list." });
    expect(await t.prisma.user.findUnique({ where: { email: "y@council.gov.uk" } })).toBeNull();
  });

  it("drops teams for roles that have none", async () => {
    expect(await act("addUser", { email: "leader2@council.gov.uk", name: "Leader Two", role: "SENIOR_LEADER", teamIds: [String(fx.home.teamIds[0])] })).toMatchObject({ ok: true });
    expect((await member("leader2@council.gov.uk"))!.teams).toEqual([]);
  });
});

describe("changing a role", () => {
  it("changes role and teams, and audits old and new role", async () => {
    const res = await act("updateUser", { userId: fx.target.id, role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.home.teamIds[1])] });
    expect(res).toMatchObject({ ok: true });
    expect(await member(fx.target.email)).toMatchObject({ role: "PRACTICE_SUPERVISOR", teams: [{ id: fx.home.teamIds[1] }] });
    expect(await lastAudit()).toMatchObject({ action: "user.update", subjectId: fx.target.id, detail: { role: "PRACTICE_SUPERVISOR", previousRole: "SENIOR_LEADER" } });
    const ctx = await contextOf(fx.target, fx.home.slug);
    expect(ctx).toMatchObject({ role: "PRACTICE_SUPERVISOR", teamIds: [fx.home.teamIds[1]] });
    expect(await act("updateUser", { userId: fx.target.id, role: "SENIOR_LEADER" })).toMatchObject({ ok: true });
    expect(await member(fx.target.email)).toMatchObject({ role: "SENIOR_LEADER", teams: [] });
  });

  it("a VSH cannot demote themselves", async () => {
    const res = await act("updateUser", { userId: fx.users.vsh!.id, role: "SENIOR_LEADER" });
    expect(res).toEqual({ ok: false, message: "You cannot change your own role. Ask another virtual school head to do it." });
    expect((await member(fx.users.vsh!.email))!.role).toBe("VSH");
  });

  it("an unknown user id is not found", async () => {
    expect(await act("updateUser", { userId: "00000000-0000-4000-8000-000000000000", role: "VSH" })).toEqual({ ok: false, message: "Not found." });
    expect(await act("updateUser", { userId: "not-a-uuid", role: "VSH" })).toMatchObject({ ok: false, fieldErrors: { userId: ["Not found."] } });
  });
});

describe("deactivating", () => {
  it("locks the member out of this tenant at once, and reactivating lets them back", async () => {
    expect(await act("setUserActive", { userId: fx.target.id, active: "false" })).toMatchObject({ ok: true });
    expect(await contextOf(fx.target, fx.home.slug)).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "user.deactivate", subjectId: fx.target.id });
    expect((await member(fx.target.email))!.active).toBe(false);
    expect(await act("setUserActive", { userId: fx.target.id, active: "true" })).toMatchObject({ ok: true });
    expect(await contextOf(fx.target, fx.home.slug)).not.toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "user.reactivate", subjectId: fx.target.id });
  });

  it("a VSH cannot deactivate themselves", async () => {
    expect(await act("setUserActive", { userId: fx.users.vsh!.id, active: "false" })).toEqual({
      ok: false,
      message: "You cannot deactivate yourself. Ask another virtual school head to do it.",
    });
    expect(await contextOf(fx.users.vsh!, fx.home.slug)).not.toBeNull();
  });

  it("a deactivated member can no longer manage users", async () => {
    const second = await t.prisma.user.findUniqueOrThrow({ where: { email: "gone@usr-home.test" } });
    expect(await act("addUser", { email: "z@council.gov.uk", name: "Z", role: "VSH" }, second.id)).toEqual({ ok: false, message: "Not found." });
  });
});

describe("listing", () => {
  it("lists this tenant's members only", async () => {
    const emails = (await listMembers(fx.home.id)).map((m) => m.email);
    expect(emails).toContain("vsh@usr-home.test");
    expect(emails).not.toContain("vsh@usr-other.test");
  });
});
