"use client";

import Link from "next/link";
import { BadgeList, type Badge } from "@/components/children/flag-badges";

/** A flagged child's line as shown: rates already formatted, flags as data (flagBadges). */
export type FlaggedItem = { childRef: string; name: string; year: string; last4: string; badges: Badge[] };

/** The children of a flagged list, each linked to their record: a client component fed plain items. */
export function FlaggedList({ title, items, slug }: { title: string; items: FlaggedItem[]; slug: string }) {
  return (
    <ul className="mt-2 max-h-80 divide-y divide-slate-200 overflow-auto text-sm" tabIndex={0} aria-label={`${title}: children`}>
      {items.map((c) => (
        <li key={c.childRef} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link href={`/${slug}/children/${encodeURIComponent(c.childRef)}`} className="font-semibold text-brand-800 underline">{c.name}</Link>
          <span className="tabular-nums">Year {c.year} · 4 weeks {c.last4}</span>
          <BadgeList badges={c.badges} />
        </li>
      ))}
    </ul>
  );
}
