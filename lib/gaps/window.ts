// The window of the gap report from the URL, the same for the page and its export: the figures in a
// downloaded file are those on the screen it was downloaded from.
import { formatDay, toIso, type HalfTermDates, type IsoDate, type ReportWindow } from "@/lib/attendance";
import { parseFilters, windowOf, type Filters } from "@/lib/filters/filters";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";

export type GapWindow = {
  /** Window and attribution only: the report breaks down all children with a social worker. */
  filters: Filters;
  window: ReportWindow;
  /** "Autumn 2 2026/27 (2 Nov 2026 to 18 Dec 2026)" */
  label: string;
  halfTerms: HalfTermDates[];
  /** The day the figures are as of (the latest register mark, or today). */
  asOf: IsoDate;
  today: IsoDate;
};

type SearchParams = Record<string, string | string[] | undefined>;

export async function gapWindow(tenantId: number, params: SearchParams, today: IsoDate = toIso(new Date())): Promise<GapWindow> {
  const parsed = parseFilters(params);
  // Cohort, school and year group do not apply to this report: drop them so links and files do not carry them.
  const filters: Filters = { window: parsed.window, from: parsed.from, to: parsed.to, attribution: parsed.attribution, cohort: "ALL" };
  const [{ asOf }, halfTerms] = await Promise.all([dataAsOf(tenantId, today), tenantHalfTerms(tenantId)]);
  const window = windowOf(filters, asOf, halfTerms);
  const label = filters.window === "custom" ? window.label : `${window.label} (${formatDay(window.from)} to ${formatDay(window.to)})`;
  return { filters, window, label, halfTerms, asOf, today };
}

export function searchParamsRecord(url: string): SearchParams {
  const out: SearchParams = {};
  for (const [k, v] of new URL(url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}
