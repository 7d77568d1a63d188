import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantRoute } from "@/lib/auth/route";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { ACTORS, decide, type ActorKey } from "../access/actors";
import { ROUTE_ROWS, type RouteRow } from "../access/routes";

// Every route handler as every actor, through the same runTenantRoute the app's tenantRoute calls.
// Anonymous: 401. Another tenant's member, a deactivated member and a role without the permission: 404,
// and nothing is written (a refused export is not even audited as one).

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "rte");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

const STATUS = { allowed: 200, signin: 401, notfound: 404, forbidden: 404 } as const;

async function call(row: RouteRow, actor: ActorKey, slug: string) {
  const [capability, handler] = row.def;
  const request = new Request(`http://127.0.0.1/${slug}${row.path({ childRef: fx.childRefs.home })}`, { method: row.method });
  return runTenantRoute(await sessionOf(fx.users[actor]), slug, capability, request, handler);
}

const auditCount = (tenantId: number) =>
  withTenant(tenantId, (tx) => tx.auditEvent.count({ where: { tenantId, action: { not: "auth.signin" } } }), { prisma: t.prisma });

const cells = ROUTE_ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, label: `${row.method} ${row.file} as ${actor}` })));

describe("access matrix: route handlers", () => {
  it.each(cells)("$label", async ({ row, actor }: { row: RouteRow; actor: ActorKey }) => {
    expect(row.def[0]).toBe(row.capability);
    const decision = decide(actor, row.capability);
    const before = { home: await auditCount(fx.home.id), other: await auditCount(fx.other.id) };
    const res = await call(row, actor, fx.home.slug);
    expect(res.status).toBe(STATUS[decision]);
    const after = { home: await auditCount(fx.home.id), other: await auditCount(fx.other.id) };
    if (decision === "allowed") {
      expect(after).toEqual({ home: before.home + 1, other: before.other });
      const user = fx.users[actor]!;
      const last = await withTenant(fx.home.id, (tx) => tx.auditEvent.findFirst({ where: { tenantId: fx.home.id }, orderBy: { id: "desc" } }), { prisma: t.prisma });
      expect(last).toMatchObject({ actor: user.id, action: row.audit });
    } else {
      expect(await res.json()).toEqual({ error: decision === "signin" ? "Sign in first." : "Not found." });
      expect(after).toEqual(before);
    }
  });

  it.each(ROUTE_ROWS.map((row) => ({ row, label: `${row.method} ${row.file}: an unknown tenant is not found` })))("$label", async ({ row }) => {
    expect((await call(row, "vsh", "no-such-tenant")).status).toBe(404);
  });
});
