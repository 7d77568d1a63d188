"use client";

import type { MeasureCells } from "@/components/format";

type Row = { key: string; label: string; cells: MeasureCells; note?: string };

/**
 * A breakdown (by school, by year group): children, attendance, persistent and severe absence. A
 * client component fed plain rows, formatted on the server (measureCells): an authority has a couple
 * of hundred schools, and the page's RSC payload then carries their figures once, as shown, not a
 * second copy of the table's markup.
 */
export function MeasuresTable({ caption, rowHeader, rows }: { caption: string; rowHeader: string; rows: Row[] }) {
  if (!rows.length) return <p className="mt-2 rounded border border-slate-300 bg-white p-4">No attendance data for this period yet: import a file.</p>;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="figures w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col">{rowHeader}</th>
            <th scope="col">Children</th>
            <th scope="col">Attendance</th>
            <th scope="col">Persistently absent</th>
            <th scope="col">Severely absent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}{r.note ? <span className="ml-2 text-xs font-semibold text-red-900">{r.note}</span> : null}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
