// The statements of the attendance import (attendance.ts).
//
// Every row of the file that has a valid key goes first into the temporary table import_mark, which
// has no index (appending is cheap); the whole file is then merged at once, set-based. In import_mark
// the UPN is the child's id, or a negative number per unknown UPN (import_upn names them), and the URN
// a number per URN of the file (import_school gives the school's id), so the table holds integers,
// dates and the code only; `code` is NULL for a row rejected for its own problems, which is held only
// for its key (Loader.holdKey). Like every temporary table, these live in the session's own schema,
// need no grant beyond PostgreSQL's default TEMPORARY privilege, and are dropped at commit.

export const STAGING_SQL = `CREATE TEMP TABLE import_mark (line int NOT NULL, ckey int NOT NULL, skey int NOT NULL,
    date date NOT NULL, session "Session" NOT NULL, code text) ON COMMIT DROP;
  CREATE TEMP TABLE import_school (skey int PRIMARY KEY, school_id int NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_upn (ckey int PRIMARY KEY, upn text NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_dup (line int NOT NULL, first int NOT NULL, ckey int NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE import_changed ("childId" int PRIMARY KEY, "firstDate" date NOT NULL) ON COMMIT DROP`;

/** Appends rows to import_mark (COPY, where the database runner has it). */
export const STAGE_COPY = `pg_temp.import_mark (line, ckey, skey, date, session, code)`;

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
 * Upserts the marks of known children, and notes each child whose marks changed with the first day
 * changed (import_changed). Returns the rows inserted and updated. Parameters: $1 tenant, $2 the
 * school id of each URN key (by position). The rows go in the order of the unique index over the file
 * (no join, no sort), which writes the marks' primary key nearly in order: child by child.
 */
export const MERGE_MARKS_SQL = `WITH marks AS (
    INSERT INTO "AttendanceMark" ("tenantId", "childId", "schoolId", date, session, code)
    SELECT $1, m.ckey, ($2::int[])[m.skey], m.date, m.session, m.code
      FROM pg_temp.import_mark m
     WHERE m.ckey > 0 AND m.code IS NOT NULL
     ORDER BY m.ckey, m.skey, m.date, m.session
    ON CONFLICT ("tenantId", "childId", "schoolId", date, session) DO UPDATE SET code = EXCLUDED.code
    WHERE "AttendanceMark".code IS DISTINCT FROM EXCLUDED.code
    RETURNING (xmax = 0) AS inserted, "childId", date
  ), changed AS (
    INSERT INTO pg_temp.import_changed ("childId", "firstDate") SELECT "childId", min(date) FROM marks GROUP BY "childId"
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM marks`;

/**
 * MERGE_MARKS_SQL for a tenant that has no marks yet (its first file): a plain insert, and every child
 * of the file changed from its first day. Parameters as MERGE_MARKS_SQL.
 */
export const FIRST_MARKS_SQL = [
  `INSERT INTO "AttendanceMark" ("tenantId", "childId", "schoolId", date, session, code)
   SELECT $1, m.ckey, ($2::int[])[m.skey], m.date, m.session, m.code
     FROM pg_temp.import_mark m
    WHERE m.ckey > 0 AND m.code IS NOT NULL
    ORDER BY m.ckey, m.skey, m.date, m.session`,
  `INSERT INTO pg_temp.import_changed ("childId", "firstDate")
   SELECT ckey, min(date) FROM pg_temp.import_mark WHERE ckey > 0 AND code IS NOT NULL GROUP BY ckey`,
];

/** Keeps the marks of unknown UPNs aside. Parameters: $1 tenant, $2 the import run. */
export const MERGE_UNMATCHED_SQL = `INSERT INTO "UnmatchedMark" ("tenantId", upn, "schoolUrn", "schoolName", date, session, code, "importRunId")
  SELECT $1, u.upn, sc.urn, sc.name, m.date, m.session, m.code, $2
    FROM pg_temp.import_mark m JOIN pg_temp.import_upn u USING (ckey) JOIN pg_temp.import_school s USING (skey)
    JOIN "School" sc ON sc."tenantId" = $1 AND sc.id = s.school_id
   WHERE m.ckey < 0 AND m.code IS NOT NULL
  ON CONFLICT ("tenantId", upn, "schoolUrn", date, session) DO UPDATE SET code = EXCLUDED.code,
    "schoolName" = EXCLUDED."schoolName", "importRunId" = EXCLUDED."importRunId"`;
