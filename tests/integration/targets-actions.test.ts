import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditAction } from "@/lib/audit/record";
import { runTenantAction, type ActionResult } from "@/lib/auth/action";
import { withTenant } from "@/lib/db/tenant";
import { TARGET_ACTIONS } from "@/lib/targets/actions";
import { listTargets, targetYears } from "@/lib/targets";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { formData } from "../helpers/form";

// The targets page's server actions against a real database, through the same runTenantAction the
// app's tenantAction calls, as people who signed in through the real credential check.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
let schools: { home: number[]; other: number };

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "tgt");
  const home = await withTenant(fx.home.id, (tx) => Promise.all(["100001", "100002"].map((urn) => tx.school.create({ data: { tenantId: fx.home.id, urn, name: `School ${urn}` } }))), { prisma: t.prisma });
  const other = await withTenant(fx.other.id, (tx) => tx.school.create({ data: { tenantId: fx.other.id, urn: "900001", name: "Other school" } }), { prisma: t.prisma });
  schools = { home: home.map((s) => s.id), other: other.id };
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

type Name = keyof typeof TARGET_ACTIONS;
async function run<N extends Name>(name: N, userId: string | null | undefined, fields: Record<string, string>, tenant = fx.home.slug): Promise<ActionResult<unknown>> {
  const [capability, schema, handler] = TARGET_ACTIONS[name];
  return runTenantAction(await sessionOf(userId), capability, schema, handler as never, formData({ tenant, ...fields }));
}

const key = (year: number, extra: Record<string, string> = {}) => ({ academicYear: String(year), term: "AUTUMN", cohort: "CLA", schoolId: "", ...extra });
const targetsOf = (tenantId: number, year: number) => listTargets(tenantId, year, t.prisma);
const audits = (tenantId: number, action: AuditAction = "target.save") =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, action }, orderBy: { id: "asc" } }), { prisma: t.prisma });
/** The tenant's target entries, newest last, whatever their action. */
const targetAudits = (tenantId: number) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, action: { startsWith: "target." } }, orderBy: { id: "asc" } }), { prisma: t.prisma });

describe("saving a target", () => {
  it("creates a target, then changes the same one (upsert by year, term, cohort and school)", async () => {
    const vsh = fx.users.vsh!.id;
    const first = await run("saveTarget", vsh, { ...key(2030), attendanceRate: "92.5", maxPersistentRate: "" });
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    const second = await run("saveTarget", vsh, { ...key(2030), attendanceRate: "93", maxPersistentRate: "14.25" });
    expect(second).toMatchObject({ ok: true, data: { created: false } });
    const rows = await targetsOf(fx.home.id, 2030);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ term: "AUTUMN", cohort: "CLA", school: null, attendanceRate: 93, maxPersistentRate: 14.25 });
    const log = await audits(fx.home.id);
    expect(log.slice(-2).map((e) => e.detail)).toEqual([
      { change: "created", academicYear: 2030, term: "AUTUMN", cohort: "CLA", school: null, attendanceRate: 92.5, maxPersistentRate: null },
      { change: "updated", academicYear: 2030, term: "AUTUMN", cohort: "CLA", school: null, attendanceRate: 93, maxPersistentRate: 14.25 },
    ]);
    expect(log.at(-1)).toMatchObject({ actor: vsh, subjectType: "target", subjectId: String(rows[0]!.id) });
  });

  it("keeps a school's own target apart from the all-schools one", async () => {
    const vsh = fx.users.vsh!.id;
    await run("saveTarget", vsh, { ...key(2031), attendanceRate: "90" });
    await run("saveTarget", vsh, { ...key(2031, { schoolId: String(schools.home[0]) }), attendanceRate: "95" });
    await run("saveTarget", vsh, { ...key(2031, { schoolId: String(schools.home[0]) }), attendanceRate: "96" });
    const rows = await targetsOf(fx.home.id, 2031);
    expect(rows.map((r) => [r.school?.urn ?? "all", r.attendanceRate])).toEqual([["all", 90], ["100001", 96]]);
  });

  it("never creates a second row for one key, even when saves race", async () => {
    const vsh = fx.users.vsh!.id;
    const results = await Promise.all(
      [91, 92, 93, 94, 95].map((rate) => run("saveTarget", vsh, { ...key(2032, { cohort: "CP" }), attendanceRate: String(rate) })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && (r.data as { created: boolean }).created)).toHaveLength(1);
    expect(await targetsOf(fx.home.id, 2032)).toHaveLength(1);
  });

  it("explains each invalid field and writes nothing", async () => {
    const before = (await audits(fx.home.id)).length;
    const res = await run("saveTarget", fx.users.vsh!.id, { academicYear: "2030", term: "WINTER", cohort: "ALL", schoolId: "", attendanceRate: "", maxPersistentRate: "120" });
    expect(res).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: {
        term: ["Choose a term"],
        attendanceRate: ["Enter the target attendance rate"],
        maxPersistentRate: ["Enter the maximum persistent absence rate between 0 and 100"],
      },
    });
    const notANumber = await run("saveTarget", fx.users.vsh!.id, { ...key(2030), attendanceRate: "ninety", maxPersistentRate: "1.234" });
    expect(notANumber.ok ? {} : notANumber.fieldErrors).toEqual({
      attendanceRate: ["Enter the target attendance rate as a number, like 92.5"],
      maxPersistentRate: ["Enter the maximum persistent absence rate with at most two decimal places"],
    });
    expect((await audits(fx.home.id)).length).toBe(before);
  });

  it("does not find another tenant's school", async () => {
    const before = await targetsOf(fx.home.id, 2033);
    const res = await run("saveTarget", fx.users.vsh!.id, { ...key(2033, { schoolId: String(schools.other) }), attendanceRate: "90" });
    expect(res).toEqual({ ok: false, message: "Not found." });
    expect(await targetsOf(fx.home.id, 2033)).toEqual(before);
    expect(await targetsOf(fx.other.id, 2033)).toEqual([]);
  });

  it("is the VSH's alone: a senior leader, a practice supervisor and another tenant's VSH change nothing", async () => {
    const before = await targetsOf(fx.home.id, 2030);
    const fields = { ...key(2030), attendanceRate: "50" };
    expect(await run("saveTarget", fx.users.leader!.id, fields)).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await run("saveTarget", fx.users.supervisor!.id, fields)).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await run("saveTarget", fx.users.otherTenant!.id, fields)).toEqual({ ok: false, message: "Not found." });
    expect(await run("copyTargets", fx.users.leader!.id, { academicYear: "2031" })).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await run("deleteTarget", fx.users.leader!.id, key(2030))).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await run("saveTarget", null, fields)).toEqual({ ok: false, message: "Your session has ended. Please sign in again." });
    expect(await targetsOf(fx.home.id, 2030)).toEqual(before);
  });
});

