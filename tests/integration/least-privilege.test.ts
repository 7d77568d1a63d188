import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantRaw } from "@/lib/db/tenant";
import { appDatabaseTarget, APP_ROLE } from "@/lib/db/url";
import type { SqlRunner } from "@/lib/db/raw";
import { hashPassword } from "@/lib/auth/password";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The database as a second lock that holds against an attacker, not only against a forgotten WHERE:
// what the app's own role, vs_app, can do if an attacker gets SQL into one of its connections
// (security issue: finding 4). On PostgreSQL the queries run on a real login as vs_app, the way the web
// server connects (TestDb.app); PGlite is one session, so there they run after SET ROLE vs_app.

let t: TestDb;
let a: number;
let b: number;
let memberOfB: string;

beforeAll(async () => {
  t = await createTestDb();
  a = (await t.prisma.tenant.create({ data: { slug: "lp-a", name: "A" } })).id;
  b = (await t.prisma.tenant.create({ data: { slug: "lp-b", name: "B" } })).id;
  const hash = await hashPassword("a password of tenant a's head");
  const headOfA = await t.prisma.user.create({ data: { email: "head@lp-a.test", name: "Head of A", passwordHash: hash } });
  const headOfB = await t.prisma.user.create({ data: { email: "head@lp-b.test", name: "Head of B", passwordHash: hash } });
  memberOfB = headOfB.id;
  await t.prisma.membership.createMany({ data: [{ tenantId: a, userId: headOfA.id, role: "VSH", name: "Head of A" }, { tenantId: b, userId: headOfB.id, role: "VSH", name: "Head of B" }] });
  await t.prisma.auditEvent.create({ data: { tenantId: b, actor: headOfB.id, action: "child.view", subjectType: "child", subjectId: "B-1" } });
});
afterAll(async () => t?.close());

/** Runs fn as the app would in tenant `tenantId` (null: outside any tenant), as vs_app. */
function asApp<T>(tenantId: number | null, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  if (tenantId !== null) return withTenantRaw(t.app.raw, tenantId, fn);
  return t.app.raw.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return fn(tx);
  });
}

const denied = /permission denied/;

describe("the app's role", () => {
  it("is a login role that is not a superuser, cannot bypass row-level security and owns no table", async () => {
    const { rows } = await t.raw.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls, r.rolcanlogin,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: true, owned: 0 }]);
  });

  it("is who the running app connects as, and RESET ROLE cannot leave it (PostgreSQL)", async () => {
    if (t.kind === "postgres") {
      const who = await t.app.raw.transaction(async (tx) => {
        await tx.exec("RESET ROLE");
        return (await tx.query<{ u: string; s: string }>(`SELECT current_user AS u, session_user AS s`)).rows[0];
      });
      expect(who).toEqual({ u: APP_ROLE, s: APP_ROLE });
      await expect(t.app.raw.query(`SET ROLE postgres`)).rejects.toThrow(denied);
      // set_config('role', ...) is SET ROLE under another name: refused the same way.
      await expect(t.app.raw.query(`SELECT set_config('role', 'postgres', false)`)).rejects.toThrow(denied);
    } else {
      // PGlite is one session of its superuser; the server opens it as vs_app (RESET ROLE would leave it).
      expect(appDatabaseTarget("pglite:./.data/pglite")).toMatchObject({ kind: "pglite", user: APP_ROLE });
    }
    expect(appDatabaseTarget("postgresql://owner:secret@db.example:5432/vsa")).toEqual({ kind: "postgres", url: "postgresql://vs_app@db.example:5432/vsa" });
  });

  it("no table is open to vs_app without row-level security, but for none at all", async () => {
    const { rows } = await t.raw.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE c.relkind = 'r' AND NOT c.relrowsecurity
          AND (has_table_privilege($1, c.oid, 'SELECT') OR has_table_privilege($1, c.oid, 'INSERT')
               OR has_table_privilege($1, c.oid, 'UPDATE') OR has_table_privilege($1, c.oid, 'DELETE')
               OR has_table_privilege($1, c.oid, 'TRUNCATE'))
        ORDER BY 1`,
      [APP_ROLE],
    );
    expect(rows).toEqual([]);
  });
});

describe("accounts (User)", () => {
  it("another tenant cannot change a user's password hash", async () => {
    await expect(asApp(a, (tx) => tx.query(`UPDATE "User" SET "passwordHash" = 'x' WHERE email = 'head@lp-b.test'`))).rejects.toThrow(denied);
    const after = await t.prisma.user.findUniqueOrThrow({ where: { email: "head@lp-b.test" } });
    expect(after.passwordHash).toMatch(/^\$2/);
  });

  it("no password hash is readable, not even a member's", async () => {
    await expect(asApp(b, (tx) => tx.query(`SELECT "passwordHash" FROM "User"`))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`SELECT * FROM "User"`))).rejects.toThrow(denied);
  });

  it("sees the accounts of the current tenant's members only, and none outside a tenant", async () => {
    const inB = await asApp(b, (tx) => tx.query<{ email: string }>(`SELECT email FROM "User" ORDER BY 1`));
    expect(inB.rows.map((r) => r.email)).toEqual(["head@lp-b.test"]);
    const outside = await asApp(null, (tx) => tx.query(`SELECT email FROM "User"`));
    expect(outside.rows).toEqual([]);
  });

  it("cannot make or delete accounts", async () => {
    await expect(asApp(a, (tx) => tx.query(`INSERT INTO "User" (id, email, name) VALUES ('x', 'x@x.test', 'x')`))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`DELETE FROM "User" WHERE id = $1`, [memberOfB]))).rejects.toThrow(denied);
  });
});

describe("the audit trail and the security log are append-only", () => {
  it("vs_app cannot UPDATE, DELETE or TRUNCATE AuditEvent, but may read and add its tenant's entries", async () => {
    await expect(asApp(b, (tx) => tx.query(`UPDATE "AuditEvent" SET action = 'nothing'`))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`DELETE FROM "AuditEvent"`))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`TRUNCATE "AuditEvent"`))).rejects.toThrow(denied);
    await asApp(b, (tx) => tx.query(`INSERT INTO "AuditEvent" ("tenantId", actor, action) VALUES ($1, 'x', 'child.view')`, [b]));
    const seen = await asApp(b, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent"`));
    expect(seen.rows[0]!.n).toBe(2);
  });

  it("vs_app reads its tenant's security events, and cannot write, change or delete any directly", async () => {
    await asApp(b, (tx) => tx.query(`SELECT app_security_event('lp-b', 'access.refused', 'someone', '192.0.2.1', '/lp-b/users', NULL)`));
    await asApp(null, (tx) => tx.query(`SELECT app_security_event('lp-a', 'access.not_member', 'someone', '192.0.2.1', '/lp-a', NULL)`));
    expect((await asApp(b, (tx) => tx.query(`SELECT kind FROM "SecurityEvent"`))).rows).toEqual([{ kind: "access.refused" }]);
    expect((await asApp(a, (tx) => tx.query(`SELECT kind FROM "SecurityEvent"`))).rows).toEqual([{ kind: "access.not_member" }]);
    await expect(asApp(b, (tx) => tx.query(`INSERT INTO "SecurityEvent" ("tenantId", kind) VALUES ($1, 'forged')`, [b]))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`UPDATE "SecurityEvent" SET kind = 'x'`))).rejects.toThrow(denied);
    await expect(asApp(b, (tx) => tx.query(`DELETE FROM "SecurityEvent"`))).rejects.toThrow(denied);
  });
});

