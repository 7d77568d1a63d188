import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, COHORT_LABELS, dayOfWeek } from "@/lib/attendance";
import { runTenantRoute } from "@/lib/auth/route";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { loadCaseloadPage } from "@/lib/children/caseload-page";
import { caseloadQuerySchema } from "@/lib/children/caseload-query";
import { CHILDREN_ROUTES } from "@/lib/children/routes";
import { viewDashboard } from "@/lib/dashboard/dashboard-view";
import { DASHBOARD_ROUTES } from "@/lib/dashboard/routes";
import { parseFilters } from "@/lib/filters/filters";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
import { measureCells, percent, rateOf } from "@/components/format";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { useAsAppDb } from "../helpers/app-db";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, STATUS_HEADER, upn } from "../helpers/import-fixture";
import { createTestDb, type TestDb } from "../helpers/test-db";

// A page and the file downloaded from it show the same percentage, read through the page's own loader
// and the export's route handler. The tenant's one child attended 201 of 400 sessions: 50.25%, a true
// half that float error rounds down when each path rounds on its own (50.3% on screen, 50.2 in the file).

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
let vsh: TenantContext;

const DAYS: string[] = [];
for (let d = "2025-09-01"; DAYS.length < 200; d = addDays(d, 1)) if (dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5) DAYS.push(d);

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "pct");
  // One child must not make every shared figure "c".
  await t.prisma.tenant.update({ where: { id: fx.home.id }, data: { suppressionThreshold: 1 } });
  await importFile(t, fx.home.id, "children", csv([CHILD_HEADER, `P1,${upn(1)},Ann,Smith,2015-01-01,F,,,,,North`]));
  await importFile(t, fx.home.id, "statuses", csv([STATUS_HEADER, "P1,CIN,2024-06-01,"]));
  await importFile(t, fx.home.id, "attendance", csv([
    MARK_HEADER,
    // Every morning present, one afternoon present: 201 of 400.
    ...DAYS.flatMap((d, i) => [`${upn(1)},100001,Oak,${d},AM,/`, `${upn(1)},100001,Oak,${d},PM,${i === 0 ? "\\" : "O"}`]),
  ]));
  vsh = (await contextOf(fx.users.vsh!, fx.home.slug))!;
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

async function download(route: readonly [Parameters<typeof runTenantRoute>[2], Parameters<typeof runTenantRoute>[4]], path: string) {
  const [capability, handler] = route;
  const res = await runTenantRoute(await sessionOf(fx.users.vsh), fx.home.slug, capability, new Request(`http://127.0.0.1/${fx.home.slug}/${path}`), handler);
  expect(res.status).toBe(200);
  return res;
}

async function csvRows(route: Parameters<typeof download>[0], path: string): Promise<Record<string, string>[]> {
  return parse((await (await download(route, path)).text()).replace(/^\uFEFF/, ""), { columns: true });
}

async function xlsxRows(route: Parameters<typeof download>[0], path: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await download(route, path)).arrayBuffer());
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]])));
  });
  return rows;
}

describe("201 of 400 sessions: the same percentage on the page and in its download", () => {
  it("the caseload", async () => {
    const [{ asOf }, halfTerms] = await Promise.all([dataAsOf(fx.home.id), tenantHalfTerms(fx.home.id)]);
    const page = await loadCaseloadPage(vsh, caseloadQuerySchema.parse({}), asOf, halfTerms);
    expect(page.shown).toHaveLength(1);
    const { year, term } = page.shown[0]!.summary;
    expect(year).toMatchObject({ possible: 400, attended: 201 });
    expect(rateOf(year)).toBe("50.3%");

    const [file] = await csvRows(CHILDREN_ROUTES.exportCaseload, "caseload/export?format=csv");
    expect(`${file!["Attendance year to date (%)"]}%`).toBe(rateOf(year));
    expect(`${file!["Attendance this term (%)"]}%`).toBe(rateOf(term));
    const [sheet] = await xlsxRows(CHILDREN_ROUTES.exportCaseload, "caseload/export?format=xlsx");
    expect(`${(sheet!["Attendance year to date (%)"] as number).toFixed(1)}%`).toBe(rateOf(year));
  });

  it("the cohort dashboard", async () => {
    const filters = parseFilters({ window: "year-to-date" });
    const { dashboard: d } = await viewDashboard(vsh, filters);
    expect(d.cohorts.ALL).toMatchObject({ children: 1, possible: 400, attended: 201 });
    const card = percent(d.cohorts.ALL.attendanceRate);
    expect(card).toBe("50.3%");
    const schoolCells = measureCells(d.schools[0]!.measures);

    const cohorts = await csvRows(DASHBOARD_ROUTES.export, "export?table=cohorts&window=year-to-date&format=csv");
    const all = cohorts.find((r) => r.Cohort === COHORT_LABELS.ALL);
    expect(`${all!["Attendance (%)"]}%`).toBe(card);
    const [school] = await csvRows(DASHBOARD_ROUTES.export, "export?table=schools&window=year-to-date&format=csv");
    expect(`${school!["Attendance (%)"]}%`).toBe(schoolCells[1]);
    const [sheet] = await xlsxRows(DASHBOARD_ROUTES.export, "export?table=cohorts&window=year-to-date&format=xlsx");
    expect(`${(sheet!["Attendance (%)"] as number).toFixed(1)}%`).toBe(card);
  });
});
