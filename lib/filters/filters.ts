import { z } from "zod";
import {
  ATTRIBUTIONS,
  COHORTS,
  isIsoDate,
  resolveWindow,
  WINDOW_KINDS,
  type Attribution,
  type CohortKey,
  type HalfTermDates,
  type IsoDate,
  type ReportWindow,
  type WindowKind,
} from "@/lib/attendance";

// The choices behind every attendance page — window, attribution, cohort, school, year group — live in
// the URL, so a view can be shared and the back button works. Anything unreadable falls back to its
// default rather than failing the page.

export type Filters = {
  window: WindowKind;
  from?: IsoDate;
  to?: IsoDate;
  attribution: Attribution;
  cohort: CohortKey;
  school?: string;
  year?: number;
};

export const DEFAULT_FILTERS: Filters = { window: "term", attribution: "ever", cohort: "ALL" };

const isoDate = z.string().refine(isIsoDate);
const fields = {
  window: z.enum(WINDOW_KINDS as unknown as [WindowKind, ...WindowKind[]]),
  from: isoDate,
  to: isoDate,
  attribution: z.enum(ATTRIBUTIONS as unknown as [Attribution, ...Attribution[]]),
  cohort: z.enum(COHORTS as unknown as [CohortKey, ...CohortKey[]]),
  school: z.string().regex(/^\d{6}$/),
  year: z.coerce.number().int().min(-1).max(14),
};

type SearchParams = Record<string, string | string[] | undefined>;

export function parseFilters(params: SearchParams): Filters {
  const one = (k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const pick = <K extends keyof typeof fields>(k: K): z.infer<(typeof fields)[K]> | undefined => {
    const v = one(k);
    if (v === undefined || v === "") return undefined;
    const r = fields[k].safeParse(v);
    return r.success ? (r.data as z.infer<(typeof fields)[K]>) : undefined;
  };
  const f: Filters = {
    window: pick("window") ?? DEFAULT_FILTERS.window,
    attribution: pick("attribution") ?? DEFAULT_FILTERS.attribution,
    cohort: pick("cohort") ?? DEFAULT_FILTERS.cohort,
  };
  const from = pick("from");
  const to = pick("to");
  if (f.window === "custom") {
    if (from && to && from <= to) Object.assign(f, { from, to });
    else f.window = DEFAULT_FILTERS.window;
  }
  const school = pick("school");
  if (school) f.school = school;
  const year = pick("year");
  if (year !== undefined) f.year = year;
  return f;
}

/** The filters as a query string (defaults left out), with some changed. */
export function filtersQuery(f: Filters, change: Partial<Filters> = {}): string {
  const merged = { ...f, ...change };
  const q = new URLSearchParams();
  if (merged.window !== DEFAULT_FILTERS.window) q.set("window", merged.window);
  if (merged.window === "custom" && merged.from && merged.to) {
    q.set("from", merged.from);
    q.set("to", merged.to);
  }
  if (merged.attribution !== DEFAULT_FILTERS.attribution) q.set("attribution", merged.attribution);
  if (merged.cohort !== DEFAULT_FILTERS.cohort) q.set("cohort", merged.cohort);
  if (merged.school) q.set("school", merged.school);
  if (merged.year !== undefined) q.set("year", String(merged.year));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function windowOf(f: Filters, asOf: IsoDate, halfTerms: readonly HalfTermDates[]): ReportWindow {
  return resolveWindow(f.window, asOf, halfTerms, f.window === "custom" && f.from && f.to ? { from: f.from, to: f.to } : undefined);
}

export const WINDOW_LABELS: Record<WindowKind, string> = {
  "half-term": "This half-term",
  term: "This term",
  "year-to-date": "Academic year to date",
  "last-4-weeks": "Last 4 weeks",
  custom: "Custom range",
};
