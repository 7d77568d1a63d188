import { distinctDifferences, pointsValue, RATE_LABELS, type GapTable } from "@/lib/gaps";
import { WarningIcon } from "./marks";

/** The distinct differences of the period in one list, so a senior leader sees first where to act. */
export function DistinctSummary({ table }: { table: GapTable }) {
  const found = distinctDifferences(table);
  return (
    <section aria-labelledby="distinct-heading" className="mt-6 rounded border-l-4 border-orange-900 bg-white p-4 shadow-sm">
      <h2 id="distinct-heading" className="flex items-center gap-2 text-xl font-semibold">
        <WarningIcon /> Distinct differences: {found.length}
      </h2>
      {found.length === 0 ? (
        <p className="mt-2">No group differs from all children with a social worker by 5 points or more in this period.</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {found.map(({ section, row, rate, gap }) => (
            <li key={`${section.key}-${row.key}-${rate}`}>
              <strong>{section.label}: {row.label}</strong> — {RATE_LABELS[rate].toLowerCase()} rate{" "}
              {pointsValue(Math.abs(gap))?.toFixed(1)} points {gap < 0 ? "lower" : "higher"} than for all children with a social worker
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
