import { RATE_KEYS, formatPercent, formatPoints, type GapRow, type GapSection, type GapTable } from "@/lib/gaps";
import { GapValue, Suppressed } from "./marks";

const th = "px-3 py-2 text-right align-bottom";
const td = "px-3 py-2 text-right tabular-nums";

const HEADERS: Record<(typeof RATE_KEYS)[number], [rate: string, gap: string]> = {
  attendance: ["Attendance rate", "Attendance gap (points)"],
  pa: ["Persistent absence rate", "PA gap (points)"],
  sa: ["Severe absence rate", "SA gap (points)"],
};

function Cells({ row, isAll }: { row: GapRow; isAll?: boolean }) {
  const f = row.figures;
  if (!f) {
    return (
      <>
        <td className={td} data-col="children"><Suppressed /></td>
        {RATE_KEYS.flatMap((r) => [
          <td key={`${r}r`} className={td} data-col={`${r}Rate`}><Suppressed /></td>,
          <td key={`${r}g`} className={td} data-col={`${r}Gap`}><Suppressed /></td>,
        ])}
      </>
    );
  }
  return (
    <>
      <td className={td} data-col="children">{f.children.toLocaleString("en-GB")}</td>
      {RATE_KEYS.flatMap((r) => [
        <td key={`${r}r`} className={td} data-col={`${r}Rate`}>{formatPercent(f.rates[r])}</td>,
        <td key={`${r}g`} className={td} data-col={`${r}Gap`} data-distinct={f.distinct[r] ? "true" : undefined}>
          {isAll ? <span className="text-slate-700">reference</span> : <GapValue text={formatPoints(f.gaps[r])} distinct={f.distinct[r]} />}
        </td>,
      ])}
    </>
  );
}

function SectionTable({ section, all, windowLabel }: { section: GapSection; all: GapRow; windowLabel: string }) {
  const id = `gaps-${section.key}`;
  return (
    <section aria-labelledby={id} className="mt-8" data-characteristic={section.key}>
      <h3 id={id} className="text-lg font-semibold">{section.label}</h3>
      {section.rows.length === 0 ? (
        <p className="mt-2 text-slate-700">No children in this period.</p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded border border-slate-300 bg-white" tabIndex={0} role="region" aria-label={`${section.label} table`}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{section.label}: attendance, persistent and severe absence by group, and the gap to all children with a social worker, {windowLabel}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 bg-slate-50">
                <th scope="col" className="px-3 py-2 text-left align-bottom">Group</th>
                <th scope="col" className={th}>Children</th>
                {RATE_KEYS.flatMap((r) => HEADERS[r].map((h) => <th key={h} scope="col" className={th}>{h}</th>))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-slate-300 bg-slate-50" data-group="ALL">
                <th scope="row" className="px-3 py-2 text-left font-semibold">{all.label}</th>
                <Cells row={all} isAll />
              </tr>
              {section.rows.map((row) => (
                <tr key={row.key} className="border-b border-slate-200" data-group={row.key}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{row.label}</th>
                  <Cells row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function GapTables({ table, windowLabel }: { table: GapTable; windowLabel: string }) {
  return (
    <>
      {table.sections.map((s) => (
        <SectionTable key={s.key} section={s} all={table.all} windowLabel={windowLabel} />
      ))}
    </>
  );
}
