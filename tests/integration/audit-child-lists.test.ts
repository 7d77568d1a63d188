import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayOfWeek } from "@/lib/attendance";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { loadCaseloadPage } from "@/lib/children/caseload-page";
import { caseloadQuerySchema } from "@/lib/children/caseload-query";
import { viewDashboard } from "@/lib/dashboard/dashboard-view";
import { withTenant } from "@/lib/db/tenant";
import { parseFilters } from "@/lib/filters/filters";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { useAsAppDb } from "../helpers/app-db";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, STATUS_HEADER, upn } from "../helpers/import-fixture";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Lists that name children are audited like a child's record: every view of the caseload or of the
// dashboard's "children to look at" that shows names writes one entry, with how many children it named
// and the filters behind it, never a name. A role that sees no names leaves no entry.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
const ctx: Partial<Record<"vsh" | "supervisor" | "leader", TenantContext>> = {};

// Weekdays of autumn 2025 up to Friday 31 October; each child is present but for their last `absent` days.
const DAYS: string[] = [];
for (let d = "2025-09-01"; d <= "2025-10-31"; d = addDays(d, 1)) if (dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5) DAYS.push(d);
const CHILDREN = [
  // 10 of 90 sessions missed, all in the last week: newly persistently absent and falling.
  { ref: "L-A", n: 1, first: "Ann", last: "Smith", team: "North", absent: 5 },
  { ref: "L-B", n: 2, first: "Bob", last: "Jones", team: "North", absent: 0 },
  // 4 of 90: falling (90% over 4 weeks against 95.6%), not persistently absent.
  { ref: "L-C", n: 3, first: "Cat", last: "Brown", team: "North", absent: 2 },
  { ref: "L-D", n: 4, first: "Dan", last: "Green", team: "South", absent: 5 },
];
const NAMES = /Ann|Smith|Bob|Jones|Cat|Brown|Dan|Green|Secret/;

async function listEntries() {
  const rows = await withTenant(fx.home.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: fx.home.id, action: "children.list" }, orderBy: { id: "asc" } }), { prisma: t.prisma });
  // The app's role may not delete audit entries (append-only): the owner's connection does.
  await t.prisma.auditEvent.deleteMany({ where: { tenantId: fx.home.id, action: "children.list" } });
  return rows;
}

async function caseload(who: "vsh" | "supervisor" | "leader", query: Record<string, string> = {}) {
  const [{ asOf }, halfTerms] = await Promise.all([dataAsOf(fx.home.id), tenantHalfTerms(fx.home.id)]);
  return loadCaseloadPage(ctx[who]!, caseloadQuerySchema.parse(query), asOf, halfTerms);
}

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "lists");
  const tenantId = fx.home.id;
  await importFile(t, tenantId, "children", csv([CHILD_HEADER, ...CHILDREN.map((c) => `${c.ref},${upn(c.n)},${c.first},${c.last},2015-01-01,F,,,,,${c.team}`)]));
  await importFile(t, tenantId, "statuses", csv([STATUS_HEADER, ...CHILDREN.map((c) => `${c.ref},CIN,2024-06-01,`)]));
  await importFile(t, tenantId, "attendance", csv([
    MARK_HEADER,
    ...CHILDREN.flatMap((c) =>
      DAYS.flatMap((d, i) => {
        const away = i >= DAYS.length - c.absent;
        return [`${upn(c.n)},100001,Oak,${d},AM,${away ? "O" : "/"}`, `${upn(c.n)},100001,Oak,${d},PM,${away ? "O" : "\\"}`];
      }),
    ),
  ]));
  for (const who of ["vsh", "supervisor", "leader"] as const) ctx[who] = (await contextOf(fx.users[who]!, fx.home.slug))!;
  await listEntries();
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

describe("the caseload is audited when it names children", () => {
  it("a virtual school head's view: every child, counted, no names", async () => {
    const page = await caseload("vsh");
    expect(page.shown.map((r) => r.childRef).sort()).toEqual(["L-A", "L-B", "L-C", "L-D"]);
    const [entry, ...more] = await listEntries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: fx.users.vsh!.id, subjectType: null, subjectId: null });
    expect(entry!.detail).toEqual({ view: "caseload", children: 4, matched: 4, page: 1, flag: "any", search: false });
  });

  it("a practice supervisor's view: the children of their teams", async () => {
    const page = await caseload("supervisor");
    expect(page.shown.map((r) => r.childRef).sort()).toEqual(["L-A", "L-B", "L-C"]);
    const entries = await listEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: fx.users.supervisor!.id, detail: { view: "caseload", children: 3, flag: "any" } });
  });

  it("records the flag and that a search was made, never the search text (it may be a name)", async () => {
    await caseload("vsh", { flag: "pa" });
    await caseload("vsh", { q: "Smith" });
    const [pa, search, ...more] = await listEntries();
    expect(more).toEqual([]);
    expect(pa!.detail).toMatchObject({ children: 2, flag: "pa", search: false });
    expect(search!.detail).toMatchObject({ children: 1, search: true });
    expect(JSON.stringify([pa!.detail, search!.detail])).not.toMatch(NAMES);
  });

  it("writes nothing when the list names nobody", async () => {
    expect((await caseload("vsh", { q: "nobody by this name" })).shown).toEqual([]);
    // The senior leader's pages refuse the caseload; their scope names no child either way.
    expect((await caseload("leader")).shown).toEqual([]);
    expect(await listEntries()).toEqual([]);
  });
});

describe("the dashboard's children to look at are audited when they show names", () => {
  const filters = parseFilters({ cohort: "CIN", window: "year-to-date" });

  it("a virtual school head's view: the children named, once each, and the filters", async () => {
    const view = await viewDashboard(ctx.vsh!, filters);
    expect(view.showNames).toBe(true);
    expect(view.dashboard.newlyPersistent.map((c) => c.childRef)).toEqual(["L-A", "L-D"]);
    expect(view.dashboard.falling.map((c) => c.childRef)).toEqual(["L-A", "L-C", "L-D"]);
    const [entry, ...more] = await listEntries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: fx.users.vsh!.id, subjectType: null, subjectId: null });
    expect(entry!.detail).toEqual({
      view: "dashboard",
      children: 3,
      cohort: "CIN",
      window: "year-to-date",
      from: view.dashboard.window.from,
      to: view.dashboard.window.to,
      attribution: "ever",
      school: null,
      year: null,
    });
    expect(JSON.stringify(entry!.detail)).not.toMatch(NAMES);
  });

  it("every view, also when the figures come from memory", async () => {
    await viewDashboard(ctx.vsh!, filters);
    await viewDashboard(ctx.vsh!, filters);
    expect((await listEntries()).map((e) => e.detail)).toEqual([expect.objectContaining({ children: 3 }), expect.objectContaining({ children: 3 })]);
  });

  it("the senior leader sees how many, never who: no entry", async () => {
    const view = await viewDashboard(ctx.leader!, filters);
    expect(view.showNames).toBe(false);
    expect(view.dashboard.falling).toHaveLength(3);
    expect(await listEntries()).toEqual([]);
  });
});
