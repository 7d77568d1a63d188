import type { ChildKey, ChildRow } from "@/lib/schemas/child";
import { columnsOf } from "./batches";
import { StagedLoader, type Counts, type Lined } from "./loader";
import { linkUnmatchedMarks } from "./link-unmatched";

// children.csv, upserted by child_id. UPNs are unique in the tenant: a UPN given to two children of the
// file, or held by a child of the tenant who keeps it, rejects the later row. Children may swap UPNs.
// A child_id repeated in the file keeps its first row (even a rejected one) and rejects the others.

const T = "pg_temp.import_children";
const VALID = "s.rej_reason IS NULL AND NOT s.key_only";

// The fields a file can change: its column, the Child column, and the staged value (`s`, team `t`).
// An optional column that is not in the file leaves that field of existing children as it is.
const FIELDS = [
  { column: "upn", target: "upn", staged: "s.upn" },
  { column: "first_name", target: `"firstName"`, staged: "s.first_name" },
  { column: "last_name", target: `"lastName"`, staged: "s.last_name" },
  { column: "date_of_birth", target: `"dateOfBirth"`, staged: "s.date_of_birth" },
  { column: "sex", target: "sex", staged: `s.sex::"Sex"` },
  { column: "ethnicity", target: "ethnicity", staged: "s.ethnicity" },
  { column: "sen", target: "sen", staged: `s.sen::"Sen"` },
  { column: "fsm", target: "fsm", staged: "s.fsm" },
  { column: "eal", target: "eal", staged: "s.eal" },
  { column: "team", target: `"teamId"`, staged: "t.id" },
] as const;

export class ChildrenLoader extends StagedLoader<ChildRow, ChildKey> {
  protected readonly stagingTable = T;

  protected async createStaging(): Promise<void> {
    await this.ctx.tx.exec(`CREATE TEMP TABLE import_children (
      line int PRIMARY KEY, key_only boolean NOT NULL, child_ref text NOT NULL, upn text, first_name text, last_name text,
      date_of_birth date, sex text, ethnicity text, sen text, fsm boolean, eal boolean, team text,
      rej_column text, rej_reason text) ON COMMIT DROP`);
  }

  protected async stage(rows: Lined<ChildRow | ChildKey>[]): Promise<void> {
    const flat = rows.map(({ line, row, keyOnly }) => ({ line, keyOnly, ...row }));
    const keys = ["line", "keyOnly", "childRef", "upn", "firstName", "lastName", "dateOfBirth", "sex", "ethnicity", "sen", "fsm", "eal", "team"];
    await this.ctx.tx.query(
      `INSERT INTO ${T} (line, key_only, child_ref, upn, first_name, last_name, date_of_birth, sex, ethnicity, sen, fsm, eal, team)
       SELECT * FROM unnest($1::int[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[],
                            $9::text[], $10::text[], $11::boolean[], $12::boolean[], $13::text[])`,
      columnsOf(flat, keys),
    );
  }

  protected async merge(): Promise<Counts> {
    const { tx, tenantId } = this.ctx;
    const fields = FIELDS.filter((f) => this.ctx.columns.has(f.column));
    const row = (prefix: string, expr: (f: (typeof FIELDS)[number]) => string) => `(${fields.map((f) => `${prefix}${expr(f)}`).join(", ")})`;
    await this.reject(
      "child_id",
      `'duplicate of line ' || d.first`,
      `FROM (SELECT line, min(line) OVER (PARTITION BY child_ref) AS first FROM ${T}) d
       WHERE s.line = d.line AND d.first <> d.line AND ${VALID}`,
    );
    await this.reject(
      "upn",
      `format('UPN %s is also given to child_id "%s" on line %s', s.upn, d.first_ref, d.first)`,
      `FROM (SELECT line, first_value(line) OVER w AS first, first_value(child_ref) OVER w AS first_ref
             FROM ${T} s WHERE ${VALID} AND upn IS NOT NULL WINDOW w AS (PARTITION BY upn ORDER BY line)) d
       WHERE s.line = d.line AND d.first <> d.line AND ${VALID}`,
    );
    // A UPN held by a child of the tenant who keeps it (not in the file, or in it only with rejected
    // rows). Rejecting a row can make its child keep its old UPN, so repeat until nothing changes.
    while (
      (await this.reject(
        "upn",
        `format('UPN %s already belongs to child_id "%s" in this authority', s.upn, c."childRef")`,
        `FROM "Child" c
         WHERE ${VALID} AND c."tenantId" = $1 AND c.upn = s.upn AND c."childRef" <> s.child_ref
           AND NOT EXISTS (SELECT 1 FROM ${T} o WHERE o.child_ref = c."childRef" AND o.rej_reason IS NULL AND NOT o.key_only)`,
        [tenantId],
      )) > 0
    );

    await tx.query(
      `INSERT INTO "Team" ("tenantId", name) SELECT DISTINCT $1::int, s.team FROM ${T} s WHERE ${VALID} AND s.team IS NOT NULL
       ON CONFLICT ("tenantId", name) DO NOTHING`,
      [tenantId],
    );
    const JOIN = `FROM ${T} s LEFT JOIN "Team" t ON t."tenantId" = $1 AND t.name = s.team`;
    const { rows } = await tx.query<{ inserted: number; updated: number; total: number }>(
      `SELECT count(*) FILTER (WHERE c.id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE c.id IS NOT NULL AND ${row("c.", (f) => f.target)} IS DISTINCT FROM ${row("", (f) => f.staged)})::int AS updated,
              count(*)::int AS total
       ${JOIN} LEFT JOIN "Child" c ON c."tenantId" = $1 AND c."childRef" = s.child_ref WHERE ${VALID}`,
      [tenantId],
    );
    const { inserted, updated, total } = rows[0]!;

    if (this.ctx.columns.has("upn")) {
      // Free the UPNs that change hands first: the unique index is checked row by row.
      await tx.query(
        `UPDATE "Child" c SET upn = NULL FROM ${T} s
         WHERE c."tenantId" = $1 AND c."childRef" = s.child_ref AND ${VALID} AND c.upn IS NOT NULL AND c.upn IS DISTINCT FROM s.upn`,
        [tenantId],
      );
    }
    await tx.query(
      `INSERT INTO "Child" ("tenantId", "childRef", ${FIELDS.map((f) => f.target).join(", ")})
       SELECT $1, s.child_ref, ${FIELDS.map((f) => f.staged).join(", ")} ${JOIN} WHERE ${VALID}
       ON CONFLICT ("tenantId", "childRef") DO UPDATE
         SET ${fields.map((f) => `${f.target} = EXCLUDED.${f.target}`).join(", ")}, "updatedAt" = now()
       WHERE ${row(`"Child".`, (f) => f.target)} IS DISTINCT FROM ${row("EXCLUDED.", (f) => f.target)}`,
      [tenantId],
    );
    const linked = await linkUnmatchedMarks(tx, tenantId);
    return { inserted, updated, unchanged: total - inserted - updated, unmatched: 0, linked };
  }
}
