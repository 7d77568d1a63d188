import { GapTrendChart } from "@/components/charts/gap-trend-chart";
import { academicYearLabel } from "@/lib/attendance";
import { formatPoints, pointsValue, type GapTrend, type TrendPoint, type TrendSection } from "@/lib/gaps";
import { GapValue, Suppressed } from "./marks";

function Point({ p, started }: { p: TrendPoint | null; started: boolean }) {
  if (!started) return <span className="text-slate-700">not started</span>;
  if (p === null) return <span className="text-slate-700">–</span>;
  if (p.suppressed) return <Suppressed />;
  return <GapValue text={formatPoints(p.gap)} distinct={p.distinct} />;
}

function SectionTrend({ section, trend }: { section: TrendSection; trend: GapTrend }) {
  const id = `trend-${section.key}`;
  const started = trend.terms.filter((t) => t.started).length;
  const series = section.groups.map((g) => ({
    key: `g_${g.key}`,
    name: g.label,
    values: g.points.attendance.map((p) => (p && !p.suppressed ? pointsValue(p.gap) : null)),
  }));
  const year = academicYearLabel(trend.academicYear);
  return (
    <figure aria-labelledby={id} className="mt-6 rounded border border-slate-300 bg-white p-4" data-trend={section.key}>
      <figcaption id={id} className="font-semibold">{section.label}: attendance gap to all children with a social worker, by term, {year}</figcaption>
      {started === 1 && trend.terms.length > 1 ? (
        <p className="mt-1 text-sm text-slate-700">Only the first term of {year} has started: choose a period in an earlier year for a whole year&apos;s trend.</p>
      ) : null}
      {started > 0 ? (
        <GapTrendChart
          terms={trend.terms.map((t) => t.label)}
          series={series}
          ariaLabel={`Line chart of the attendance gap of each ${section.label.toLowerCase()} group to all children with a social worker, in percentage points, for the terms of ${year}. The same figures are in the table below.`}
        />
      ) : null}
      <details className="mt-2" open={started === 0}>
        <summary className="cursor-pointer text-brand-800 underline">Show the gaps as a table</summary>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${section.label} gaps by term`}>
          <table className="mt-2 w-full border-collapse text-sm">
            <caption className="sr-only">{section.label}: attendance gap to all children with a social worker in points, by term, {year}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="px-2 py-1 text-left">Group</th>
                {trend.terms.map((t) => (
                  <th key={t.term} scope="col" className="px-2 py-1 text-right">{t.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.groups.map((g) => (
                <tr key={g.key} className="border-b border-slate-200" data-group={g.key}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">{g.label}</th>
                  {trend.terms.map((t, i) => (
                    <td key={t.term} className="px-2 py-1 text-right tabular-nums" data-term={t.term}>
                      <Point p={g.points.attendance[i] ?? null} started={t.started} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function GapTrendSections({ trend }: { trend: GapTrend }) {
  return (
    <>
      {trend.sections.map((s) => (
        <SectionTrend key={s.key} section={s} trend={trend} />
      ))}
      {trend.sections.length === 0 ? <p className="mt-2">No attendance data in {academicYearLabel(trend.academicYear)} yet: import a file.</p> : null}
    </>
  );
}
