import {
  academicYearOf,
  COHORTS,
  termOf,
  toIso,
  type CohortKey,
  type Counts,
  type HalfTermDates,
  type IsoDate,
  type Measures,
  type ReportWindow,
} from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { windowOf, type Filters } from "@/lib/filters/filters";
import { allCountsByChild, selectChildCounts, selectCohortMeasures } from "@/lib/reports";
import { selectChildSummaries, type ChildSummary } from "@/lib/children/summaries";
import { bySchool, byYearGroup, freshness, type Freshness, type SchoolRow, type YearRow } from "./breakdowns";
import { weeklyTrend, type TrendPoint } from "@/lib/reports/weekly-trend";

// The data behind the cohort dashboard. Cohort figures come from the same per-child counts and
// summaries as the report of the command line (lib/reports), so the screen and `report --json` agree.

export type CohortTarget = { attendanceRate: number; maxPersistentRate: number | null };
export type FlaggedChild = { childId: number; childRef: string; name: string; summary: ChildSummary };

export type CohortDashboard = {
  window: ReportWindow;
  asOf: IsoDate;
  latestMark: IsoDate | null;
  cohorts: Record<CohortKey, Measures>;
  targets: Partial<Record<CohortKey, CohortTarget>>;
  targetTerm: { academicYear: number; term: string };
  schools: SchoolRow[];
  years: YearRow[];
  freshness: Freshness[];
  trend: TrendPoint[];
  newlyPersistent: FlaggedChild[];
  falling: FlaggedChild[];
};

async function filteredChildIds(tx: SqlRunner, tenantId: number, f: Filters, w: ReportWindow, ay: number): Promise<number[] | undefined> {
  if (!f.school && f.year === undefined) return undefined;
  const conditions: string[] = [];
  const params: unknown[] = [tenantId];
  if (f.year !== undefined) {
    // Year group y in academic year ay: aged y + 4 on 31 August ay, i.e. born 1 Sep (ay-y-5) .. 31 Aug (ay-y-4).
    params.push(`${ay - f.year - 5}-09-01`, `${ay - f.year - 4}-08-31`);
    conditions.push(`c."dateOfBirth" BETWEEN $${params.length - 1}::date AND $${params.length}::date`);
  }
  if (f.school) {
    params.push(f.school, w.from, w.to);
    const n = params.length;
    conditions.push(`EXISTS (SELECT 1 FROM "ChildSchoolSpan" sp JOIN "School" s ON s."tenantId" = sp."tenantId" AND s.id = sp."schoolId"
      WHERE sp."tenantId" = $1 AND sp."childId" = c.id AND s.urn = $${n - 2} AND sp."firstDate" <= $${n}::date AND sp."lastDate" >= $${n - 1}::date
        AND EXISTS (SELECT 1 FROM "AttendanceDay" d WHERE d."tenantId" = $1 AND d."childId" = c.id AND d."schoolId" = sp."schoolId"
                     AND d.date BETWEEN $${n - 1}::date AND $${n}::date))`);
  }
  const { rows } = await tx.query<{ id: number }>(`SELECT c.id FROM "Child" c WHERE c."tenantId" = $1 AND ${conditions.join(" AND ")}`, params);
  return rows.map((r) => r.id);
}

export async function loadCohortDashboard(tenantId: number, f: Filters, asOf: IsoDate, latestMark: IsoDate | null, halfTerms: readonly HalfTermDates[]): Promise<CohortDashboard> {
  const window = windowOf(f, asOf, halfTerms);
  const ay = academicYearOf(window.to);
  const term = termOf(window.to, halfTerms);
  const yearFrom = `${academicYearOf(asOf)}-09-01`;
  const asOfTerm = termOf(asOf, halfTerms);
  return withTenantRaw(rawDb(), tenantId, async (tx) => {
    const childIds = await filteredChildIds(tx, tenantId, f, window, ay);
    const filter = childIds ? { childIds } : {};
    // The cards' figures are summed by the database (the function the benchmark times); the per-child
    // rows feed the year groups and the lists of children.
    const cohorts = await selectCohortMeasures(tx, tenantId, window, f.attribution, filter);
    const rows = await selectChildCounts(tx, tenantId, window, f.attribution, filter);
    const perChild: Map<number, Counts> =
      f.cohort === "ALL" ? allCountsByChild(rows) : new Map(rows.filter((r) => r.cohort === f.cohort).map((r) => [r.childId, r]));
    const ids = [...perChild.keys()];
    const people = (
      await tx.query<{ id: number; childRef: string; firstName: string; lastName: string; dateOfBirth: Date | string }>(
        `SELECT id, "childRef", "firstName", "lastName", "dateOfBirth" FROM "Child" WHERE "tenantId" = $1 AND id = ANY($2::int[])`,
        [tenantId, ids],
      )
    ).rows;
    const dob = new Map(people.map((p) => [p.id, typeof p.dateOfBirth === "string" ? p.dateOfBirth.slice(0, 10) : toIso(p.dateOfBirth)]));
    const targetRows = (
      await tx.query<{ cohort: CohortKey; attendanceRate: string; maxPersistentRate: string | null }>(
        `SELECT t.cohort::text AS cohort, t."attendanceRate"::text AS "attendanceRate", t."maxPersistentRate"::text AS "maxPersistentRate"
           FROM "Target" t LEFT JOIN "School" s ON s."tenantId" = t."tenantId" AND s.id = t."schoolId"
          WHERE t."tenantId" = $1 AND t."academicYear" = $2 AND t.term = $3::"Term" AND ${f.school ? "s.urn = $4" : `t."schoolId" IS NULL`}`,
        [tenantId, term.academicYear, term.term, ...(f.school ? [f.school] : [])],
      )
    ).rows;
    const targets = Object.fromEntries(
      targetRows.filter((t) => COHORTS.includes(t.cohort)).map((t) => [t.cohort, { attendanceRate: Number(t.attendanceRate), maxPersistentRate: t.maxPersistentRate === null ? null : Number(t.maxPersistentRate) }]),
    );
    const summaries = await selectChildSummaries(tx, tenantId, { yearFrom, termFrom: asOfTerm.startDate, termTo: asOfTerm.endDate, asOf }, ids);
    const personById = new Map(people.map((p) => [p.id, p]));
    const named = (s: ChildSummary): FlaggedChild => {
      const p = personById.get(s.childId)!;
      return { childId: s.childId, childRef: p.childRef, name: `${p.firstName} ${p.lastName}`, summary: s };
    };
    const all = [...summaries.values()];
    const byRef = (a: FlaggedChild, b: FlaggedChild) => (a.childRef < b.childRef ? -1 : 1);
    return {
      window,
      asOf,
      latestMark,
      cohorts,
      targets,
      targetTerm: { academicYear: term.academicYear, term: term.term },
      schools: await bySchool(tx, tenantId, window, f.attribution, f.cohort, childIds),
      years: byYearGroup(perChild, dob, ay),
      freshness: await freshness(tx, tenantId, asOf),
      trend: await weeklyTrend(tx, tenantId, yearFrom, asOf, f.cohort, childIds),
      newlyPersistent: all.filter((s) => s.flags.newlyPersistent || s.flags.newlySevere).map(named).sort(byRef),
      falling: all.filter((s) => s.flags.falling).map(named).sort(byRef),
    };
  });
}
