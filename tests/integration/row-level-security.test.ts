import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { withTenant, withTenantRaw } from "@/lib/db/tenant";

// The database itself keeps tenants apart: a query that forgets its tenant filter still sees only the
// current tenant's rows.
describe("row-level security", () => {
  let t: TestDb;
  let a: number;
  let b: number;
  beforeAll(async () => {
    t = await createTestDb();
    a = (await t.prisma.tenant.create({ data: { slug: "rls-a", name: "A" } })).id;
    b = (await t.prisma.tenant.create({ data: { slug: "rls-b", name: "B" } })).id;
    await t.prisma.school.createMany({
      data: [
        { tenantId: a, urn: "100001", name: "A school" },
        { tenantId: b, urn: "200001", name: "B school 1" },
        { tenantId: b, urn: "200002", name: "B school 2" },
      ],
    });
  });
  afterAll(async () => t?.close());

  it("every table with a tenantId column is under row-level security with the tenant policy", async () => {
    const { rows } = await t.raw.query<{ table: string; rls: boolean; policy: string | null }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, p.qual AS policy
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
         LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation'
        WHERE c.relkind = 'r' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toContain("StoredWindowCount");
    for (const r of rows) expect({ table: r.table, rls: r.rls, policy: r.policy }).toEqual({ table: r.table, rls: true, policy: '("tenantId" = app_tenant_id())' });
  });

  it("a Prisma query with no tenant filter returns only the current tenant's rows", async () => {
    const seen = await withTenant(a, (tx) => tx.school.findMany(), { prisma: t.prisma });
    expect(seen.map((s) => s.urn)).toEqual(["100001"]);
    const tenants = await withTenant(b, (tx) => tx.tenant.findMany(), { prisma: t.prisma });
    expect(tenants.map((x) => x.slug)).toEqual(["rls-b"]);
  });

  it("plain SQL with no tenant filter returns only the current tenant's rows", async () => {
    const rows = await withTenantRaw(t.raw, b, (tx) => tx.query<{ urn: string }>(`SELECT urn FROM "School" ORDER BY urn`));
    expect(rows.rows.map((r) => r.urn)).toEqual(["200001", "200002"]);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      withTenant(a, (tx) => tx.school.create({ data: { tenantId: b, urn: "999999" } }), { prisma: t.prisma }),
    ).rejects.toThrow();
    expect(await t.prisma.school.count({ where: { urn: "999999" } })).toBe(0);
  });

  it("sees nothing when no tenant is set", async () => {
    const rows = await t.raw.transaction(async (tx) => {
      await tx.exec("SET LOCAL ROLE vs_app");
      return tx.query(`SELECT * FROM "School"`);
    });
    expect(rows.rows).toHaveLength(0);
  });
});
