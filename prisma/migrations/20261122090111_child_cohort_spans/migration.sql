-- DropForeignKey
ALTER TABLE "AttendanceMark" DROP CONSTRAINT "AttendanceMark_tenantId_fkey";

-- DropIndex
DROP INDEX "AttendanceMark_tenantId_date_idx";

-- DropIndex
DROP INDEX "ChildDayTotal_tenantId_date_idx";

-- AlterTable
ALTER TABLE "ChildSchoolSpan" ADD COLUMN     "cumAttended" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cumAuthorised" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cumNoMark" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cumPossible" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cumUnauthorised" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ChildCohortSpan" (
    "tenantId" INTEGER NOT NULL,
    "childId" INTEGER NOT NULL,
    "cohort" "Status" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "beforePossible" INTEGER NOT NULL,
    "beforeAttended" INTEGER NOT NULL,
    "beforeAuthorised" INTEGER NOT NULL,
    "beforeUnauthorised" INTEGER NOT NULL,
    "beforeNoMark" INTEGER NOT NULL,
    "endPossible" INTEGER NOT NULL,
    "endAttended" INTEGER NOT NULL,
    "endAuthorised" INTEGER NOT NULL,
    "endUnauthorised" INTEGER NOT NULL,
    "endNoMark" INTEGER NOT NULL,

    CONSTRAINT "ChildCohortSpan_pkey" PRIMARY KEY ("tenantId","childId","cohort","startDate")
);

-- CreateIndex
CREATE INDEX "ChildDayTotal_slice_idx" ON "ChildDayTotal"("tenantId", "date", "childId", "schoolId", "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark");

-- Row-level security, as on every tenant-owned table (see the row_level_security migration).
ALTER TABLE "ChildCohortSpan" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ChildCohortSpan" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

-- Existing data: the totals at each school's last day, and every tenant's status timelines (the statement
-- lib/reports/cohort-spans.ts runs, for each tenant).
UPDATE "ChildSchoolSpan" sp SET "cumPossible" = d."cumPossible", "cumAttended" = d."cumAttended",
  "cumAuthorised" = d."cumAuthorised", "cumUnauthorised" = d."cumUnauthorised", "cumNoMark" = d."cumNoMark"
FROM "ChildDayTotal" d
WHERE d."tenantId" = sp."tenantId" AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId" AND d.date = sp."lastDate";

