-- Register marks are kept one row per child, school and day (AttendanceDay): the AM and PM marks side by
-- side, with the running session totals since the child's first day at that school. This replaces
-- AttendanceMark (a row per session) and ChildDayTotal (a row per day, derived from it): an import
-- writes half as many rows, into one table instead of two (issue 6).

-- CreateTable
CREATE TABLE "AttendanceDay" (
    "tenantId" INTEGER NOT NULL,
    "childId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "am" VARCHAR(2),
    "pm" VARCHAR(2),
    "cumPossible" INTEGER NOT NULL,
    "cumAttended" INTEGER NOT NULL,
    "cumAuthorised" INTEGER NOT NULL,
    "cumUnauthorised" INTEGER NOT NULL,
    "cumNoMark" INTEGER NOT NULL,

    CONSTRAINT "AttendanceDay_pkey" PRIMARY KEY ("tenantId","childId","schoolId","date")
);

-- CreateIndex
CREATE INDEX "AttendanceDay_slice_idx" ON "AttendanceDay"("tenantId", "date", "childId", "schoolId", "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark");

-- A day without a mark has no row.
ALTER TABLE "AttendanceDay" ADD CONSTRAINT "AttendanceDay_marked" CHECK ("am" IS NOT NULL OR "pm" IS NOT NULL);

-- The marks and running totals kept so far, a day to a row.
INSERT INTO "AttendanceDay" ("tenantId", "childId", "schoolId", "date", "am", "pm",
    "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark")
SELECT m."tenantId", m."childId", m."schoolId", m."date",
       max(m."code") FILTER (WHERE m."session" = 'AM'), max(m."code") FILTER (WHERE m."session" = 'PM'),
       t."cumPossible", t."cumAttended", t."cumAuthorised", t."cumUnauthorised", t."cumNoMark"
  FROM "AttendanceMark" m
  JOIN "ChildDayTotal" t ON t."tenantId" = m."tenantId" AND t."childId" = m."childId" AND t."schoolId" = m."schoolId" AND t."date" = m."date"
 GROUP BY m."tenantId", m."childId", m."schoolId", m."date",
          t."cumPossible", t."cumAttended", t."cumAuthorised", t."cumUnauthorised", t."cumNoMark";

DROP TABLE "AttendanceMark";
DROP TABLE "ChildDayTotal";

-- Tenant isolation, as on every tenant-owned table (20261122070000_row_level_security).
ALTER TABLE "AttendanceDay" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AttendanceDay" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

-- The marks a session to a row, as the register and the import file give them: for readers that want
-- sessions (the child's record, the weekly trend, an analyst's query). security_invoker: the caller's
-- row-level security applies, as on the table.
CREATE VIEW "AttendanceMark" WITH (security_invoker = true) AS
SELECT d."tenantId", d."childId", d."schoolId", d."date", s."session", s."code"
  FROM "AttendanceDay" d
 CROSS JOIN LATERAL (VALUES ('AM'::"Session", d."am"), ('PM'::"Session", d."pm")) AS s("session", "code")
 WHERE s."code" IS NOT NULL;
REVOKE ALL ON "AttendanceMark" FROM vs_app;
GRANT SELECT ON "AttendanceMark" TO vs_app;