describe("tables the app reaches only through functions, or not at all", () => {
  it.each([
    ["_prisma_migrations", `SELECT * FROM _prisma_migrations`],
    ["_prisma_migrations", `DELETE FROM _prisma_migrations`],
    ["SignInAttempt", `SELECT * FROM "SignInAttempt"`],
    ["SignInAttempt", `DELETE FROM "SignInAttempt"`],
    ["UserSession", `SELECT * FROM "UserSession"`],
    ["UserSession", `UPDATE "UserSession" SET "revokedAt" = NULL`],
  ])("%s: %s is refused", async (_table, sql) => {
    await expect(asApp(a, (tx) => tx.query(sql))).rejects.toThrow(denied);
    await expect(asApp(null, (tx) => tx.query(sql))).rejects.toThrow(denied);
  });

  it("the SECURITY DEFINER functions fix their search_path, and nobody but vs_app may call them", async () => {
    const { rows } = await t.raw.query<{ name: string; config: string[] | null; trigger: boolean; public_exec: boolean; app_exec: boolean }>(
      `SELECT p.proname AS name, p.proconfig AS config, p.prorettype = 'trigger'::regtype AS trigger,
              has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec,
              has_function_privilege($1, p.oid, 'EXECUTE') AS app_exec
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
        WHERE p.prosecdef ORDER BY 1`,
      [APP_ROLE],
    );
    const callable = rows.filter((r) => !r.trigger);
    expect(callable.map((r) => r.name)).toEqual(["app_member_account", "app_security_event", "app_session", "auth_credentials", "auth_failures", "auth_record_attempt", "auth_session_open", "auth_session_revoke"]);
    for (const r of callable) expect({ name: r.name, public_exec: r.public_exec, app_exec: r.app_exec }).toEqual({ name: r.name, public_exec: false, app_exec: true });
    // pg_temp last: otherwise a temporary table of the caller's would be found before the real one.
    for (const r of rows) expect({ name: r.name, path: r.config?.find((c) => c.startsWith("search_path=")) }).toEqual({ name: r.name, path: "search_path=pg_catalog, public, pg_temp" });
  });

  it("app_member_account refuses to run outside a tenant, and tells nothing of an existing account but its id", async () => {
    await expect(asApp(null, (tx) => tx.query(`SELECT app_member_account('head@lp-b.test', 'Guess', NULL)`))).rejects.toThrow(/needs a tenant/);
    const { rows } = await asApp(a, (tx) => tx.query<{ id: string }>(`SELECT app_member_account('HEAD@lp-b.test', 'Another name', 'x') AS id`));
    expect(rows).toEqual([{ id: memberOfB }]);
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: memberOfB } });
    expect({ name: after.name, hash: after.passwordHash?.startsWith("$2") }).toEqual({ name: "Head of B", hash: true });
  });
});
