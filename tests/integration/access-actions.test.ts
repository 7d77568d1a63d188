import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantAction, type ActionResult } from "@/lib/auth/action";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { formData } from "../helpers/form";
import { ACTORS, decide, type ActorKey } from "../access/actors";
import { ACTION_ROWS, type ActionRow, type FormInput } from "../access/actions";

// Every server action as every actor, through the same runTenantAction the app's tenantAction calls,
// with users who signed in through the real credential check. A refused call changes nothing.

const MESSAGES = {
  signin: "Your session has ended. Please sign in again.",
  notfound: "Not found.",
  forbidden: "You do not have permission to do that.",
} as const;

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
let n = 0;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "act");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

async function run(row: ActionRow, userId: string | null, tenant: string, input: FormInput): Promise<ActionResult<unknown>> {
  const [capability, schema, handler] = row.def;
  return runTenantAction(await sessionOf(userId), capability, schema, handler as never, formData({ tenant, ...input }));
}

/** Everything an action could change, in both tenants. */
async function snapshot() {
  const read = (tenantId: number) =>
    withTenant(tenantId, async (tx) => ({
      memberships: await tx.membership.findMany({ where: { tenantId }, orderBy: { userId: "asc" }, include: { teams: { orderBy: { teamId: "asc" } } } }),
      audit: await tx.auditEvent.count({ where: { tenantId, action: { not: "auth.signin" } } }),
    }), { prisma: t.prisma });
  return { home: await read(fx.home.id), other: await read(fx.other.id), users: await t.prisma.user.findMany({ orderBy: { email: "asc" } }) };
}

async function auditedBy(actor: string, action: string): Promise<number> {
  return withTenant(fx.home.id, (tx) => tx.auditEvent.count({ where: { tenantId: fx.home.id, actor, action } }), { prisma: t.prisma });
}

const cells = ACTION_ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, label: `${row.file}#${row.name} as ${actor}` })));

describe("access matrix: server actions", () => {
  it.each(cells)("$label", async ({ row, actor }: { row: ActionRow; actor: ActorKey }) => {
    expect(row.def[0]).toBe(row.capability);
    const decision = decide(actor, row.capability);
    const user = fx.users[actor];
    const before = decision === "allowed" ? null : await snapshot();
    const auditedBefore = user ? await auditedBy(user.id, row.audit) : 0;
    const result = await run(row, user?.id ?? null, fx.home.slug, row.input(fx, ++n));
    if (decision === "allowed") {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(await auditedBy(user!.id, row.audit)).toBe(auditedBefore + 1);
    } else {
      expect(result).toEqual({ ok: false, message: MESSAGES[decision] });
      expect(await snapshot()).toEqual(before);
    }
  });

  const foreign = ACTION_ROWS.filter((r) => r.foreignInput);
  it.each(foreign.map((row) => ({ row, label: `${row.file}#${row.name}: the VSH cannot reach another tenant's records` })))("$label", async ({ row }) => {
    const before = await snapshot();
    const result = await run(row, fx.users.vsh!.id, fx.home.slug, row.foreignInput!(fx));
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/^(Not found\.|Choose teams from the list\.)$/);
    expect(await snapshot()).toEqual(before);
  });

  it.each(ACTION_ROWS.map((row) => ({ row, label: `${row.file}#${row.name}: another tenant's VSH, in their own tenant, cannot reach ours` })))("$label", async ({ row }) => {
    const before = await snapshot();
    const result = await run(row, fx.users.otherTenant!.id, fx.other.slug, row.input(fx, ++n));
    // Adding a person by email is the one call that needs no record of ours: it must then not touch ours.
    if (row.name === "addUser") {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({ ok: false, message: "Not found." });
    }
    expect((await snapshot()).home).toEqual(before.home);
  });

  it.each(["", "no-such-tenant", "x".repeat(101)])("a form naming tenant %j is not found", async (tenant) => {
    const row = ACTION_ROWS[0]!;
    expect(await run(row, fx.users.vsh!.id, tenant, row.input(fx, ++n))).toEqual({ ok: false, message: "Not found." });
  });

  it("an account deactivated everywhere is signed out at once", async () => {
    const row = ACTION_ROWS[0]!;
    const extra = await t.prisma.user.create({ data: { email: "disabled@act-home.test", name: "Disabled" } });
    await withTenant(fx.home.id, (tx) => tx.membership.create({ data: { tenantId: fx.home.id, userId: extra.id, role: "VSH" } }), { prisma: t.prisma });
    await t.prisma.user.update({ where: { id: extra.id }, data: { active: false } });
    expect(await run(row, extra.id, fx.home.slug, row.input(fx, ++n))).toEqual({ ok: false, message: MESSAGES.signin });
  });
});
