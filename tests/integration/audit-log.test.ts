import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantRoute } from "@/lib/auth/route";
import { AUDIT_ROUTES } from "@/lib/audit/export";
import { listAuditEvents, auditUserOptions } from "@/lib/audit/queries";
import { withTenant } from "@/lib/db/tenant";
import { parseAuditFilter } from "@/lib/schemas/audit";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { contextOf, createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";

// The audit log as the VSH reads and exports it: newest first, filtered by user, child, action and UK
// days, people by name and email, children by the authority's child id and never by name.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;

type Ev = { at: string; actor: string; action: string; subjectType?: string; subjectId?: string; detail?: Record<string, string | number> };

async function insert(tenantId: number, events: Ev[]) {
  await withTenant(tenantId, (tx) =>
    tx.auditEvent.createMany({ data: events.map((e) => ({ tenantId, at: new Date(e.at), actor: e.actor, action: e.action, subjectType: e.subjectType ?? null, subjectId: e.subjectId ?? null, detail: e.detail })) }),
  { prisma: t.prisma });
}

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "aud");
  // The fixture's sign-ins are in the log too; start from a clean one.
  // The app's role may not delete audit entries (append-only): the owner's connection does.
  await t.prisma.auditEvent.deleteMany({ where: { tenantId: { in: [fx.home.id, fx.other.id] } } });
  const vsh = fx.users.vsh!.id;
  const sup = fx.users.supervisor!.id;
  await t.prisma.membership.update({ where: { tenantId_userId: { tenantId: fx.home.id, userId: sup } }, data: { name: "=HYPERLINK(\"http://evil\")" } });
  await insert(fx.home.id, [
    // 30 March 2025: the clocks go forward at 01:00 UTC. 23:30 UTC on the 29th is still the 29th in the UK.
    { at: "2025-03-29T23:30:00Z", actor: vsh, action: "auth.signin", detail: { method: "password" } },
    { at: "2025-03-30T00:30:00Z", actor: sup, action: "child.view", subjectType: "child", subjectId: "AUD-HOME-1" },
    // 23:30 UTC on 30 March is 00:30 on the 31st in the UK (BST).
    { at: "2025-03-30T23:30:00Z", actor: sup, action: "child.view", subjectType: "child", subjectId: "AUD-HOME-2" },
    { at: "2025-04-01T09:00:00Z", actor: vsh, action: "user.update", subjectType: "user", subjectId: fx.target.id, detail: { role: "VSH" } },
    { at: "2025-04-02T09:00:00Z", actor: "cli", action: "import.run", subjectType: "import", subjectId: "7" },
    ...Array.from({ length: 60 }, (_, i): Ev => ({ at: `2025-05-01T10:${String(i).padStart(2, "0")}:00Z`, actor: vsh, action: "auth.signin" })),
  ]);
  await insert(fx.other.id, [{ at: "2025-03-30T00:30:00Z", actor: fx.users.otherTenant!.id, action: "child.view", subjectType: "child", subjectId: "AUD-HOME-1" }]);
  // A child's name in the database must never reach the log.
  await withTenant(fx.home.id, (tx) => tx.child.updateMany({ where: { tenantId: fx.home.id }, data: { firstName: "Zebedee", lastName: "Quartermaine" } }), { prisma: t.prisma });
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

const filter = (q: Record<string, string>) => parseAuditFilter(new URLSearchParams(q));

