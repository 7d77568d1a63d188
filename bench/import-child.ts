import fs from "node:fs";
import path from "node:path";
import { createPrisma } from "@/lib/db/client";
import { runImport, type ImportKind } from "@/lib/import";

// Runs in a process of its own (bench/run.ts starts it), so that its peak memory is the import's:
// each tenant's children.csv, statuses.csv and attendance.csv through runImport, the path of the web
// upload and the command line. Prints one JSON line.

type Job = { tenantId: number; dir: string };
const [url, jobsJson] = process.argv.slice(2);
const jobs = JSON.parse(jobsJson!) as Job[];

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: the sampled peak below
  }
  return sampled / (1024 * 1024);
}
let sampled = 0;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);

const { prisma, raw } = createPrisma(url!);
const seconds: Record<ImportKind, number> = { children: 0, statuses: 0, attendance: 0 };
let marks = 0;
for (const job of jobs) {
  for (const kind of ["children", "statuses", "attendance"] as const) {
    const t0 = performance.now();
    const r = await runImport({ prisma, raw, tenantId: job.tenantId, kind, input: path.join(job.dir, `${kind}.csv`), fileName: `${kind}.csv`, actor: "bench" });
    seconds[kind] += (performance.now() - t0) / 1000;
    if (r.status !== "SUCCEEDED" || r.rejected > 0 || r.unmatched > 0) {
      throw new Error(`${kind} import into tenant ${job.tenantId}: ${r.status} ${r.message ?? ""} rejected ${r.rejected} unmatched ${r.unmatched} ${JSON.stringify(r.rejectedRows.slice(0, 3))}`);
    }
    if (kind === "attendance") marks += r.inserted;
  }
}
clearInterval(sampler);
await prisma.$disconnect();
await raw.close();
console.log(JSON.stringify({ marks, seconds, peakRssMb: Math.round(peakRssMb()), sampledPeakRssMb: Math.round(sampled / 1048576) }));
process.exit(0);
