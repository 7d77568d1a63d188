import os from "node:os";
import path from "node:path";

// What `npm run bench` measures, and where. Sizes can be shrunk for development
// (BENCH_CHILDREN=500 npm run bench); the figures are at the defaults.

const int = (name: string, fallback: number) => {
  const v = process.env[name];
  return v && /^\d+$/.test(v) ? Number(v) : fallback;
};

export const CONFIG = {
  /** Children per tenant. */
  children: int("BENCH_CHILDREN", 10_000),
  tenants: [
    { slug: "bench-a", name: "Bench Authority A", laCode: "801", refPrefix: "A", seed: 801 },
    { slug: "bench-b", name: "Bench Authority B", laCode: "802", refPrefix: "B", seed: 802 },
  ],
  /** Children per social work team: a practice supervisor of three teams sees a caseload of ~300. */
  teamSize: 100,
  supervisorTeams: 3,
  academicYear: 2025,
  /** Repetitions per query measure (after warm-up), capped by time. */
  reps: int("BENCH_REPS", 40),
  warmup: int("BENCH_WARMUP", 5),
  maxSecondsPerMeasure: int("BENCH_MAX_SECONDS", 20),
  http: { connections: 20, seconds: int("BENCH_HTTP_SECONDS", 30), port: int("BENCH_PORT", 3200) },
  skipHttp: process.env.BENCH_SKIP_HTTP === "1",
  /** BENCH_ONLY=http: the page alone (after setting up or reusing the database), no query measures. */
  only: process.env.BENCH_ONLY === "http" ? ("http" as const) : null,
  /** BENCH_WORK_DIR and BENCH_RESULTS let two people bench on one machine without sharing files. */
  workDir: process.env.BENCH_WORK_DIR ?? path.join(os.tmpdir(), "vs-bench"),
  resultsFile: process.env.BENCH_RESULTS ?? path.join(import.meta.dirname, "results.json"),
  password: "bench-password",
};

export const VSH_EMAIL = "vsh@bench.test";
export const SUPERVISOR_EMAIL = "supervisor@bench.test";
