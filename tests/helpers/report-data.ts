import type { ReportChild, ReportEpisode, ReportMark } from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { mergeStagedMarks, stageMarks } from "@/lib/reports/day-totals";

// Writes the in-memory input of lib/attendance's computeReport into a tenant's tables, set-based
// (unnest of arrays), inside the tenant's row-level security scope, and keeps the running totals exact
// as every writer of marks must (mergeMarks). Episodes and marks of children not in `children` are skipped: the
// database cannot hold them.

export type ReportData = { children: readonly ReportChild[]; episodes: readonly ReportEpisode[]; marks: readonly ReportMark[] };

export async function createTenant(raw: RawDb, slug: string): Promise<number> {
  const { rows } = await raw.query<{ id: number }>(`INSERT INTO "Tenant" (slug, name) VALUES ($1, $2) RETURNING id`, [slug, slug]);
  return rows[0]!.id;
}

/** Inserts the data; returns child_id -> Child.id. */
export async function insertReportData(raw: RawDb, tenantId: number, data: ReportData): Promise<Map<string, number>> {
  return withTenantRaw(raw, tenantId, async (tx) => {
    const c = data.children;
    const children = await tx.query<{ id: number; childRef: string }>(
      `INSERT INTO "Child" ("tenantId", "childRef", "firstName", "lastName", "dateOfBirth", sex, ethnicity, sen, fsm, eal)
       SELECT $1, ref, 'First', 'Last', dob::date, sex::"Sex", eth, sen::"Sen", fsm, eal
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[])
         AS t(ref, dob, sex, eth, sen, fsm, eal)
       RETURNING id, "childRef"`,
      [
        tenantId,
        c.map((x) => x.childId),
        c.map((x) => x.dateOfBirth),
        c.map((x) => x.sex),
        c.map((x) => x.ethnicity),
        c.map((x) => x.sen),
        c.map((x) => x.fsm),
        c.map((x) => x.eal),
      ],
    );
    const ids = new Map(children.rows.map((r) => [r.childRef, r.id]));

    const episodes = data.episodes.filter((e) => ids.has(e.childId));
    await tx.query(
      `INSERT INTO "StatusEpisode" ("tenantId", "childId", status, "startDate", "endDate")
       SELECT $1, child, status::"Status", s::date, e::date
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS t(child, status, s, e)`,
      [tenantId, episodes.map((e) => ids.get(e.childId)), episodes.map((e) => e.status), episodes.map((e) => e.startDate), episodes.map((e) => e.endDate)],
    );

    const marks = data.marks.filter((m) => ids.has(m.childId));
    const urns = [...new Set(marks.map((m) => m.schoolUrn))];
    const schools = await tx.query<{ id: number; urn: string }>(
      `INSERT INTO "School" ("tenantId", urn, name) SELECT $1, urn, 'School ' || urn FROM unnest($2::text[]) AS t(urn) RETURNING id, urn`,
      [tenantId, urns],
    );
    const schoolIds = new Map(schools.rows.map((r) => [r.urn, r.id]));
    // As every writer of marks does: through mergeMarks, which keeps the running totals exact.
    await stageMarks(tx, {
      childId: marks.map((m) => ids.get(m.childId)!),
      schoolId: marks.map((m) => schoolIds.get(m.schoolUrn)!),
      date: marks.map((m) => m.date),
      session: marks.map((m) => m.session),
      code: marks.map((m) => m.code),
    });
    await mergeStagedMarks(tx, tenantId);
    return ids;
  });
}
