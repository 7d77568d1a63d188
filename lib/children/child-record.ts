import {
  academicYearLabel,
  addDays,
  dayOfWeek,
  emptyCounts,
  tallyCode,
  classifyCode,
  termOf,
  toIso,
  type CodeCategory,
  type Counts,
  type HalfTermDates,
  type IsoDate,
  type Status,
} from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import { childSubject, recordAuditRaw } from "@/lib/audit/record";
import { orderStatuses } from "./caseload";
import { scopeSql, type ChildScope } from "./scope";
import { selectChildSummaries, type ChildSummary } from "./summaries";

// Everything on a child's page, read only when the member may see that child (a practice supervisor:
// children of their teams), and every read is written to the audit log first.

/** One week's sessions; weekStart is the Monday of the week. */
export type WeekCounts = Counts & { weekStart: IsoDate };

export type ChildRecord = {
  child: { id: number; childRef: string; upn: string | null; name: string; dateOfBirth: IsoDate; team: string | null; sex: string; sen: string };
  episodes: { status: Status; startDate: IsoDate; endDate: IsoDate | null }[];
  currentStatuses: Status[];
  schools: { urn: string; name: string | null; first: IsoDate; last: IsoDate; sessions: number }[];
  marks: { date: IsoDate; session: "AM" | "PM"; code: string; urn: string; category: CodeCategory | undefined }[];
  codeCounts: { code: string; count: number; category: CodeCategory | undefined }[];
  weeks: WeekCounts[];
  summary: ChildSummary;
  academicYear: number;
  yearLabel: string;
  window: { from: IsoDate; to: IsoDate };
  target: { cohort: string; attendanceRate: number; maxPersistentRate: number | null; term: string } | null;
};

const iso = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : toIso(d));

/** Week by week (weeks start on Monday), the sessions of the child's marks read for the page. */
function weeklyCounts(marks: readonly { date: IsoDate; code: string }[]): WeekCounts[] {
  const weeks = new Map<IsoDate, WeekCounts>();
  for (const m of marks) {
    const weekStart = addDays(m.date, -((dayOfWeek(m.date) + 6) % 7));
    let w = weeks.get(weekStart);
    if (!w) weeks.set(weekStart, (w = { weekStart, ...emptyCounts() }));
    tallyCode(w, m.code);
  }
  return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}

type RegisterDay = { date: IsoDate; am: string | null; pm: string | null; urn: string; name: string | null };

/**
 * The marks of register days (in date order, and by URN within a day) a session to a row, in the order
 * of the page: by date, AM before PM, then by URN (a child registered at two schools on one day).
 */
