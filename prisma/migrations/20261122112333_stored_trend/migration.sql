-- CreateTable
CREATE TABLE "StoredTrend" (
    "tenantId" INTEGER NOT NULL,
    "yearFrom" DATE NOT NULL,
    "asOf" DATE NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredTrend_pkey" PRIMARY KEY ("tenantId","yearFrom","asOf")
);

-- CreateTable
CREATE TABLE "StoredTrendWeek" (
    "tenantId" INTEGER NOT NULL,
    "yearFrom" DATE NOT NULL,
    "asOf" DATE NOT NULL,
    "cohort" TEXT NOT NULL,
    "k" INTEGER NOT NULL,
    "possible" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "marked" INTEGER NOT NULL,
    "children" INTEGER NOT NULL,
    "persistent" INTEGER NOT NULL,

    CONSTRAINT "StoredTrendWeek_pkey" PRIMARY KEY ("tenantId","yearFrom","asOf","cohort","k")
);

-- Tenant isolation, as on every tenant-owned table (20261122070000_row_level_security).
ALTER TABLE "StoredTrend" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoredTrend" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
ALTER TABLE "StoredTrendWeek" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoredTrendWeek" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
