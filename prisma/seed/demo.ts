import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RawDb, SqlRunner } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { mergeStagedMarks, stageMarks } from "@/lib/reports/day-totals";
import { storeStandardWindows } from "@/lib/reports/stored-windows";
import { DEMO_HALF_TERMS, schoolDays } from "./calendar";
import { makeChildren, TEAMS, type DemoChild } from "./people";
import { marksForChild } from "./marks";
import { DEMO_SCHOOLS } from "./schools";

// Writes the demo tenant "Demoshire Virtual School": about 1,500 children, a year and a term of
// register marks, termly targets and one user per role. Deterministic: the same data every time.

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = [
  { email: "vsh@demo.test", name: "Val Head", role: "VSH", teams: [] as string[] },
  { email: "supervisor@demo.test", name: "Sam Supervisor", role: "PRACTICE_SUPERVISOR", teams: ["North Locality", "Children in Care Team"] },
  { email: "leader@demo.test", name: "Lee Leader", role: "SENIOR_LEADER", teams: [] as string[] },
] as const;

const TARGETS: [cohort: string, attendance: number, maxPersistent: number][] = [
  ["ALL", 91, 22], ["CIN", 89, 26], ["CP", 87, 30], ["CLA", 94, 15], ["PLAC", 94, 12], ["KIN", 92, 18],
];

export type SeedOptions = {
  slug: string;
  name: string;
  laCode: string;
  children: number;
  seed: number;
  /** Replaces the demo's "DS" at the start of child ids, so no two tenants share one. */
  childRefPrefix?: string;
};
export const DEMO: SeedOptions = { slug: "demo", name: "Demoshire Virtual School", laCode: "990", children: 1500, seed: 2025 };
/**
 * A small second authority, seeded after the demo one (whose data it leaves exactly as it was): the
 * cross-tenant checks need a real other tenant. Its users are vsh@, supervisor@ and leader@northshire.test.
 */
export const NORTHSHIRE: SeedOptions = { slug: "northshire", name: "Northshire Virtual School", laCode: "991", children: 60, seed: 1974, childRefPrefix: "NS" };
export const SEED_TENANTS = [DEMO, NORTHSHIRE];

async function insertChildren(tx: SqlRunner, tenantId: number, teamIds: Map<string, number>, children: DemoChild[]) {
  const col = <T>(f: (c: DemoChild) => T) => children.map(f);
  const res = await tx.query<{ id: number; childRef: string }>(
    `INSERT INTO "Child" ("tenantId","childRef","upn","firstName","lastName","dateOfBirth","sex","ethnicity","sen","fsm","eal","teamId")
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::"Sex"[], $8::text[], $9::"Sen"[], $10::bool[], $11::bool[], $12::int[])
     RETURNING id, "childRef"`,
    [tenantId, col((c) => c.childRef), col((c) => c.upn), col((c) => c.firstName), col((c) => c.lastName), col((c) => c.dateOfBirth),
      col((c) => c.sex), col((c) => c.ethnicity), col((c) => c.sen), col((c) => c.fsm), col((c) => c.eal), col((c) => teamIds.get(c.team) ?? null)],
  );
  return new Map(res.rows.map((r) => [r.childRef, r.id]));
}

async function insertEpisodes(tx: SqlRunner, tenantId: number, ids: Map<string, number>, children: DemoChild[]) {
  const eps = children.flatMap((c) => c.episodes.map((e) => ({ ...e, childId: ids.get(c.childRef)! })));
  await tx.query(
    `INSERT INTO "StatusEpisode" ("tenantId","childId","status","startDate","endDate")
     SELECT $1, * FROM unnest($2::int[], $3::"Status"[], $4::date[], $5::date[])`,
    [tenantId, eps.map((e) => e.childId), eps.map((e) => e.status), eps.map((e) => e.startDate), eps.map((e) => e.endDate)],
  );
}