DO $$
DECLARE t integer;
BEGIN
  FOR t IN SELECT id FROM "Tenant" LOOP
    EXECUTE $q$
    WITH spans AS (
      SELECT e."childId",
        range_agg(daterange(e."startDate", e."endDate", '[]') * daterange($2::date, $3::date, '[]')) FILTER (WHERE e.status = 'CIN') AS s_cin,
        range_agg(daterange(e."startDate", e."endDate", '[]') * daterange($2::date, $3::date, '[]')) FILTER (WHERE e.status = 'CP') AS s_cp,
        range_agg(daterange(e."startDate", e."endDate", '[]') * daterange($2::date, $3::date, '[]')) FILTER (WHERE e.status = 'CLA') AS s_cla,
        range_agg(daterange(e."startDate", e."endDate", '[]') * daterange($2::date, $3::date, '[]')) FILTER (WHERE e.status = 'PLAC') AS s_plac,
        range_agg(daterange(e."startDate", e."endDate", '[]') * daterange($2::date, $3::date, '[]')) FILTER (WHERE e.status = 'KIN') AS s_kin
      FROM "StatusEpisode" e
      WHERE e."tenantId" = $1
        AND e.status IN ('CIN', 'CP', 'CLA', 'PLAC', 'KIN')
        AND e."startDate" <= $3::date
        AND (e."endDate" IS NULL OR e."endDate" >= $2::date)
        -- an end before the start holds no day (the import refuses such rows; this keeps daterange() from failing)
        AND (e."endDate" IS NULL OR e."endDate" >= e."startDate")
      GROUP BY e."childId"
    ),
    cohort_days AS (
      SELECT s."childId", v.cohort, v.days
      FROM spans s
      CROSS JOIN LATERAL (VALUES
        ('CIN', s_cin - coalesce(s_cla, '{}'::datemultirange) - coalesce(s_cp, '{}'::datemultirange)),
        ('CP', s_cp - coalesce(s_cla, '{}'::datemultirange)),
        ('CLA', s_cla),
        ('PLAC', s_plac),
        ('KIN', s_kin)
      ) AS v(cohort, days)
      WHERE v.days IS NOT NULL AND NOT isempty(v.days)
    ),
         r AS MATERIALIZED (
           SELECT cd."childId", cd.cohort, lower(u.r) AS start_day, lower(u.r) - 1 AS before_day,
                  CASE WHEN upper(u.r) = 'infinity' THEN NULL ELSE upper(u.r) - 1 END AS end_day
           FROM cohort_days cd CROSS JOIN LATERAL unnest(cd.days) AS u(r)
         )
         INSERT INTO "ChildCohortSpan" ("tenantId", "childId", cohort, "startDate", "endDate",
           "beforePossible", "beforeAttended", "beforeAuthorised", "beforeUnauthorised", "beforeNoMark", "endPossible", "endAttended", "endAuthorised", "endUnauthorised", "endNoMark")
         SELECT $1, r."childId", r.cohort::"Status", r.start_day, r.end_day,
           b."Possible", b."Attended", b."Authorised", b."Unauthorised", b."NoMark", coalesce(e."Possible", 0), coalesce(e."Attended", 0), coalesce(e."Authorised", 0), coalesce(e."Unauthorised", 0), coalesce(e."NoMark", 0)
         FROM r
         LEFT JOIN LATERAL (
          SELECT coalesce(sum(t."cumPossible"), 0)::int AS "Possible", coalesce(sum(t."cumAttended"), 0)::int AS "Attended", coalesce(sum(t."cumAuthorised"), 0)::int AS "Authorised", coalesce(sum(t."cumUnauthorised"), 0)::int AS "Unauthorised", coalesce(sum(t."cumNoMark"), 0)::int AS "NoMark"
          FROM "ChildSchoolSpan" sp
          CROSS JOIN LATERAL (
            SELECT d."cumPossible", d."cumAttended", d."cumAuthorised", d."cumUnauthorised", d."cumNoMark" FROM "ChildDayTotal" d
            WHERE d."tenantId" = $1 AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId" AND d.date <= r.before_day
            ORDER BY d.date DESC LIMIT 1) t
          WHERE sp."tenantId" = $1 AND sp."childId" = r."childId" AND sp."firstDate" <= r.before_day) b ON TRUE
         LEFT JOIN LATERAL (
          SELECT coalesce(sum(t."cumPossible"), 0)::int AS "Possible", coalesce(sum(t."cumAttended"), 0)::int AS "Attended", coalesce(sum(t."cumAuthorised"), 0)::int AS "Authorised", coalesce(sum(t."cumUnauthorised"), 0)::int AS "Unauthorised", coalesce(sum(t."cumNoMark"), 0)::int AS "NoMark"
          FROM "ChildSchoolSpan" sp
          CROSS JOIN LATERAL (
            SELECT d."cumPossible", d."cumAttended", d."cumAuthorised", d."cumUnauthorised", d."cumNoMark" FROM "ChildDayTotal" d
            WHERE d."tenantId" = $1 AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId" AND d.date <= r.end_day
            ORDER BY d.date DESC LIMIT 1) t
          WHERE sp."tenantId" = $1 AND sp."childId" = r."childId" AND sp."firstDate" <= r.end_day) e ON TRUE
    $q$ USING t, '-infinity'::text, 'infinity'::text;
  END LOOP;
END
$$;
