import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CONFIG, VSH_EMAIL } from "./config";
import { assignSupervisorTeams, benchUrl, createTenants, freshDatabase } from "./database";
import { generateTenant, type Generated } from "./generate";
import { table, targets, type Results } from "./report";
import { measure } from "./timing";

// npm run bench: authority-scale figures on PostgreSQL (issue 6). Not a test: it asserts nothing but
// the exactness of the figures it times, and writes bench/results.json and a table.
//   BENCH_DATABASE_URL  the database to use (dropped and made again), else vs_bench beside
//                       TEST_DATABASE_URL's database, else on postgresql://postgres@127.0.0.1:5432
//   BENCH_CHILDREN      children per tenant (default 10000); BENCH_SKIP_HTTP=1 leaves the page out,
//                       BENCH_ONLY=http measures the page alone (with BENCH_REUSE=1: on the last database)

const url = benchUrl();
process.env.DATABASE_URL = url; // read by lib/env when the app's modules load (below)
const t0 = performance.now();
const loadAtStart = os.loadavg().map((l) => Math.round(l * 10) / 10);
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

async function settle(): Promise<void> {
  // What autovacuum does after a large load, so that the timings are of the steady state.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("VACUUM ANALYZE");
  await c.query("CHECKPOINT");
  await c.end();
}

async function setUp() {
  await freshDatabase(url);
  const tenants = await createTenants(url);
  const data: Generated[] = CONFIG.tenants.map((t) => generateTenant(path.join(CONFIG.workDir, "data", t.slug), t, CONFIG.children, CONFIG.teamSize));
  const marks = data.reduce((s, d) => s + d.marks, 0);
  log(`generated ${marks} register marks as CSV in ${path.join(CONFIG.workDir, "data")}`);

  const jobs = tenants.map((t, i) => ({ tenantId: t.id, dir: data[i]!.dir }));
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "import-child.ts"), url, JSON.stringify(jobs)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`The import failed:\n${child.stdout}`);
  const imp = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { marks: number; seconds: Record<string, number>; peakRssMb: number };
  if (imp.marks !== marks) throw new Error(`Imported ${imp.marks} marks of ${marks}`);
  const importResult = {
    marks: imp.marks,
    marksPerSecond: Math.round(imp.marks / imp.seconds.attendance!),
    peakRssMb: imp.peakRssMb,
    seconds: Object.fromEntries(Object.entries(imp.seconds).map(([k, v]) => [k, Math.round(v * 10) / 10])),
  };
  log(`import: ${JSON.stringify(importResult)}`);
  // Kept at once: a later step that fails can be run again on this database with BENCH_REUSE=1.
  fs.writeFileSync(CONFIG.resultsFile, JSON.stringify({ import: importResult, partial: true }, null, 2) + "\n");
  const teamIds = await assignSupervisorTeams(url, data[0]!.teams.slice(0, CONFIG.supervisorTeams));
  await settle();
  return { tenants, data, marks, teamIds, importResult };
}

/** BENCH_REUSE=1 (development): the database and CSV files of the last run, without generating or importing. */
async function reuse() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const tenants = (await c.query<{ id: number; slug: string; laCode: string }>(`SELECT id, slug, "laCode" FROM "Tenant" ORDER BY id`)).rows;
  const refs = await Promise.all(tenants.map(async (t) => (await c.query<{ r: string }>(`SELECT "childRef" AS r FROM "Child" WHERE "tenantId" = $1 ORDER BY id`, [t.id])).rows.map((x) => x.r)));
  const teams = (await c.query<{ tenantId: number; teamId: number }>(`SELECT "tenantId", "teamId" FROM "MembershipTeam"`)).rows;
  const marks = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "AttendanceMark"`)).rows[0]!.n);
  await c.end();
  const teamIds = new Map<number, number[]>();
  for (const t of teams) teamIds.set(t.tenantId, [...(teamIds.get(t.tenantId) ?? []), t.teamId]);
  const previous = fs.existsSync(CONFIG.resultsFile) ? JSON.parse(fs.readFileSync(CONFIG.resultsFile, "utf8")) : null;
  const data = tenants.map((t, i) => ({ dir: path.join(CONFIG.workDir, "data", t.slug), childRefs: refs[i]!, marks: 0, children: refs[i]!.length, teams: [] }));
  return { tenants, data, marks, teamIds, importResult: previous?.import ?? { marks, marksPerSecond: 0, peakRssMb: 0 } };
}

async function main() {
  log(`database ${url.replace(/\/\/[^@]*@/, "//")}, ${CONFIG.tenants.length} tenants x ${CONFIG.children} children`);
  const { tenants, data, marks, teamIds, importResult } = process.env.BENCH_REUSE === "1" ? await reuse() : await setUp();

  if (CONFIG.only === "http") {
    const { runHttp } = await import("./http");
    log(`HTTP dashboard page: ${JSON.stringify(await runHttp(url, tenants[0]!.slug, log))}`);
    return;
  }

  const { runQueries } = await import("./queries");
  // The app's own connection (vs_app) may not read accounts outside a tenant: the owner's does.
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const actor = (await owner.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [VSH_EMAIL])).rows[0]!.id;
  await owner.end();
  log("queries:");
  const q = await runQueries({ tenants, childRefs: data.map((d) => d.childRefs), teamIds, actor }, log);

  log("DuckDB peer:");
  const { openPeer, peerCohortFigures, peerMarkCount } = await import("./duckdb");
  const peer = await openPeer(data.map((d) => d.dir));
  if ((await peerMarkCount(peer)) !== marks) throw new Error("DuckDB holds a different number of marks");
  const { rawDb } = await import("@/lib/db/client");
  const { plainCohortFigures } = await import("./baseline");
  const { isDeepStrictEqual } = await import("node:util");
  const peerExact = isDeepStrictEqual(await peerCohortFigures(peer, 0, q.windows.year), await plainCohortFigures(rawDb(), tenants[0]!.id, q.windows.year, "ever"));
  log(`  DuckDB's figures equal PostgreSQL's: ${peerExact ? "yes" : "NO"}`);
  const duck = await measure((i) => peerCohortFigures(peer, i % tenants.length, q.windows.year), { warmup: CONFIG.warmup, reps: CONFIG.reps, maxSeconds: CONFIG.maxSecondsPerMeasure });
  peer.close();
  log(`  cohort full year: ${JSON.stringify(duck)}`);

  let http: Results["http"] = null;
  if (!CONFIG.skipHttp) {
    log("HTTP dashboard page:");
    const { runHttp } = await import("./http");
    http = await runHttp(url, tenants[0]!.slug, log);
    log(`  ${JSON.stringify(http)}`);
  }

  const results: Results = {
    import: importResult,
    queries: q.queries as Results["queries"],
    peer: { duckdbCohortP50Ms: duck.p50Ms, duckdbCohortP95Ms: duck.p95Ms, attribution: "ever", exact: peerExact },
    http,
    loaders: q.extra,
    exact: q.exact,
    meta: {
      at: new Date().toISOString(),
      tenants: tenants.length,
      childrenPerTenant: CONFIG.children,
      windows: q.windows,
      asOf: q.asOf,
      cpus: os.cpus().length,
      // Other work on the machine slows every figure: the 1, 5 and 15 minute load averages at start and end.
      loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => Math.round(l * 10) / 10) },
      node: process.version,
    },
  };
  results.targets = targets(results);
  fs.writeFileSync(CONFIG.resultsFile, JSON.stringify(results, null, 2) + "\n");
  console.log("\n" + table(results, q.extra));
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
