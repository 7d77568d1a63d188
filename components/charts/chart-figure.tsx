"use client";

import { TrendLineChart, type ChartRow, type Series } from "./line-chart";

type Props = {
  title: string;
  description: string;
  rows: ChartRow[];
  series: Series[];
  target?: { value: number; label: string };
  yMax?: number;
  unit?: string;
  /** Header of the first column of the data table. */
  rowHeader: string;
};

/**
 * A chart with its data table: the table is the accessible alternative and the printable record. A
 * client component, so the page sends the rows once (for chart and table) rather than the table's markup.
 */
export function ChartFigure({ title, description, rows, series, target, yMax, unit = "%", rowHeader }: Props) {
  return (
    <figure className="mt-4 rounded border border-slate-300 bg-white p-4">
      <figcaption>
        <span className="font-semibold">{title}</span>
        <span className="block text-sm text-slate-700">{description}</span>
      </figcaption>
      {rows.length ? <TrendLineChart rows={rows} series={series} target={target} yMax={yMax} unit={unit} /> : <p className="py-6">No attendance data for this period yet.</p>}
      <details className="mt-2">
        <summary className="cursor-pointer text-brand-800 underline">Show the data as a table</summary>
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: data table`}>
          <table className="figures compact mt-2 w-full border-collapse text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">{s.name}</th>
                ))}
                {target ? <th scope="col">{target.label}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {series.map((s) => {
                    const v = r[s.key];
                    return <td key={s.key}>{typeof v === "number" ? `${v.toFixed(1)}${unit}` : "–"}</td>;
                  })}
                  {target ? <td>{`${target.value.toFixed(1)}${unit}`}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
