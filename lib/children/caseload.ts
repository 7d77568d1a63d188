import {
  academicYearOf,
  addDays,
  attendanceRate,
  highestSocialWorkerStatus,
  holdsOn,
  termOf,
  toIso,
  type HalfTermDates,
  type IsoDate,
  type Status,
} from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { scopeSql, type ChildScope } from "./scope";
import { selectChildSummaries, type ChildSummary } from "./summaries";

// A caseload: the children in scope who held a status at some time this academic year, with where
// they are now and how their attendance is going.

export type CaseloadRow = {
  childId: number;
  childRef: string;
  name: string;
  team: string | null;
  /** Statuses held on the as-of day (highest social worker status first); empty when all have ended. */
  statuses: Status[];
  school: string | null;
  upn: string | null;
  summary: ChildSummary;
};

export type CaseloadSort = "name" | "term" | "year" | "status" | "school";
export type CaseloadQuery = { q?: string; sort: CaseloadSort; dir: "asc" | "desc" };

type ChildRow = { id: number; childRef: string; firstName: string; lastName: string; team: string | null; upn: string | null };
type EpisodeRow = { childId: number; status: Status; startDate: Date | string; endDate: Date | string | null };

const iso = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : toIso(d));

export type Caseload = { rows: CaseloadRow[]; termFrom: IsoDate; termTo: IsoDate; yearFrom: IsoDate };

export function loadCaseload(tenantId: number, scope: ChildScope, asOf: IsoDate, halfTerms: readonly HalfTermDates[]): Promise<Caseload> {
  return withTenantRaw(rawDb(), tenantId, (tx) => selectCaseload(tx, tenantId, scope, asOf, halfTerms));
}

/** loadCaseload inside the caller's tenant-scoped transaction (withTenantRaw). */
export async function selectCaseload(
  tx: SqlRunner,
  tenantId: number,
  scope: ChildScope,
  asOf: IsoDate,
  halfTerms: readonly HalfTermDates[],
): Promise<Caseload> {
  const yearFrom = `${academicYearOf(asOf)}-09-01`;
  const term = termOf(asOf, halfTerms);
  const where = scopeSql(scope, "$4");
  const children = (
    await tx.query<ChildRow>(
      `SELECT c.id, c."childRef", c."firstName", c."lastName", c.upn, t.name AS team
         FROM "Child" c LEFT JOIN "Team" t ON t."tenantId" = c."tenantId" AND t.id = c."teamId"
        WHERE c."tenantId" = $1 AND ${where.sql}
          AND EXISTS (SELECT 1 FROM "StatusEpisode" e WHERE e."tenantId" = $1 AND e."childId" = c.id
                        AND e."startDate" <= $3::date AND (e."endDate" IS NULL OR e."endDate" >= $2::date))`,
      [tenantId, yearFrom, asOf, ...where.params],
    )
  ).rows;
  const ids = children.map((c) => c.id);
  const episodes = (
    await tx.query<EpisodeRow>(
      `SELECT "childId", status, "startDate", "endDate" FROM "StatusEpisode" WHERE "tenantId" = $1 AND "childId" = ANY($2::int[])`,
      [tenantId, ids],
    )
  ).rows;
  const schools = (
    // The school of each child's latest mark in the last 4 weeks other than D (registered elsewhere): per
    // school the child had marks at in those weeks (ChildSchoolSpan), one step back along the marks' key.
    await tx.query<{ childId: number; name: string | null; urn: string }>(
      `SELECT DISTINCT ON (sp."childId") sp."childId", s.name, s.urn
         FROM "ChildSchoolSpan" sp
         CROSS JOIN LATERAL (
           SELECT d.date, CASE WHEN d.pm <> 'D' THEN 'PM' ELSE 'AM' END AS session FROM "AttendanceDay" d
            WHERE d."tenantId" = $1 AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId"
              AND d.date BETWEEN $3::date AND $4::date AND (d.am <> 'D' OR d.pm <> 'D')
            ORDER BY d.date DESC LIMIT 1) latest
         JOIN "School" s ON s."tenantId" = $1 AND s.id = sp."schoolId"
        WHERE sp."tenantId" = $1 AND sp."childId" = ANY($2::int[]) AND sp."lastDate" >= $3::date AND sp."firstDate" <= $4::date
        ORDER BY sp."childId", latest.date DESC, latest.session DESC, s.urn`,
      [tenantId, ids, addDays(asOf, -27), asOf],
    )
  ).rows;
  const summaries = await selectChildSummaries(tx, tenantId, { yearFrom, termFrom: term.startDate, termTo: term.endDate, asOf }, ids);
  const statusesOf = new Map<number, Status[]>();
  for (const e of episodes) {
    const ep = { status: e.status, startDate: iso(e.startDate), endDate: e.endDate ? iso(e.endDate) : null };
    if (!holdsOn(ep, asOf)) continue;
    statusesOf.set(e.childId, [...(statusesOf.get(e.childId) ?? []), e.status]);
  }
  const schoolOf = new Map(schools.map((s) => [s.childId, s.name ?? s.urn]));
  const rows = children.map((c) => ({
    childId: c.id,
    childRef: c.childRef,
    name: `${c.firstName} ${c.lastName}`,
    team: c.team,
    statuses: orderStatuses(statusesOf.get(c.id) ?? []),
    school: schoolOf.get(c.id) ?? null,
    summary: summaries.get(c.id)!,
    upn: c.upn,
  }));
  return { rows, termFrom: term.startDate, termTo: term.endDate, yearFrom };
}

/** The highest social worker status first, then PLAC and KIN. */
export function orderStatuses(statuses: Status[]): Status[] {
  const top = highestSocialWorkerStatus(statuses);
  const others = statuses.filter((s) => s === "PLAC" || s === "KIN").sort();
  return [...(top ? [top] : []), ...new Set(others)];
}

export function searchAndSort(rows: CaseloadRow[], query: CaseloadQuery): CaseloadRow[] {
  const q = query.q?.trim().toLowerCase();
  const found = q
    ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.childRef.toLowerCase().includes(q) || (r.upn ?? "").toLowerCase() === q)
    : [...rows];
  const rate = (r: CaseloadRow, k: "term" | "year") => attendanceRate(r.summary[k]) ?? -1;
  const key: Record<CaseloadSort, (r: CaseloadRow) => string | number> = {
    name: (r) => `${r.name.split(" ").slice(-1)[0]} ${r.name}`.toLowerCase(),
    term: (r) => rate(r, "term"),
    year: (r) => rate(r, "year"),
    status: (r) => r.statuses[0] ?? "~",
    school: (r) => (r.school ?? "~").toLowerCase(),
  };
  const k = key[query.sort];
  const sign = query.dir === "asc" ? 1 : -1;
  return found.sort((a, b) => {
    const x = k(a);
    const y = k(b);
    return x < y ? -sign : x > y ? sign : a.childRef < b.childRef ? -1 : 1;
  });
}
