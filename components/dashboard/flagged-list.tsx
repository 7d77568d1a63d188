"use client";

import Link from "next/link";
import type { ChildSummary } from "@/lib/children/summaries";
import { FlagBadges } from "@/components/children/flag-badges";
import { rateOf } from "@/components/format";

/** What a flagged child's line shows: their summary without the windows the line does not use. */
export type FlaggedItem = { childRef: string; name: string; summary: Pick<ChildSummary, "year" | "last4" | "persistent" | "severe" | "flags"> };

/** The children of a flagged list, each linked to their record: a client component fed plain items. */
export function FlaggedList({ title, items, slug }: { title: string; items: FlaggedItem[]; slug: string }) {
  return (
    <ul className="mt-2 max-h-80 divide-y divide-slate-200 overflow-auto text-sm" tabIndex={0} aria-label={`${title}: children`}>
      {items.map((c) => (
        <li key={c.childRef} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link href={`/${slug}/children/${encodeURIComponent(c.childRef)}`} className="font-semibold text-brand-800 underline">{c.name}</Link>
          <span className="tabular-nums">Year {rateOf(c.summary.year)} · 4 weeks {rateOf(c.summary.last4)}</span>
          <FlagBadges summary={c.summary} />
        </li>
      ))}
    </ul>
  );
}
