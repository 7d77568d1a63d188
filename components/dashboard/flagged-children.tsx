import Link from "next/link";
import type { FlaggedChild } from "@/lib/dashboard/cohort-dashboard";
import { flaggedShown } from "@/lib/dashboard/flagged";
import { flagBadges } from "@/components/children/flag-badges";
import { rateOf } from "@/components/format";
import { FlaggedList } from "./flagged-list";

/** Children to look at now. Senior leaders see how many, never who. */
export function FlaggedChildren({ title, childrenList, slug, showNames, empty }: { title: string; childrenList: FlaggedChild[]; slug: string; showNames: boolean; empty: string }) {
  const shown = flaggedShown(childrenList);
  const id = title.toLowerCase().replace(/[^a-z]+/g, "-");
  return (
    <section aria-labelledby={id} className="rounded border border-slate-300 bg-white p-4">
      <h3 id={id} className="font-semibold">{title} <span className="font-normal text-slate-700">({childrenList.length})</span></h3>
      {childrenList.length === 0 ? (
        <p className="mt-2 text-sm">{empty}</p>
      ) : !showNames ? (
        <p className="mt-2 text-sm">Individual children are shown to virtual school heads and practice supervisors.</p>
      ) : (
        <>
          <FlaggedList
            title={title}
            slug={slug}
            items={shown.map((c) => ({ childRef: c.childRef, name: c.name, year: rateOf(c.summary.year), last4: rateOf(c.summary.last4), badges: flagBadges(c.summary) }))}
          />
          {childrenList.length > shown.length ? (
            <p className="mt-2 text-sm">
              The first {shown.length} of {childrenList.length} by child ID. <Link href={`/${slug}/caseload`} className="text-brand-800 underline">The caseload</Link> lists every child with these flags.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
