import pg from "pg";
import bcrypt from "bcryptjs";
import { openAdapter } from "@/lib/db/adapter";
import { parseDatabaseUrl } from "@/lib/db/url";
import { applyMigrations, openEngine } from "@/lib/db/migrate/engine";
import { DEMO_HALF_TERMS } from "@/prisma/seed/calendar";
import { CONFIG, SUPERVISOR_EMAIL, VSH_EMAIL } from "./config";

// The benchmark's own PostgreSQL database: BENCH_DATABASE_URL names it (it is dropped and made again on
// every run), else a database "vs_bench" beside TEST_DATABASE_URL's, else on the local server.

const LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function benchUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const u = new URL(process.env.TEST_DATABASE_URL ?? LOCAL);
  u.pathname = "/vs_bench";
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops and recreates the bench database, then applies the project's migrations to it. */
export async function freshDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unexpected bench database name "${name}"`);
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const opened = openAdapter(parseDatabaseUrl(url));
  try {
    await applyMigrations(await openEngine(opened.factory));
  } finally {
    await opened.close();
  }
}

export type BenchTenant = { id: number; slug: string; laCode: string };

/** The tenants with their term dates, and the two users the page and caseload measures sign in as. */
export async function createTenants(url: string): Promise<BenchTenant[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const hash = await bcrypt.hash(CONFIG.password, 10);
    const users = await c.query<{ id: string; email: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'Bench VSH', $3), (gen_random_uuid(), $2, 'Bench Supervisor', $3)
       RETURNING id, email`,
      [VSH_EMAIL, SUPERVISOR_EMAIL, hash],
    );
    const userId = (email: string) => users.rows.find((u) => u.email === email)!.id;
    const tenants: BenchTenant[] = [];
    for (const t of CONFIG.tenants) {
      const { rows } = await c.query<{ id: number }>(`INSERT INTO "Tenant" (slug, name, "laCode") VALUES ($1, $2, $3) RETURNING id`, [t.slug, t.name, t.laCode]);
      const id = rows[0]!.id;
      for (const h of DEMO_HALF_TERMS) {
        await c.query(`INSERT INTO "HalfTerm" VALUES ($1, $2, $3, $4, $5, $6)`, [id, h.academicYear, h.term, h.half, h.startDate, h.endDate]);
      }
      await c.query(`INSERT INTO "Membership" ("tenantId", "userId", role) VALUES ($1, $2, 'VSH'), ($1, $3, 'PRACTICE_SUPERVISOR')`, [id, userId(VSH_EMAIL), userId(SUPERVISOR_EMAIL)]);
      tenants.push({ id, slug: t.slug, laCode: t.laCode });
    }
    return tenants;
  } finally {
    await c.end();
  }
}

/** After the children's import made the teams: the supervisor holds the first teams of each tenant. */
export async function assignSupervisorTeams(url: string, teamNames: string[]): Promise<Map<number, number[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ tenantId: number; id: number }>(
      `INSERT INTO "MembershipTeam" ("tenantId", "userId", "teamId")
       SELECT t."tenantId", u.id, t.id FROM "Team" t CROSS JOIN "User" u WHERE u.email = $1 AND t.name = ANY($2::text[])
       RETURNING "tenantId", "teamId" AS id`,
      [SUPERVISOR_EMAIL, teamNames],
    );
    const byTenant = new Map<number, number[]>();
    for (const r of rows) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.id]);
    return byTenant;
  } finally {
    await c.end();
  }
}
