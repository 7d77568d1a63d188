import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantRoute } from "@/lib/auth/route";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { loadChildPage } from "@/lib/children/child-page";
import { withTenant } from "@/lib/db/tenant";
import { IMPORT_ROUTES } from "@/lib/imports/routes";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";

// Anyone can type any URL. A path value that cannot name a record (a broken %-escape, an id past the
// database's integer range) answers not found, as a record that does not exist would: never a 500 from
// a decoder that throws or a query the database refuses. Run as a signed-in virtual school head, who
// may see every record here.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;
let vsh: TenantContext;
let runId: number;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "url");
  vsh = (await contextOf(fx.users.vsh!, fx.home.slug))!;
  runId = await withTenant(fx.home.id, async (tx) => (await tx.importRun.create({ data: { tenantId: fx.home.id, kind: "CHILDREN", fileName: "children.csv", actor: "cli", status: "SUCCEEDED" } })).id, { prisma: t.prisma });
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

const childViews = () => withTenant(fx.home.id, (tx) => tx.auditEvent.count({ where: { tenantId: fx.home.id, action: "child.view" } }), { prisma: t.prisma });

describe("GET /<tenant>/imports/<id>/rejected", () => {
  const [capability, handler] = IMPORT_ROUTES.rejectedRows;
  const get = async (id: string) => runTenantRoute(await sessionOf(fx.users.vsh), fx.home.slug, capability, new Request(`http://127.0.0.1/${fx.home.slug}/imports/${id}/rejected`), handler);

  it("downloads the rejected rows of a run of the tenant", async () => {
    expect((await get(String(runId))).status).toBe(200);
  });

  it.each(["99999999999999999999", "2147483648", "1e3", "0x10", "0", "-1", "01", "1.0", "%E0%A4%A"])("answers 404 for the id %s", async (id) => {
    const res = await get(id);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Not found." });
  });
});

describe("the child page's loader", () => {
  it("finds a child by the id in the URL, %-encoded as the app's links write it", async () => {
    const page = await loadChildPage(vsh, encodeURIComponent(fx.childRefs.home), undefined);
    expect(page?.record.child.childRef).toBe(fx.childRefs.home);
  });

  it.each(["%E0%A4%A", "%", "%ZZ", "%00", "%ED%A0%80"])("finds no child for %s, and audits no view", async (param) => {
    const before = await childViews();
    await expect(loadChildPage(vsh, param, undefined)).resolves.toBeNull();
    expect(await childViews()).toBe(before);
  });
});
