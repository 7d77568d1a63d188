import type { ChildSummary } from "@/lib/children/summaries";

/** Absence and falling-attendance flags as words (never colour alone), with the reasons on hover and for screen readers. */
export function FlagBadges({ summary }: { summary: Pick<ChildSummary, "year" | "persistent" | "severe" | "flags"> }) {
  const badges: { label: string; title: string; cls: string }[] = [];
  if (summary.severe) badges.push({ label: "Severe absence", title: "Missed 50% or more of possible sessions this year", cls: "border-red-800 bg-red-50 text-red-900" });
  else if (summary.persistent) badges.push({ label: "Persistent absence", title: "Missed 10% or more of possible sessions this year", cls: "border-amber-800 bg-amber-50 text-amber-900" });
  if (summary.flags.newlySevere) badges.push({ label: "Newly severe", title: "Became severely absent in the last week", cls: "border-red-800 bg-white text-red-900" });
  else if (summary.flags.newlyPersistent) badges.push({ label: "Newly persistent", title: "Became persistently absent in the last week", cls: "border-amber-800 bg-white text-amber-900" });
  if (summary.flags.falling) badges.push({ label: "Falling", title: summary.flags.reasons[0] ?? "Falling attendance", cls: "border-slate-700 bg-white text-slate-900" });
  if (summary.year.possible === 0) badges.push({ label: "No attendance data", title: "No possible sessions recorded this year", cls: "border-slate-500 bg-slate-100 text-slate-800" });
  if (!badges.length) return <span className="text-slate-600">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <li key={b.label} title={b.title} className={`rounded border px-2 py-0.5 text-xs font-semibold ${b.cls}`}>
          {b.label}
          <span className="sr-only">: {b.title}</span>
        </li>
      ))}
    </ul>
  );
}
