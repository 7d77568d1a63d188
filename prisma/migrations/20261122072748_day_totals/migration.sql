-- CreateTable
CREATE TABLE "ChildDayTotal" (
    "tenantId" INTEGER NOT NULL,
    "childId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "possible" SMALLINT NOT NULL,
    "attended" SMALLINT NOT NULL,
    "authorised" SMALLINT NOT NULL,
    "unauthorised" SMALLINT NOT NULL,
    "noMark" SMALLINT NOT NULL,
    "cumPossible" INTEGER NOT NULL,
    "cumAttended" INTEGER NOT NULL,
    "cumAuthorised" INTEGER NOT NULL,
    "cumUnauthorised" INTEGER NOT NULL,
    "cumNoMark" INTEGER NOT NULL,

    CONSTRAINT "ChildDayTotal_pkey" PRIMARY KEY ("tenantId","childId","schoolId","date")
);

-- CreateTable
CREATE TABLE "ChildSchoolSpan" (
    "tenantId" INTEGER NOT NULL,
    "childId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "firstDate" DATE NOT NULL,
    "lastDate" DATE NOT NULL,

    CONSTRAINT "ChildSchoolSpan_pkey" PRIMARY KEY ("tenantId","childId","schoolId")
);

-- CreateIndex
CREATE INDEX "ChildDayTotal_tenantId_date_idx" ON "ChildDayTotal"("tenantId", "date");

-- CreateIndex
CREATE INDEX "ChildSchoolSpan_tenantId_schoolId_idx" ON "ChildSchoolSpan"("tenantId", "schoolId");

-- Row-level security, as on every tenant-owned table (see the row_level_security migration).
ALTER TABLE "ChildDayTotal" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ChildDayTotal" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
ALTER TABLE "ChildSchoolSpan" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ChildSchoolSpan" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