export function marksOfDays(days: readonly RegisterDay[]): { date: IsoDate; session: "AM" | "PM"; code: string; urn: string; name: string | null; category: CodeCategory | undefined }[] {
  return (["AM", "PM"] as const)
    .flatMap((session) =>
      days.flatMap((d) => {
        const code = session === "AM" ? d.am : d.pm;
        return code === null ? [] : [{ date: d.date, session, code, urn: d.urn, name: d.name, category: classifyCode(code) }];
      }),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // stable: AM before PM, then by URN
}

export async function loadChildRecord(
  tenantId: number,
  actor: string,
  scope: ChildScope,
  childRef: string,
  asOf: IsoDate,
  halfTerms: readonly HalfTermDates[],
  academicYear: number,
): Promise<ChildRecord | null> {
  const where = scopeSql(scope, "$3");
  const from = `${academicYear}-09-01`;
  const yearEnd = `${academicYear + 1}-08-31`;
  const to = yearEnd < asOf ? yearEnd : asOf;
  const term = termOf(to, halfTerms);
  const record = await withTenantRaw(rawDb(), tenantId, async (tx) => {
    const found = await tx.query<{ id: number; childRef: string; upn: string | null; firstName: string; lastName: string; dateOfBirth: Date | string; team: string | null; sex: string; sen: string }>(
      `SELECT c.id, c."childRef", c.upn, c."firstName", c."lastName", c."dateOfBirth", c.sex::text, c.sen::text, t.name AS team
         FROM "Child" c LEFT JOIN "Team" t ON t."tenantId" = c."tenantId" AND t.id = c."teamId"
        WHERE c."tenantId" = $1 AND c."childRef" = $2 AND ${where.sql}`,
      [tenantId, childRef, ...where.params],
    );
    const c = found.rows[0];
    if (!c) return null;
    // The view is audited in the transaction that reads the record: no record leaves without its entry.
    await recordAuditRaw(tx, { tenantId, actor, action: "child.view", ...childSubject(c.childRef) });
    const episodes = (
      await tx.query<{ status: Status; startDate: Date | string; endDate: Date | string | null }>(
        `SELECT status, "startDate", "endDate" FROM "StatusEpisode" WHERE "tenantId" = $1 AND "childId" = $2 ORDER BY "startDate", status`,
        [tenantId, c.id],
      )
    ).rows.map((e) => ({ status: e.status, startDate: iso(e.startDate), endDate: e.endDate ? iso(e.endDate) : null }));
    // The register a day to a row (AttendanceDay), each day's marks listed AM then PM, school by school.
    const days = (
      await tx.query<{ date: Date | string; am: string | null; pm: string | null; urn: string; name: string | null }>(
        `SELECT d.date, d.am, d.pm, s.urn, s.name
           FROM "AttendanceDay" d JOIN "School" s ON s."tenantId" = d."tenantId" AND s.id = d."schoolId"
          WHERE d."tenantId" = $1 AND d."childId" = $2 AND d.date BETWEEN $3::date AND $4::date
          ORDER BY d.date, s.urn`,
        [tenantId, c.id, from, to],
      )
    ).rows;
    const marks = marksOfDays(days.map((d) => ({ ...d, date: iso(d.date) })));
    const summaries = await selectChildSummaries(tx, tenantId, { yearFrom: from, termFrom: term.startDate, termTo: term.endDate, asOf: to }, [c.id]);
    const targets = await tx.query<{ cohort: string; attendanceRate: string; maxPersistentRate: string | null }>(
      `SELECT cohort::text, "attendanceRate"::text, "maxPersistentRate"::text FROM "Target"
        WHERE "tenantId" = $1 AND "academicYear" = $2 AND term = $3 AND "schoolId" IS NULL`,
      [tenantId, term.academicYear, term.term],
    );
    return { c, episodes, marks, summary: summaries.get(c.id)!, targets: targets.rows };
  });
  if (!record) return null;
  const { c, episodes, marks } = record;
  const currentStatuses = orderStatuses(episodes.filter((e) => e.startDate <= to && (!e.endDate || e.endDate >= to)).map((e) => e.status));
  const schools = new Map<string, { urn: string; name: string | null; first: IsoDate; last: IsoDate; sessions: number }>();
  const codeCounts = new Map<string, number>();
  for (const m of marks) {
    const s = schools.get(m.urn) ?? { urn: m.urn, name: m.name, first: m.date, last: m.date, sessions: 0 };
    s.last = m.date;
    s.sessions++;
    schools.set(m.urn, s);
    codeCounts.set(m.code, (codeCounts.get(m.code) ?? 0) + 1);
  }
  const cohort = currentStatuses[0] ?? "ALL";
  const t = record.targets.find((x) => x.cohort === cohort) ?? record.targets.find((x) => x.cohort === "ALL");
  return {
    child: { id: c.id, childRef: c.childRef, upn: c.upn, name: `${c.firstName} ${c.lastName}`, dateOfBirth: iso(c.dateOfBirth), team: c.team, sex: c.sex, sen: c.sen },
    episodes,
    currentStatuses,
    schools: [...schools.values()],
    marks: marks.map(({ name: _name, ...m }) => m),
    codeCounts: [...codeCounts.entries()].map(([code, count]) => ({ code, count, category: classifyCode(code) })).sort((a, b) => b.count - a.count),
    weeks: weeklyCounts(marks),
    summary: record.summary,
    academicYear,
    yearLabel: academicYearLabel(academicYear),
    window: { from, to },
    target: t ? { cohort: t.cohort, attendanceRate: Number(t.attendanceRate), maxPersistentRate: t.maxPersistentRate === null ? null : Number(t.maxPersistentRate), term: term.term } : null,
  };
}

