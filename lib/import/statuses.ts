import { refreshCohortSpans } from "@/lib/reports/cohort-spans";
import type { StatusEpisodeKey, StatusEpisodeRow } from "@/lib/schemas/status-episode";
import { columnsOf } from "./batches";
import { StagedLoader, type Counts, type Lined } from "./loader";

// statuses.csv, upserted by child_id + status + start_date: a re-sent episode may close (end_date);
// a file without the end_date column leaves the end dates of existing episodes alone.
// The child must be in the tenant already (children.csv of this or an earlier import).

const T = "pg_temp.import_statuses";
const VALID = "s.rej_reason IS NULL AND NOT s.key_only";

export class StatusesLoader extends StagedLoader<StatusEpisodeRow, StatusEpisodeKey> {
  protected readonly stagingTable = T;

  protected async createStaging(): Promise<void> {
    await this.ctx.tx.exec(`CREATE TEMP TABLE import_statuses (
      line int PRIMARY KEY, key_only boolean NOT NULL, child_ref text NOT NULL, status text NOT NULL,
      start_date date NOT NULL, end_date date,
      rej_column text, rej_reason text) ON COMMIT DROP`);
  }

  protected async stage(rows: Lined<StatusEpisodeRow | StatusEpisodeKey>[]): Promise<void> {
    const flat = rows.map(({ line, row, keyOnly }) => ({ line, keyOnly, ...row }));
    await this.ctx.tx.query(
      `INSERT INTO ${T} (line, key_only, child_ref, status, start_date, end_date)
       SELECT * FROM unnest($1::int[], $2::boolean[], $3::text[], $4::text[], $5::date[], $6::date[])`,
      columnsOf(flat, ["line", "keyOnly", "childRef", "status", "startDate", "endDate"]),
    );
  }

  protected async merge(): Promise<Counts> {
    const { tx, tenantId } = this.ctx;
    await this.reject(
      "child_id",
      `format('no child with child_id "%s" in this authority', s.child_ref)`,
      `WHERE ${VALID} AND NOT EXISTS (SELECT 1 FROM "Child" c WHERE c."tenantId" = $1 AND c."childRef" = s.child_ref)`,
      [tenantId],
    );
    await this.reject(
      "child_id, status, start_date",
      `'duplicate of line ' || d.first`,
      `FROM (SELECT line, min(line) OVER (PARTITION BY child_ref, status, start_date) AS first FROM ${T} WHERE rej_reason IS NULL) d
       WHERE s.line = d.line AND d.first <> d.line AND ${VALID}`,
    );
    const { rows } = await tx.query<{ inserted: number; updated: number; total: number; touched: number[] }>(
      `WITH src AS (
         SELECT c.id AS child_id, s.status, s.start_date, s.end_date
         FROM ${T} s JOIN "Child" c ON c."tenantId" = $1 AND c."childRef" = s.child_ref WHERE ${VALID}
       ), up AS (
         INSERT INTO "StatusEpisode" ("tenantId", "childId", status, "startDate", "endDate")
         SELECT $1, child_id, status::"Status", start_date, end_date FROM src
         ON CONFLICT ("tenantId", "childId", status, "startDate") DO UPDATE SET "endDate" = EXCLUDED."endDate"
         WHERE ${this.ctx.columns.has("end_date")} AND "StatusEpisode"."endDate" IS DISTINCT FROM EXCLUDED."endDate"
         RETURNING (xmax = 0) AS inserted, "childId"
       )
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated,
              (SELECT count(*) FROM src)::int AS total, coalesce(array_agg(DISTINCT "childId"), '{}') AS touched
       FROM up`,
      [tenantId],
    );
    const { inserted, updated, total, touched } = rows[0]!;
    // The children whose episodes changed get their status timelines rebuilt (derived data).
    await refreshCohortSpans(tx, tenantId, touched);
    return { inserted, updated, unchanged: total - inserted - updated, unmatched: 0, linked: 0 };
  }
}