-- Referential integrity, checked a statement at a time. A foreign key checks each row on its own: an
-- index look-up and a row lock on Child and on School for every one of millions of imported days,
-- which cost an import three quarters of its time. These triggers do what the two keys did, set-based:
--   * rows inserted: every (tenant, child) and (tenant, school) they name exists, and is locked FOR KEY
--     SHARE as a foreign key locks it (a concurrent delete of that child waits, or this insert fails);
--   * a child or school deleted: its days go with it (ON DELETE CASCADE);
--   * the key of a day, a child or a school is never changed in place.
-- SECURITY DEFINER, as a foreign key's checks run: they see every row whatever the caller's tenant.
CREATE FUNCTION attendance_day_parents_exist() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  wanted bigint;
  found bigint;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT "tenantId", "childId" FROM new_days) k;
  PERFORM 1 FROM "Child" c WHERE (c."tenantId", c."id") IN (SELECT "tenantId", "childId" FROM new_days) FOR KEY SHARE OF c;
  GET DIAGNOSTICS found = ROW_COUNT;
  IF found <> wanted THEN
    RAISE foreign_key_violation USING MESSAGE = 'A register day names a child that its tenant does not have',
      TABLE = 'AttendanceDay', CONSTRAINT = 'AttendanceDay_child_fkey';
  END IF;
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT "tenantId", "schoolId" FROM new_days) k;
  PERFORM 1 FROM "School" s WHERE (s."tenantId", s."id") IN (SELECT "tenantId", "schoolId" FROM new_days) FOR KEY SHARE OF s;
  GET DIAGNOSTICS found = ROW_COUNT;
  IF found <> wanted THEN
    RAISE foreign_key_violation USING MESSAGE = 'A register day names a school that its tenant does not have',
      TABLE = 'AttendanceDay', CONSTRAINT = 'AttendanceDay_school_fkey';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "AttendanceDay_parents" AFTER INSERT ON "AttendanceDay"
  REFERENCING NEW TABLE AS new_days FOR EACH STATEMENT EXECUTE FUNCTION attendance_day_parents_exist();

CREATE FUNCTION attendance_day_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE foreign_key_violation USING MESSAGE = format('The key of a %s row is never changed in place', TG_TABLE_NAME);
END
$$;
CREATE TRIGGER "AttendanceDay_key_fixed" BEFORE UPDATE OF "tenantId", "childId", "schoolId" ON "AttendanceDay" FOR EACH ROW
  WHEN (OLD."tenantId" IS DISTINCT FROM NEW."tenantId" OR OLD."childId" IS DISTINCT FROM NEW."childId" OR OLD."schoolId" IS DISTINCT FROM NEW."schoolId")
  EXECUTE FUNCTION attendance_day_key_fixed();
CREATE TRIGGER "Child_key_fixed" BEFORE UPDATE OF "tenantId", "id" ON "Child" FOR EACH ROW
  WHEN (OLD."tenantId" IS DISTINCT FROM NEW."tenantId" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION attendance_day_key_fixed();
CREATE TRIGGER "School_key_fixed" BEFORE UPDATE OF "tenantId", "id" ON "School" FOR EACH ROW
  WHEN (OLD."tenantId" IS DISTINCT FROM NEW."tenantId" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION attendance_day_key_fixed();

-- The cascade deletes the days its statement sees. Under READ COMMITTED (the app's only level) that is
-- every committed day: an insert still running holds the child FOR KEY SHARE, so the delete waits for it.
-- Under REPEATABLE READ or SERIALIZABLE, days committed after the transaction's snapshot would be
-- missed (a foreign key's cascade checks with a fresh snapshot and fails with 40001 then): such a
-- delete is refused with 40001, to be retried under READ COMMITTED.
CREATE FUNCTION attendance_day_cascade_allowed() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE serialization_failure USING
      MESSAGE = 'A child or school (and with it its register days) is deleted under READ COMMITTED only',
      HINT = 'Run the delete again in a READ COMMITTED transaction.';
  END IF;
END
$$;

CREATE FUNCTION attendance_day_child_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_children) THEN RETURN NULL; END IF;
  PERFORM attendance_day_cascade_allowed();
  DELETE FROM "AttendanceDay" d USING old_children o WHERE d."tenantId" = o."tenantId" AND d."childId" = o."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "Child_cascade_days" AFTER DELETE ON "Child"
  REFERENCING OLD TABLE AS old_children FOR EACH STATEMENT EXECUTE FUNCTION attendance_day_child_deleted();

CREATE FUNCTION attendance_day_school_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_schools) THEN RETURN NULL; END IF;
  PERFORM attendance_day_cascade_allowed();
  DELETE FROM "AttendanceDay" d USING old_schools o WHERE d."tenantId" = o."tenantId" AND d."schoolId" = o."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "School_cascade_days" AFTER DELETE ON "School"
  REFERENCING OLD TABLE AS old_schools FOR EACH STATEMENT EXECUTE FUNCTION attendance_day_school_deleted();
