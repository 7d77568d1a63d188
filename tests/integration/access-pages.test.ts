import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { ACTORS, decide, type ActorKey } from "../access/actors";
import { PAGE_ROWS, type PageRow } from "../access/pages";

// The decision every tenant page makes (requireTenant: the user's membership of the tenant in the URL,
// then the page's capability), taken for real users against the database. The browser layer
// (tests/e2e/access-matrix.spec.ts) visits the same table's URLs.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "pg");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

/** What requireTenant(slug, capability) decides, with the page's own capability. */
async function requireTenantDecision(actor: ActorKey, slug: string, row: PageRow): Promise<string> {
  const user = fx.users[actor];
  if (!user) return "signin";
  const ctx = await contextOf(user, slug);
  if (!ctx) return "notfound";
  if (row.access !== "member" && row.access !== "public" && !can(ctx.role, row.access)) return "notfound";
  return "allowed";
}

const tenantRows = PAGE_ROWS.filter((r) => r.route.startsWith("/[tenant]"));
// Record-level exceptions (a child outside a supervisor's teams) are the page's own query: the browser
// layer checks those cells.
const sample = { slug: "home", childRef: "C1", outsideChildRef: "C2" };
const cells = tenantRows.flatMap((row) =>
  ACTORS.filter((actor) => !row.expect?.[actor]).map((actor) => ({ row, actor, label: `${row.url({ home: sample, other: { ...sample, slug: "other" } })} as ${actor}` })),
);

describe("access matrix: pages (tenant membership and capability)", () => {
  it.each(cells)("$label", async ({ row, actor }: { row: PageRow; actor: ActorKey }) => {
    const expected = decide(actor, row.access);
    expect(await requireTenantDecision(actor, fx.home.slug, row)).toBe(expected === "forbidden" ? "notfound" : expected);
  });

  it("a member of both tenants gets each tenant's own role", async () => {
    const both = await t.prisma.user.findUniqueOrThrow({ where: { email: "vsh@pg-home.test" } });
    await withTenant(fx.other.id, (tx) => tx.membership.create({ data: { tenantId: fx.other.id, userId: both.id, role: "SENIOR_LEADER" } }), { prisma: t.prisma });
    const user = fx.users.vsh!;
    expect((await contextOf(user, fx.home.slug))?.role).toBe("VSH");
    expect((await contextOf(user, fx.other.slug))?.role).toBe("SENIOR_LEADER");
  });
});
