// The statements of the attendance import (attendance.ts).
//
// Every row of the file that has a valid key goes first into a temporary table without an index
// (appending is cheap); the whole file is then merged at once, set-based. While the file's rows come in
// key order (each child's rows together, and at each of its schools by date, AM before PM), they are
// staged a register day to a row, with the running totals counted as they go, into import_day (and a
// tenant's first marks are written into AttendanceDay batch by batch as they are staged); from the
// first row out of that order on, a session to a row into import_mark, and import_day's sessions join
// them at the end.
// The UPN is the child's id, or a negative number per unknown UPN (import_upn names them), and the URN
// a number per URN of the file (import_school gives the school's id), so the tables hold integers,
// dates and codes only; a code is NULL for a row rejected for its own problems, which is held only
// for its key (Loader.holdKey). Like every temporary table, these live in the session's own schema,
// need no grant beyond PostgreSQL's default TEMPORARY privilege, and are dropped at commit.

const CUM_COLUMNS = `"cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark"`;

export const STAGING_SQL = `CREATE TEMP TABLE import_mark (line int NOT NULL, ckey int NOT NULL, skey int NOT NULL,
    date date NOT NULL, session "Session" NOT NULL, code text) ON COMMIT DROP;
  CREATE TEMP TABLE import_day (batch int NOT NULL, ckey int NOT NULL, skey int NOT NULL, date date NOT NULL,
    line_am int, am text, line_pm int, pm text,
    "cumPossible" int NOT NULL, "cumAttended" int NOT NULL, "cumAuthorised" int NOT NULL, "cumUnauthorised" int NOT NULL, "cumNoMark" int NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_school (skey int PRIMARY KEY, school_id int NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_upn (ckey int PRIMARY KEY, upn text NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_dup (line int NOT NULL, first int NOT NULL, ckey int NOT NULL) ON COMMIT DROP`;

/** Appends rows to import_mark (COPY, where the database runner has it). */
export const STAGE_COPY = `pg_temp.import_mark (line, ckey, skey, date, session, code)`;

/** Appends days to import_day (COPY, where the database runner has it). */
export const STAGE_DAY_COPY = `pg_temp.import_day (batch, ckey, skey, date, line_am, am, line_pm, pm, ${CUM_COLUMNS})`;

/** Appends days to import_day. Parameters: the columns of STAGE_DAY_COPY. */
export const STAGE_DAY_SQL = `INSERT INTO ${STAGE_DAY_COPY}
  SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::date[], $5::int[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[])`;

/** The blocks import_day has: a batch appended next starts in the last of them or after it. */
export const DAY_BLOCKS_SQL = `SELECT (pg_relation_size('pg_temp.import_day') / current_setting('block_size')::int)::int AS blocks`;

/**
 * The days of a batch just staged in import_day, of known children and with a mark, with their running
 * totals: a part of a tenant's first marks, written as the file is read (insertDaysWithTotals,
 * day-totals.ts). Parameters: $1 the tenant, $2 a tid at or before the batch's first row (from
 * DAY_BLOCKS_SQL before it was staged: the scan starts there, not at the file's first day), $3 the batch.
 */
export const BATCH_DAYS_SQL = `SELECT d.ckey AS "childId", s.school_id AS "schoolId", d.date, d.am, d.pm, ${CUM_COLUMNS.split(", ").map((c) => `d.${c}`).join(", ")}
   FROM pg_temp.import_day d JOIN pg_temp.import_school s USING (skey)
  WHERE d.ctid >= $2::tid AND d.batch = $3 AND d.ckey > 0 AND (d.am IS NOT NULL OR d.pm IS NOT NULL)`;

/** Creates the schools of these URNs that are new (parameters: $1 tenant, $2 URNs, $3 names). */
export const NEW_SCHOOLS_SQL = `INSERT INTO "School" ("tenantId", urn, name) SELECT $1, urn, name FROM unnest($2::text[], $3::text[]) AS x(urn, name)
  ON CONFLICT ("tenantId", urn) DO NOTHING`;

/** The sessions of the days of import_day that meet `condition` (rows held for their key included), into import_mark. */
export const daySessionsSql = (condition: string) => `INSERT INTO pg_temp.import_mark (line, ckey, skey, date, session, code)
  SELECT line_am, ckey, skey, date, 'AM'::"Session", am FROM pg_temp.import_day WHERE line_am IS NOT NULL AND ${condition}
  UNION ALL
  SELECT line_pm, ckey, skey, date, 'PM'::"Session", pm FROM pg_temp.import_day WHERE line_pm IS NOT NULL AND ${condition}`;

