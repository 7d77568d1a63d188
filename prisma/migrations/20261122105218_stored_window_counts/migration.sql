-- CreateTable
CREATE TABLE "StoredWindow" (
    "tenantId" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "attribution" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredWindow_pkey" PRIMARY KEY ("tenantId","fromDate","toDate","attribution")
);

-- CreateTable
CREATE TABLE "StoredWindowCount" (
    "tenantId" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "attribution" TEXT NOT NULL,
    "childId" INTEGER NOT NULL,
    "cohort" "Status" NOT NULL,
    "possible" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "authorised" INTEGER NOT NULL,
    "unauthorised" INTEGER NOT NULL,
    "noMark" INTEGER NOT NULL,

    CONSTRAINT "StoredWindowCount_pkey" PRIMARY KEY ("tenantId","fromDate","toDate","attribution","childId","cohort")
);

-- Tenant isolation, as on every tenant-owned table (20261122070000_row_level_security).
ALTER TABLE "StoredWindow" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoredWindow" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
ALTER TABLE "StoredWindowCount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoredWindowCount" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
