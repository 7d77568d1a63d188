import type { ChildSummary } from "@/lib/children/summaries";

type BadgeKind = "severe" | "persistent" | "newlySevere" | "newlyPersistent" | "falling" | "noData";

/** A flag as data: its kind, and the reason where the reason is the child's own (falling attendance). */
export type Badge = [kind: BadgeKind, reason?: string];

const LOOK: Record<BadgeKind, { label: string; title: string; cls: string }> = {
  severe: { label: "Severe absence", title: "Missed 50% or more of possible sessions this year", cls: "border-red-800 bg-red-50 text-red-900" },
  persistent: { label: "Persistent absence", title: "Missed 10% or more of possible sessions this year", cls: "border-amber-800 bg-amber-50 text-amber-900" },
  newlySevere: { label: "Newly severe", title: "Became severely absent in the last week", cls: "border-red-800 bg-white text-red-900" },
  newlyPersistent: { label: "Newly persistent", title: "Became persistently absent in the last week", cls: "border-amber-800 bg-white text-amber-900" },
  falling: { label: "Falling", title: "Falling attendance", cls: "border-slate-700 bg-white text-slate-900" },
  noData: { label: "No attendance data", title: "No possible sessions recorded this year", cls: "border-slate-500 bg-slate-100 text-slate-800" },
};

/** The flags of a child's summary, in the order they show. */
export function flagBadges(summary: Pick<ChildSummary, "year" | "persistent" | "severe" | "flags">): Badge[] {
  const badges: Badge[] = [];
  if (summary.severe) badges.push(["severe"]);
  else if (summary.persistent) badges.push(["persistent"]);
  if (summary.flags.newlySevere) badges.push(["newlySevere"]);
  else if (summary.flags.newlyPersistent) badges.push(["newlyPersistent"]);
  if (summary.flags.falling) badges.push(summary.flags.reasons[0] ? ["falling", summary.flags.reasons[0]] : ["falling"]);
  if (summary.year.possible === 0) badges.push(["noData"]);
  return badges;
}

/** Flags as words (never colour alone), with the reasons on hover and for screen readers. */
export function BadgeList({ badges }: { badges: Badge[] }) {
  if (!badges.length) return <span className="text-slate-600">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {badges.map(([kind, reason]) => {
        const b = LOOK[kind];
        const title = reason ?? b.title;
        return (
          <li key={kind} title={title} className={`rounded border px-2 py-0.5 text-xs font-semibold ${b.cls}`}>
            {b.label}
            <span className="sr-only">: {title}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Absence and falling-attendance flags of a child's summary. */
export function FlagBadges({ summary }: { summary: Pick<ChildSummary, "year" | "persistent" | "severe" | "flags"> }) {
  return <BadgeList badges={flagBadges(summary)} />;
}