describe("reading the audit log", () => {
  it("shows this tenant's entries only, newest first, 50 to a page", async () => {
    const first = await listAuditEvents(fx.home.id, filter({}));
    expect(first.total).toBe(65);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    const times = first.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = await listAuditEvents(fx.home.id, filter({ page: "2" }));
    expect(last.rows).toHaveLength(15);
    expect(last.rows.at(-1)!.at.toISOString()).toBe("2025-03-29T23:30:00.000Z");
    // A page past the end shows the last page.
    expect((await listAuditEvents(fx.home.id, filter({ page: "99" }))).page).toBe(2);
  });

  it("names people by name and email, the command line as cli, and a user subject too", async () => {
    const rows = (await listAuditEvents(fx.home.id, filter({ page: "2" }))).rows;
    const update = rows.find((r) => r.action === "user.update")!;
    expect(update).toMatchObject({ actorName: fx.users.vsh!.name, actorEmail: fx.users.vsh!.email, subjectUser: { email: fx.target.email } });
    expect(rows.find((r) => r.action === "import.run")).toMatchObject({ actor: "cli", actorName: null });
  });

  it("filters by user", async () => {
    const log = await listAuditEvents(fx.home.id, filter({ user: fx.users.supervisor!.id }));
    expect(log.rows.map((r) => r.subjectId)).toEqual(["AUD-HOME-2", "AUD-HOME-1"]);
    expect((await listAuditEvents(fx.home.id, filter({ user: "cli" }))).total).toBe(1);
  });

  it("filters by the authority's child id", async () => {
    const log = await listAuditEvents(fx.home.id, filter({ child: " AUD-HOME-1 " }));
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ action: "child.view", subjectType: "child", subjectId: "AUD-HOME-1", actor: fx.users.supervisor!.id });
  });

  it("filters by action", async () => {
    expect((await listAuditEvents(fx.home.id, filter({ action: "auth.signin" }))).total).toBe(61);
    expect((await listAuditEvents(fx.home.id, filter({ action: "child.view" }))).total).toBe(2);
  });

  it("filters by UK days, across the change to summer time", async () => {
    const day = async (d: string) => (await listAuditEvents(fx.home.id, filter({ from: d, to: d }))).rows.map((r) => r.at.toISOString());
    expect(await day("2025-03-29")).toEqual(["2025-03-29T23:30:00.000Z"]);
    expect(await day("2025-03-30")).toEqual(["2025-03-30T00:30:00.000Z"]);
    expect(await day("2025-03-31")).toEqual(["2025-03-30T23:30:00.000Z"]);
    expect((await listAuditEvents(fx.home.id, filter({ from: "2025-04-01" }))).total).toBe(62);
    expect((await listAuditEvents(fx.home.id, filter({ to: "2025-03-31" }))).total).toBe(3);
    // Reversed dates are read the right way round.
    expect((await listAuditEvents(fx.home.id, filter({ from: "2025-03-31", to: "2025-03-29" }))).total).toBe(3);
  });

  it("drops filters that do not parse rather than failing", () => {
    expect(filter({ user: "'; DROP TABLE", action: "nope", from: "yesterday", page: "-3", child: "x".repeat(65) })).toEqual({ page: 1 });
  });

  it("offers this tenant's members in the user filter, and nobody else", async () => {
    const labels = (await auditUserOptions(fx.home.id)).map((u) => u.label).join("\n");
    expect(labels).toContain(fx.users.vsh!.email);
    expect(labels).not.toContain(fx.users.otherTenant!.email);
  });
});

describe("exporting the audit log", () => {
  const [capability, handler] = AUDIT_ROUTES.exportCsv;
  const get = async (query: string) =>
    runTenantRoute(await sessionOf(fx.users.vsh), fx.home.slug, capability, new Request(`http://127.0.0.1/${fx.home.slug}/audit/export?${query}`), handler);

  it("answers a CSV of the filtered entries, and records the export with its filters", async () => {
    const res = await get("action=child.view");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-aud-home-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),User id,User name,User email,Action,Subject type,Subject id,Detail");
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toContain(",child.view,child,AUD-HOME-2,");
    // A name that looks like a formula is written as text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const audit = await withTenant(fx.home.id, (tx) => tx.auditEvent.findFirst({ where: { tenantId: fx.home.id, action: "audit.export" }, orderBy: { id: "desc" } }), { prisma: t.prisma });
    expect(audit).toMatchObject({ actor: fx.users.vsh!.id, subjectType: "export", subjectId: "audit", detail: { action: "child.view", rows: 2, truncated: false } });
  });

  it("never carries a child's name, and never another tenant's entries", async () => {
    const text = await (await get("")).text();
    expect(text).not.toMatch(/Zebedee|Quartermaine|Secret|Name,/);
    expect(text).not.toContain(fx.users.otherTenant!.id);
    expect(text).toContain("AUD-HOME-1");
  });
});

describe("command-line entries", () => {
  // In the other tenant, whose log the tests above do not count.
  beforeAll(async () => {
    await insert(fx.other.id, [
      { at: "2025-06-01T09:00:00Z", actor: "cli", action: "import.run", subjectType: "import", subjectId: "1" },
      { at: "2025-06-02T09:00:00Z", actor: "cli:alice", action: "import.run", subjectType: "import", subjectId: "2", detail: { kind: "children", status: "SUCCEEDED" } },
    ]);
  });

  it("are all found by the command-line filter, whichever operating-system user ran them", async () => {
    const log = await listAuditEvents(fx.other.id, filter({ user: "cli" }));
    expect(log.rows.map((r) => r.actor)).toEqual(["cli:alice", "cli"]);
  });

  it("name the operating-system user in the export", async () => {
    const [capability, handler] = AUDIT_ROUTES.exportCsv;
    const res = await runTenantRoute(await sessionOf(fx.users.otherTenant), fx.other.slug, capability, new Request(`http://127.0.0.1/${fx.other.slug}/audit/export?user=cli`), handler);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",").slice(1, 3).join(","))).toEqual(["cli:alice,Command line (alice)", "cli,Command line"]);
  });
});
