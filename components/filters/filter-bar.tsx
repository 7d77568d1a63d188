import { COHORT_LABELS, COHORTS, yearGroupLabel } from "@/lib/attendance";
import { WINDOW_LABELS, type Filters } from "@/lib/filters/filters";
import { OptionList } from "./option-list";

type Props = {
  filters: Filters;
  /** Label of the resolved window, e.g. "Autumn term 2026/27 (2 Sep 2026 to 18 Dec 2026)". */
  windowLabel: string;
  /** The resolved window, for tests and scripts reading the page. */
  window: { from: string; to: string };
  schools?: { urn: string; name: string | null }[];
  years?: number[];
  show?: { cohort?: boolean; school?: boolean; year?: boolean; attribution?: boolean };
};

const select = "mt-1 block rounded border-2 border-slate-700 bg-white px-2 py-1";

/**
 * The window and filters of a page, as a plain GET form: the choice lands in the URL, so it can be
 * shared and bookmarked, and works without JavaScript.
 */
export function FilterBar({ filters, windowLabel, window, schools = [], years = [], show = {} }: Props) {
  const s = { cohort: true, school: true, year: true, attribution: true, ...show };
  return (
    <form method="get" className="no-print mt-6 rounded border border-slate-300 bg-white p-4" aria-label="Filters">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="f-window" className="block text-sm font-semibold">Period</label>
          <select id="f-window" name="window" defaultValue={filters.window} className={select}>
            {Object.entries(WINDOW_LABELS).map(([k, label]) => (
              <option key={k} value={k}>{label}</option>
            ))}
          </select>
        </div>
        <fieldset className="flex gap-2">
          <legend className="text-sm font-semibold">Custom range (with “Custom range”)</legend>
          <div>
            <label htmlFor="f-from" className="block text-sm">From</label>
            <input id="f-from" type="date" name="from" defaultValue={filters.from} className={select} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm">To</label>
            <input id="f-to" type="date" name="to" defaultValue={filters.to} className={select} />
          </div>
        </fieldset>
        {s.attribution ? (
          <div>
            <label htmlFor="f-attribution" className="block text-sm font-semibold">Count sessions</label>
            <select id="f-attribution" name="attribution" defaultValue={filters.attribution} className={select}>
              <option value="ever">Ever in status during the period</option>
              <option value="during">Only while in status</option>
            </select>
          </div>
        ) : null}
        {s.cohort ? (
          <div>
            <label htmlFor="f-cohort" className="block text-sm font-semibold">Cohort</label>
            <select id="f-cohort" name="cohort" defaultValue={filters.cohort} className={select}>
              {COHORTS.map((c) => (
                <option key={c} value={c}>{COHORT_LABELS[c]}</option>
              ))}
            </select>
          </div>
        ) : null}
        {s.school && schools.length ? (
          <div>
            <label htmlFor="f-school" className="block text-sm font-semibold">School</label>
            <select id="f-school" name="school" defaultValue={filters.school ?? ""} className={select}>
              <option value="">All schools</option>
              <OptionList options={schools.map((sc) => [sc.urn, sc.name ?? sc.urn])} />
            </select>
          </div>
        ) : null}
        {s.year && years.length ? (
          <div>
            <label htmlFor="f-year" className="block text-sm font-semibold">Year group</label>
            <select id="f-year" name="year" defaultValue={filters.year === undefined ? "" : String(filters.year)} className={select}>
              <option value="">All year groups</option>
              {years.map((y) => (
                <option key={y} value={y}>{yearGroupLabel(y)}</option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Apply</button>
      </div>
      <p className="mt-3 text-sm text-slate-700" aria-live="polite" data-from={window.from} data-to={window.to} data-attribution={filters.attribution} id="window-shown">Showing: <strong>{windowLabel}</strong></p>
    </form>
  );
}
