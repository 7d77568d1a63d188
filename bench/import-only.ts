import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { CONFIG } from "./config";
import { createTenants, freshDatabase } from "./database";
import { generateTenant } from "./generate";

// Development aid for the import (issue 6): a fresh database (BENCH_DATABASE_URL, default vs_imp), one
// tenant of BENCH_CHILDREN children, its three files through runImport, attendance.csv twice (the
// second run changes nothing). Prints the seconds of each file, marks per second, and with
// IMPORT_TRACE=1 the seconds of each SQL statement of the attendance import; BENCH_ORDER=day or
// shuffled reorders the attendance file first.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/vs_imp BENCH_CHILDREN=2000 npx tsx bench/import-only.ts

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/vs_imp";
process.env.DATABASE_URL = url;
const { createPrisma } = await import("@/lib/db/client");
const { runImport } = await import("@/lib/import");
type SqlRunner = import("@/lib/db/raw").SqlRunner;

await freshDatabase(url);
const [tenant] = await createTenants(url);
const dir = path.join(os.tmpdir(), "vs-imp", "data");
const t = CONFIG.tenants[0]!;
const gen = generateTenant(dir, t, CONFIG.children, CONFIG.teamSize);
console.log(`${gen.marks} marks, ${CONFIG.children} children`);
// BENCH_ORDER: the attendance file's rows day by day (date, session, then as generated: child by
// child), or shuffled, instead of child by child; the import's figures for a file not in key order.
const order = process.env.BENCH_ORDER;
if (order === "day" || order === "shuffled") {
  const file = path.join(dir, "attendance.csv");
  const rows = order === "day" ? `sort -t, -k4,4 -k5,5 -s` : `shuf --random-source=<(yes)`;
  const r = spawnSync("bash", ["-c", `set -o pipefail; { head -1 "$0"; tail -n +2 "$0" | ${rows}; } > "$0.tmp" && mv "$0.tmp" "$0"`, file], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`reordering ${file} failed`);
  console.log(`attendance.csv reordered: ${order}`);
}
if (process.env.IMPORT_CHILD === "1") {
  // The figure of npm run bench: the three files through runImport in a process of its own (peak RSS).
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "import-child.ts"), url, JSON.stringify([{ tenantId: tenant!.id, dir }])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const out = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { marks: number; seconds: Record<string, number>; peakRssMb: number };
  console.log(JSON.stringify({ ...out, marksPerSecond: Math.round(out.marks / out.seconds.attendance!) }));
  process.exit(0);
}

const { prisma, raw } = createPrisma(url);
const trace = process.env.IMPORT_TRACE === "1";
const spent = new Map<string, number>();
if (trace) {
  const transaction = raw.transaction.bind(raw);
  raw.transaction = (fn) =>
    transaction((tx) => {
      const timed: SqlRunner = {
        async query(sql, params) {
          const t0 = performance.now();
          try {
            return await tx.query(sql, params);
          } finally {
            const k = sql.replace(/\s+/g, " ").slice(0, 70);
            const ms = performance.now() - t0;
            spent.set(k, (spent.get(k) ?? 0) + ms);
            if (ms > 5000) fs.writeFileSync(`/tmp/vs-imp/slow-${Math.round(ms)}.json`, JSON.stringify({ sql, params }));
          }
        },
        // The COPY's time: from its first chunk to its end (reading the file goes on meanwhile).
        copyIn: tx.copyIn && ((target) => {
          const copy = tx.copyIn!(target);
          const key = "COPY " + target.slice(0, 60);
          const t0 = performance.now();
          return {
            write: (text) => copy.write(text),
            abort: () => copy.abort(),
            async end() {
              try {
                await copy.end();
              } finally {
                spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
              }
            },
          };
        }),
        async exec(sql) {
          const t0 = performance.now();
          try {
            return await tx.exec(sql);
          } finally {
            const k = sql.replace(/\s+/g, " ").slice(0, 70);
            spent.set(k, (spent.get(k) ?? 0) + performance.now() - t0);
          }
        },
      };
      return fn(timed);
    }) as never;
}
const kinds = ["children", "statuses", "attendance", "attendance"] as const;
for (const kind of kinds) {
  spent.clear();
  const t0 = performance.now();
  const r = await runImport({ prisma, raw, tenantId: tenant!.id, kind, input: path.join(dir, `${kind}.csv`), fileName: `${kind}.csv`, actor: "bench" });
  const s = (performance.now() - t0) / 1000;
  const { rejectedRows, warnings, ...counts } = r;
  console.log(`${kind}: ${s.toFixed(2)} s ${JSON.stringify(counts)}${kind === "attendance" ? ` ${Math.round(gen.marks / s)} marks/s` : ""}`);
  if (rejectedRows.length) console.log(rejectedRows.slice(0, 3));
  if (trace && kind === "attendance") {
    for (const [k, ms] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(ms / 1000).toFixed(2)} s  ${k}`);
  }
}
const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
console.log(`peak RSS ${m ? Math.round(Number(m[1]) / 1024) : "?"} MB`);
await prisma.$disconnect();
await raw.close();
process.exit(0);
