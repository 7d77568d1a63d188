// The statements of the attendance import (attendance.ts).
//
// A key repeated in the file is found through the temporary table import_seen: the key and line of
// every row that came first with its key (a rejected row too: see Loader.holdKey), with the key as
// primary key. A row whose key is already there is a duplicate of that line. In import_seen the UPN is
// the child's id, or a negative number per unknown UPN, and the URN a number per URN of the file, so
// the table holds integers and dates only. Like every temporary table, it lives in the session's own
// schema, needs no grant beyond PostgreSQL's default TEMPORARY privilege, and is dropped at commit.

export const SEEN_TABLE_SQL = `CREATE TEMP TABLE import_seen (ckey int, skey int, date date, session "Session",
  line int NOT NULL, PRIMARY KEY (ckey, skey, date, session)) ON COMMIT DROP`;

/** Creates the schools of a batch that are new, and renames those whose name changed. */
export const SAVE_SCHOOLS_SQL = `INSERT INTO "School" ("tenantId", urn, name) SELECT $1, urn, name FROM unnest($2::text[], $3::text[]) AS x(urn, name)
  ON CONFLICT ("tenantId", urn) DO UPDATE SET name = EXCLUDED.name
  WHERE EXCLUDED.name IS NOT NULL AND "School".name IS DISTINCT FROM EXCLUDED.name`;

/**
 * One batch, one statement: remember each key (rows whose key is already held are left out), upsert
 * the marks of known children (counting inserted and changed ones, and naming the children touched),
 * and keep the marks of unknown UPNs aside. Parameters: $1 tenant, $2..$11 the batch's columns,
 * $12 the import run.
 */
export const MERGE_BATCH_SQL = `WITH b AS (
    SELECT line, ckey, skey, write, child_id, upn, school_id, date::date AS date, session::"Session" AS session, code
    FROM unnest($2::int[], $3::int[], $4::int[], $5::boolean[], $6::int[], $7::text[], $8::int[], $9::text[],
                $10::text[], $11::text[])
      AS b(line, ckey, skey, write, child_id, upn, school_id, date, session, code)
  ), fresh AS (
    INSERT INTO pg_temp.import_seen (ckey, skey, date, session, line)
    SELECT ckey, skey, date, session, line FROM b ORDER BY line
    ON CONFLICT DO NOTHING RETURNING line
  ), f AS (
    SELECT b.* FROM b JOIN fresh USING (line) WHERE b.write
  ), marks AS (
    INSERT INTO "AttendanceMark" ("tenantId", "childId", "schoolId", date, session, code)
    SELECT $1, child_id, school_id, date, session, code FROM f WHERE child_id IS NOT NULL
    ON CONFLICT ("tenantId", "childId", "schoolId", date, session) DO UPDATE SET code = EXCLUDED.code
    WHERE "AttendanceMark".code IS DISTINCT FROM EXCLUDED.code
    RETURNING (xmax = 0) AS inserted, "childId"
  ), unmatched AS (
    INSERT INTO "UnmatchedMark" ("tenantId", upn, "schoolUrn", "schoolName", date, session, code, "importRunId")
    SELECT $1, f.upn, sc.urn, sc.name, f.date, f.session, f.code, $12
    FROM f JOIN "School" sc ON sc."tenantId" = $1 AND sc.id = f.school_id WHERE f.child_id IS NULL
    ON CONFLICT ("tenantId", upn, "schoolUrn", date, session) DO UPDATE SET code = EXCLUDED.code,
      "schoolName" = EXCLUDED."schoolName", "importRunId" = EXCLUDED."importRunId"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM fresh)::int AS fresh,
         (SELECT count(*) FROM marks WHERE inserted)::int AS inserted,
         (SELECT count(*) FROM marks WHERE NOT inserted)::int AS updated,
         (SELECT count(*) FROM f WHERE child_id IS NOT NULL)::int AS matched,
         (SELECT count(*) FROM unmatched)::int AS unmatched,
         (SELECT coalesce(array_agg(DISTINCT "childId"), '{}') FROM marks) AS touched`;

/** The rows of a batch (not already rejected) whose key an earlier row holds, with that row's line. */
export const DUPLICATES_SQL = `SELECT b.line, s.line AS first
  FROM unnest($1::int[], $2::int[], $3::int[], $4::boolean[], $5::text[], $6::text[]) AS b(line, ckey, skey, write, date, session)
  JOIN pg_temp.import_seen s ON s.ckey = b.ckey AND s.skey = b.skey AND s.date = b.date::date
    AND s.session = b.session::"Session"
  WHERE b.write AND s.line <> b.line ORDER BY b.line`;