async function insertMarks(tx: SqlRunner, tenantId: number, ids: Map<string, number>, schoolIds: Map<string, number>, children: DemoChild[], seed: number) {
  const days = schoolDays();
  let batch = { child: [] as number[], school: [] as number[], date: [] as string[], session: [] as string[], code: [] as string[] };
  let total = 0;
  const flush = async () => {
    if (!batch.child.length) return;
    await stageMarks(tx, { childId: batch.child, schoolId: batch.school, date: batch.date, session: batch.session, code: batch.code });
    total += batch.child.length;
    batch = { child: [], school: [], date: [], session: [], code: [] };
  };
  for (const [i, child] of children.entries()) {
    const childId = ids.get(child.childRef)!;
    for (const m of marksForChild(child, days, seed * 100_003 + i)) {
      batch.child.push(childId);
      batch.school.push(schoolIds.get(m.urn)!);
      batch.date.push(m.date);
      batch.session.push(m.session);
      batch.code.push(m.code);
    }
    if (batch.child.length >= 50_000) await flush();
  }
  await flush();
  await mergeStagedMarks(tx, tenantId);
  return total;
}

export async function seedTenant(prisma: PrismaClient, raw: RawDb, o: SeedOptions): Promise<{ tenantId: number; children: number; marks: number }> {
  const tenant = await prisma.tenant.create({ data: { slug: o.slug, name: o.name, laCode: o.laCode } });
  const prefix = o.childRefPrefix;
  const children = makeChildren(o.children, o.seed).map((c) => (prefix ? { ...c, childRef: prefix + c.childRef.slice(2) } : c));
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const users = await Promise.all(
    DEMO_USERS.map((u) =>
      prisma.user.upsert({
        where: { email: o.slug === "demo" ? u.email : u.email.replace("@demo.", `@${o.slug}.`) },
        update: {},
        create: { email: o.slug === "demo" ? u.email : u.email.replace("@demo.", `@${o.slug}.`), name: u.name, passwordHash },
      }),
    ),
  );
  const marks = await withTenantRaw(raw, tenant.id, async (tx) => {
    for (const h of DEMO_HALF_TERMS) {
      await tx.query(`INSERT INTO "HalfTerm" VALUES ($1,$2,$3,$4,$5,$6)`, [tenant.id, h.academicYear, h.term, h.half, h.startDate, h.endDate]);
    }
    const teams = await tx.query<{ id: number; name: string }>(
      `INSERT INTO "Team" ("tenantId", name) SELECT $1, unnest($2::text[]) RETURNING id, name`, [tenant.id, TEAMS]);
    const teamIds = new Map(teams.rows.map((t) => [t.name, t.id]));
    const schools = await tx.query<{ id: number; urn: string }>(
      `INSERT INTO "School" ("tenantId", urn, name) SELECT $1, * FROM unnest($2::text[], $3::text[]) RETURNING id, urn`,
      [tenant.id, DEMO_SCHOOLS.map((s) => s.urn), DEMO_SCHOOLS.map((s) => s.name)]);
    const schoolIds = new Map(schools.rows.map((s) => [s.urn, s.id]));
    for (const [i, u] of DEMO_USERS.entries()) {
      await tx.query(`INSERT INTO "Membership" ("tenantId","userId",role,name) VALUES ($1,$2,$3,$4)`, [tenant.id, users[i]!.id, u.role, users[i]!.name]);
      for (const team of u.teams) {
        await tx.query(`INSERT INTO "MembershipTeam" VALUES ($1,$2,$3)`, [tenant.id, users[i]!.id, teamIds.get(team)]);
      }
    }
    for (const year of [2025, 2026]) {
      for (const term of ["AUTUMN", "SPRING", "SUMMER"]) {
        for (const [cohort, attendance, maxPersistent] of TARGETS) {
          await tx.query(
            `INSERT INTO "Target" ("tenantId","academicYear",term,cohort,"attendanceRate","maxPersistentRate") VALUES ($1,$2,$3,$4,$5,$6)`,
            [tenant.id, year, term, cohort, attendance, maxPersistent]);
        }
      }
    }
    const ids = await insertChildren(tx, tenant.id, teamIds, children);
    await insertEpisodes(tx, tenant.id, ids, children);
    const marks = await insertMarks(tx, tenant.id, ids, schoolIds, children, o.seed);
    await storeStandardWindows(tx, tenant.id);
    return marks;
  });
  return { tenantId: tenant.id, children: children.length, marks };
}