/**
 * The days of known children of a file staged wholly in key order (import_day), for mergeMarks: columns
 * "childId", "schoolId", date, am, pm. Parameters: $1 the tenant (mergeMarks' own), $2 the school id of
 * each URN key (by position).
 */
export const ORDERED_DAYS_SQL = `SELECT d.ckey AS "childId", ($2::int[])[d.skey] AS "schoolId", d.date, d.am, d.pm
   FROM pg_temp.import_day d
  WHERE d.ckey > 0 AND (d.am IS NOT NULL OR d.pm IS NOT NULL)`;

/** Appends rows to import_mark. Parameters: the columns line, ckey, skey, date, session, code. */
export const STAGE_SQL = `INSERT INTO pg_temp.import_mark (line, ckey, skey, date, session, code)
  SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::date[], $5::"Session"[], $6::text[])`;

/** Creates the schools of the file that are new, and renames those whose name changed. */
export const SAVE_SCHOOLS_SQL = `INSERT INTO "School" ("tenantId", urn, name) SELECT $1, urn, name FROM unnest($2::text[], $3::text[]) AS x(urn, name)
  ON CONFLICT ("tenantId", urn) DO UPDATE SET name = EXCLUDED.name
  WHERE EXCLUDED.name IS NOT NULL AND "School".name IS DISTINCT FROM EXCLUDED.name`;

/**
 * The common case, a file without repeated keys, is proved by a unique index (made in a savepoint: it
 * fails at the first repeated key). The index also hands the rows to the merge in key order.
 */
export const UNIQUE_KEYS_SQL = `CREATE UNIQUE INDEX import_mark_key ON pg_temp.import_mark (ckey, skey, date, session)`;

/**
 * Otherwise: the rows whose key an earlier row holds (rows rejected for their own problems are not
 * listed again), with that row's line, into import_dup, and out of import_mark.
 */
export const DUPLICATES_SQL = [
  `INSERT INTO pg_temp.import_dup (line, first, ckey)
   SELECT line, first, ckey FROM (
     SELECT line, ckey, code, min(line) OVER (PARTITION BY ckey, skey, date, session) AS first FROM pg_temp.import_mark) d
   WHERE line <> first AND code IS NOT NULL`,
  `DELETE FROM pg_temp.import_mark m USING pg_temp.import_dup d WHERE m.line = d.line`,
];

/**
 * The file's marks of known children a register day to a row, for mergeMarks (day-totals.ts): columns
 * "childId", "schoolId", date, am, pm, and skey, the file's number of the school. Parameters: $1 the
 * tenant (mergeMarks' own), $2 the school id of each URN key (by position). Grouped in the order of the unique index
 * over the file (child, URN key, date, session): no sort.
 */
export const DAYS_SQL = `SELECT m.ckey AS "childId", ($2::int[])[m.skey] AS "schoolId", m.skey, m.date,
    max(m.code) FILTER (WHERE m.session = 'AM') AS am, max(m.code) FILTER (WHERE m.session = 'PM') AS pm
   FROM pg_temp.import_mark m
  WHERE m.ckey > 0 AND m.code IS NOT NULL
  GROUP BY m.ckey, m.skey, m.date
  ORDER BY m.ckey, m.skey, m.date`;

/** Keeps the marks of unknown UPNs aside. Parameters: $1 tenant, $2 the import run. */
export const MERGE_UNMATCHED_SQL = `INSERT INTO "UnmatchedMark" ("tenantId", upn, "schoolUrn", "schoolName", date, session, code, "importRunId")
  SELECT $1, u.upn, sc.urn, sc.name, m.date, m.session, m.code, $2
    FROM pg_temp.import_mark m JOIN pg_temp.import_upn u USING (ckey) JOIN pg_temp.import_school s USING (skey)
    JOIN "School" sc ON sc."tenantId" = $1 AND sc.id = s.school_id
   WHERE m.ckey < 0 AND m.code IS NOT NULL
  ON CONFLICT ("tenantId", upn, "schoolUrn", date, session) DO UPDATE SET code = EXCLUDED.code,
    "schoolName" = EXCLUDED."schoolName", "importRunId" = EXCLUDED."importRunId"`;
