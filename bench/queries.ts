import { isDeepStrictEqual } from "node:util";
import { addDays, resolveWindow, type Attribution, type HalfTermDates, type IsoDate } from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import { loadCohortDashboard } from "@/lib/dashboard/cohort-dashboard";
import { loadCaseload, searchAndSort } from "@/lib/children/caseload";
import { loadChildRecord } from "@/lib/children/child-record";
import { gapReport } from "@/lib/gaps";
import { selectCohortMeasures } from "@/lib/reports";
import type { DateWindow } from "@/lib/reports/window";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
import { plainCohortFigures, plainGapFigures, plainSummaries } from "./baseline";
import { CONFIG } from "./config";
import type { BenchTenant } from "./database";
import { measure, summarise, type Timing } from "./timing";

// The data behind each page, timed through the functions the pages call, alternating the two tenants
// (and the two attributions where a page has the switch), each next to its plain-SQL baseline.

export type Q = { p50Ms: number; p95Ms: number; baselineP50Ms?: number; baselineP95Ms?: number; n: number };
export type Ctx = {
  tenants: BenchTenant[];
  childRefs: string[][];
  teamIds: Map<number, number[]>;
  actor: string;
};
type TenantView = BenchTenant & { asOf: IsoDate; latestMark: IsoDate | null; halfTerms: HalfTermDates[] };

const ATTRIBUTIONS: Attribution[] = ["ever", "during"];
const opts = () => ({ warmup: CONFIG.warmup, reps: CONFIG.reps, maxSeconds: CONFIG.maxSecondsPerMeasure });
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

async function views(tenants: BenchTenant[]): Promise<TenantView[]> {
  return Promise.all(tenants.map(async (t) => ({ ...t, ...(await dataAsOf(t.id)), halfTerms: await tenantHalfTerms(t.id) })));
}

function cohortFigures(t: TenantView, w: DateWindow, attribution: Attribution) {
  return withTenantRaw(rawDb(), t.id, (tx) => selectCohortMeasures(tx, t.id, w, attribution));
}

/** Times `fast` and `plain` over the same rotation of inputs. */
async function pair(fast: (i: number) => Promise<unknown>, plain?: (i: number) => Promise<unknown>): Promise<Q> {
  const f = await measure(fast, opts());
  const q: Q = { p50Ms: f.p50Ms, p95Ms: f.p95Ms, n: f.n };
  if (plain) {
    // The plain aggregate takes seconds at full size: fewer repetitions.
    const b = await measure(plain, { ...opts(), warmup: 1, reps: Math.min(CONFIG.reps, 10) });
    Object.assign(q, { baselineP50Ms: b.p50Ms, baselineP95Ms: b.p95Ms });
  }
  return q;
}

export type WindowSet = { year: DateWindow; term: DateWindow };

export function windowsOf(t: TenantView): WindowSet {
  const year = resolveWindow("year-to-date", t.asOf, t.halfTerms);
  const term = resolveWindow("term", t.asOf, t.halfTerms);
  return { year: { from: year.from, to: year.to }, term: { from: term.from, to: term.to } };
}

/** The exactness check of the run: the summaries' figures equal the plain aggregate's. */
async function checkExact(ts: TenantView[]): Promise<boolean> {
  for (const t of ts) {
    for (const w of Object.values(windowsOf(t))) {
      for (const a of ATTRIBUTIONS) {
        if (!isDeepStrictEqual(await cohortFigures(t, w, a), await plainCohortFigures(rawDb(), t.id, w, a))) return false;
      }
    }
  }
  return true;
}

export async function runQueries(ctx: Ctx, log: (s: string) => void) {
  const ts = await views(ctx.tenants);
  const exact = await checkExact(ts);
  log(`  figures from the day totals equal the plain aggregate: ${exact ? "yes" : "NO"}`);
  const t = (i: number) => pick(ts, i);
  const a = (i: number) => pick(ATTRIBUTIONS, i >> 1);
  const out: Record<string, Q> = {};
  const extra: Record<string, Timing> = {};

  for (const [key, which] of [["cohort", "year"], ["cohortTerm", "term"]] as const) {
    out[key] = await pair(
      (i) => cohortFigures(t(i), windowsOf(t(i))[which], a(i)),
      (i) => plainCohortFigures(rawDb(), t(i).id, windowsOf(t(i))[which], a(i)),
    );
    log(`  ${key}: ${JSON.stringify(out[key])}`);
  }
  // A window not stored at import (the year to date as it stood the day before): worked out from the
  // day totals on every request, as any custom window is.
  extra.cohortLive = await measure((i) => {
    const y = windowsOf(t(i)).year;
    return cohortFigures(t(i), { from: y.from, to: addDays(y.to, -1) }, a(i));
  }, opts());
  log(`  cohortLive (a window not stored): ${JSON.stringify(extra.cohortLive)}`);
  for (const [key, window] of [["dashboard", "year-to-date"], ["dashboardTerm", "term"]] as const) {
    // The whole loader, uncached (the page keeps its results between imports: lib/dashboard/cache.ts).
    extra[key] = await measure((i) => loadCohortDashboard(t(i).id, { window, attribution: a(i), cohort: "ALL" }, t(i).asOf, t(i).latestMark, t(i).halfTerms), { ...opts(), warmup: 2, reps: Math.min(CONFIG.reps, 10) });
    log(`  ${key} (loadCohortDashboard): ${JSON.stringify(extra[key])}`);
  }
  out.gap = await pair(
    (i) => gapReport({ raw: rawDb(), tenant: { id: t(i).id, slug: t(i).slug, suppressionThreshold: 6 }, ...windowsOf(t(i)).year, attribution: a(i) }),
    (i) => plainGapFigures(rawDb(), t(i).id, windowsOf(t(i)).year, a(i)),
  );
  log(`  gap: ${JSON.stringify(out.gap)}`);
  out.child = await pair((i) =>
    loadChildRecord(t(i).id, ctx.actor, { kind: "all" }, pick(ctx.childRefs[i % ts.length]!, i * 7919), t(i).asOf, t(i).halfTerms, 2025),
  );
  log(`  child: ${JSON.stringify(out.child)}`);
  const caseloadIds = new Map<number, number[]>();
  out.caseload = await pair(
    async (i) => {
      const r = await loadCaseload(t(i).id, { kind: "teams", teamIds: ctx.teamIds.get(t(i).id) ?? [] }, t(i).asOf, t(i).halfTerms);
      caseloadIds.set(t(i).id, r.rows.map((x) => x.childId));
      return searchAndSort(r.rows, { sort: "name", dir: "asc" });
    },
    (i) => {
      const w = { yearFrom: "2025-09-01", termFrom: windowsOf(t(i)).term.from, termTo: windowsOf(t(i)).term.to, asOf: t(i).asOf };
      return plainSummaries(rawDb(), t(i).id, caseloadIds.get(t(i).id) ?? [], w);
    },
  );
  log(`  caseload (${caseloadIds.get(ts[0]!.id)?.length ?? 0} children): ${JSON.stringify(out.caseload)}`);
  return { queries: out, extra, exact, windows: windowsOf(ts[0]!), asOf: ts[0]!.asOf, views: ts };
}

export { summarise };