describe("deleting a target", () => {
  it("deletes by key, audits it, and says so when the target is already gone", async () => {
    const vsh = fx.users.vsh!.id;
    await run("saveTarget", vsh, { ...key(2034, { cohort: "KIN" }), attendanceRate: "88" });
    await run("saveTarget", vsh, { ...key(2034, { cohort: "KIN", schoolId: String(schools.home[1]) }), attendanceRate: "89" });
    const [gone] = (await targetsOf(fx.home.id, 2034)).filter((r) => !r.school);
    const saves = (await audits(fx.home.id)).length;
    expect(await run("deleteTarget", vsh, key(2034, { cohort: "KIN" }))).toMatchObject({ ok: true });
    expect((await targetsOf(fx.home.id, 2034)).map((r) => r.school?.urn)).toEqual(["100002"]);
    // A delete is its own action (target.delete), not a save: ids and the key, no names.
    expect((await targetAudits(fx.home.id)).at(-1)).toMatchObject({
      action: "target.delete",
      actor: vsh,
      subjectType: "target",
      subjectId: String(gone!.id),
    });
    expect((await targetAudits(fx.home.id)).at(-1)!.detail).toEqual({ academicYear: 2034, term: "AUTUMN", cohort: "KIN", school: null });
    expect((await audits(fx.home.id)).length).toBe(saves);
    expect(await run("deleteTarget", vsh, key(2034, { cohort: "KIN" }))).toEqual({ ok: false, message: "That target no longer exists." });
    expect((await audits(fx.home.id, "target.delete")).length).toBe(1);
  });
});

describe("copying last year's targets", () => {
  it("copies the keys not yet set, keeps the ones that are, and reports how many", async () => {
    const vsh = fx.users.vsh!.id;
    await run("saveTarget", vsh, { academicYear: "2040", term: "AUTUMN", cohort: "ALL", attendanceRate: "90", maxPersistentRate: "20" });
    await run("saveTarget", vsh, { academicYear: "2040", term: "SPRING", cohort: "ALL", attendanceRate: "91" });
    await run("saveTarget", vsh, { academicYear: "2040", term: "SPRING", cohort: "CLA", schoolId: String(schools.home[0]), attendanceRate: "95.5" });
    await run("saveTarget", vsh, { academicYear: "2041", term: "AUTUMN", cohort: "ALL", attendanceRate: "93" });

    const saves = (await audits(fx.home.id)).length;
    const copied = await run("copyTargets", vsh, { academicYear: "2041" });
    expect(copied).toEqual({ ok: true, data: { copied: 2, skipped: 1, fromYear: 2040 } });
    const rows = await targetsOf(fx.home.id, 2041);
    expect(rows.map((r) => [r.term, r.cohort, r.school?.urn ?? "all", r.attendanceRate, r.maxPersistentRate])).toEqual([
      ["AUTUMN", "ALL", "all", 93, null],
      ["SPRING", "ALL", "all", 91, null],
      ["SPRING", "CLA", "100001", 95.5, null],
    ]);
    // A copy is its own action (target.copy), not a save: the years and the counts.
    expect((await targetAudits(fx.home.id)).at(-1)).toMatchObject({
      action: "target.copy",
      actor: vsh,
      subjectType: "target",
      subjectId: "year-2041",
    });
    expect((await targetAudits(fx.home.id)).at(-1)!.detail).toEqual({ fromYear: 2040, academicYear: 2041, copied: 2, skipped: 1 });
    expect((await audits(fx.home.id)).length).toBe(saves);
    expect(await run("copyTargets", vsh, { academicYear: "2041" })).toEqual({ ok: true, data: { copied: 0, skipped: 3, fromYear: 2040 } });
    expect(await run("copyTargets", vsh, { academicYear: "2050" })).toEqual({ ok: true, data: { copied: 0, skipped: 0, fromYear: 2049 } });
    // Every copy is audited, even one that copied nothing, and none of them as a save.
    expect((await audits(fx.home.id, "target.copy")).map((e) => e.subjectId)).toEqual(["year-2041", "year-2041", "year-2050"]);
    expect((await audits(fx.home.id)).length).toBe(saves);
    // Another tenant's targets are neither copied from nor into.
    expect(await targetsOf(fx.other.id, 2041)).toEqual([]);
    expect(await targetYears(fx.home.id, t.prisma)).toEqual(expect.arrayContaining([2041, 2040]));
    expect(await targetYears(fx.other.id, t.prisma)).toEqual([]);
  });
});
