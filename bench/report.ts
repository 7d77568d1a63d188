import type { Q } from "./queries";

// bench/results.json (the shape, plus the extra measures and each target's verdict) and the
// table printed at the end of a run.

export type Results = {
  import: { marks: number; marksPerSecond: number; peakRssMb: number; [k: string]: unknown };
  queries: Record<"cohort" | "cohortTerm" | "gap" | "child" | "caseload", Q>;
  peer: { duckdbCohortP50Ms: number; duckdbCohortP95Ms: number; [k: string]: unknown };
  http: { connections: number; seconds: number; requests: number; p95Ms: number; errors: number; [k: string]: unknown } | null;
  [k: string]: unknown;
};

type Target = { what: string; holds: boolean | null; detail: string };

export function targets(r: Results): Target[] {
  const q = r.queries;
  const under = (what: string, v: number | undefined, limit: number, unit = "ms"): Target => ({
    what,
    holds: v === undefined || Number.isNaN(v) ? null : v < limit,
    detail: `${v ?? "-"} ${unit} < ${limit} ${unit}`,
  });
  return [
    { what: "import throughput", holds: r.import.marksPerSecond >= 150_000, detail: `${r.import.marksPerSecond} marks/s >= 150000` },
    under("import peak memory", r.import.peakRssMb, 400, "MB"),
    under("cohort dashboard data p95 (full year)", q.cohort.p95Ms, 40),
    under("cohort dashboard data p95 (term)", q.cohortTerm.p95Ms, 40),
    { what: "cohort ahead of DuckDB (p95)", holds: q.cohort.p95Ms < r.peer.duckdbCohortP95Ms, detail: `${q.cohort.p95Ms} ms < ${r.peer.duckdbCohortP95Ms} ms` },
    under("gap report p95", q.gap.p95Ms, 60),
    under("child view p95", q.child.p95Ms, 15),
    under("caseload p95", q.caseload.p95Ms, 50),
    under("dashboard page p95 (HTTP)", r.http?.p95Ms, 300),
    { what: "dashboard page errors", holds: r.http ? r.http.errors === 0 : null, detail: `${r.http?.errors ?? "-"} errors` },
  ];
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const f = (v: number | undefined) => (v === undefined ? "-" : String(v));

export function table(r: Results, extra: Record<string, { p50Ms: number; p95Ms: number }>): string {
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(`| ${pad(cells[0]!, 34)} | ${cells.slice(1).map((c) => lpad(c, 9)).join(" | ")} |`);
  row(["measure (ms)", "p50", "p95", "plain p50", "plain p95", "ratio p95"]);
  lines.push(`| ${"-".repeat(34)} | ${Array(5).fill("-".repeat(8) + ":").join(" | ")} |`);
  for (const [k, q] of Object.entries(r.queries)) {
    const ratio = q.baselineP95Ms ? `${Math.round((q.baselineP95Ms / q.p95Ms) * 10) / 10}x` : "-";
    row([k, f(q.p50Ms), f(q.p95Ms), f(q.baselineP50Ms), f(q.baselineP95Ms), ratio]);
  }
  for (const [k, t] of Object.entries(extra)) row([k === "cohortLive" ? "cohort, year, not stored (live)" : `${k} (whole loader)`, f(t.p50Ms), f(t.p95Ms), "-", "-", "-"]);
  row(["DuckDB peer, cohort full year", f(r.peer.duckdbCohortP50Ms), f(r.peer.duckdbCohortP95Ms), "-", "-", "-"]);
  if (r.http) row([`HTTP dashboard, ${r.http.connections} conn ${r.http.seconds} s`, f(r.http.p50Ms as number), f(r.http.p95Ms), "-", "-", "-"]);
  lines.push("");
  lines.push(`import: ${r.import.marks} marks at ${r.import.marksPerSecond} marks/s, peak RSS ${r.import.peakRssMb} MB`);
  if (r.http) lines.push(`http: ${r.http.requests} requests, ${r.http.errors} errors`);
  lines.push("");
  for (const t of targets(r)) lines.push(`${t.holds === null ? "  n/a " : t.holds ? "  holds" : "  MISSED"}  ${pad(t.what, 40)} ${t.detail}`);
  return lines.join("\n");
}
