import type { Metadata } from "next";
import Link from "next/link";
import { COHORT_LABELS, formatDay } from "@/lib/attendance";
import { requireTenant } from "@/lib/auth/tenant-context";
import { caseloadQuerySchema } from "@/lib/children/caseload-query";
import { loadCaseloadPage } from "@/lib/children/caseload-page";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
import { FlagBadges } from "@/components/children/flag-badges";
import { SortHeader } from "@/components/children/sort-header";
import { rateOf } from "@/components/format";
import { ExportLinks } from "@/components/export/export-links";

export const metadata: Metadata = { title: "Caseload" };
export const dynamic = "force-dynamic";

export default async function CaseloadPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "children.view");
  const sp = caseloadQuerySchema.parse(await searchParams);
  const [{ asOf, latestMark }, halfTerms] = await Promise.all([dataAsOf(ctx.tenant.id), tenantHalfTerms(ctx.tenant.id)]);
  const { shown, matched, page, pages, termFrom } = await loadCaseloadPage(ctx, sp, asOf, halfTerms);
  const link = (change: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const merged = { q: sp.q, sort: sp.sort, dir: sp.dir, flag: sp.flag, page: String(page), ...change };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "flag" && v === "any") && !(k === "page" && v === "1")) q.set(k, String(v));
    const s = q.toString();
    return `/${slug}/caseload${s ? `?${s}` : ""}`;
  };
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Caseload</h1>
      <p className="mt-2 text-slate-700">
        {ctx.role === "VSH" ? "Every child who has held a status this academic year." : "The children of your teams who have held a status this academic year."}{" "}
        Figures as of {formatDay(asOf)}{latestMark ? "" : " (no attendance data yet: import a file)"}; this term from {formatDay(termFrom)}.
      </p>
      <form method="get" className="no-print mt-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4" role="search" aria-label="Search the caseload">
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">Name or child id</label>
          <input id="q" name="q" defaultValue={sp.q} className="mt-1 rounded border-2 border-slate-700 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="flag" className="block text-sm font-semibold">Show</label>
          <select id="flag" name="flag" defaultValue={sp.flag} className="mt-1 rounded border-2 border-slate-700 bg-white px-2 py-1">
            <option value="any">All children</option>
            <option value="pa">Persistently absent</option>
            <option value="sa">Severely absent</option>
            <option value="falling">Falling attendance</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={sp.sort} />
        <input type="hidden" name="dir" value={sp.dir} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Search</button>
      </form>
      <div className="mt-4"><ExportLinks href={`/${slug}/caseload/export`} query={link({ page: undefined }).split("?")[1] ?? ""} what="the caseload" /></div>
      <p className="mt-4" role="status">{matched.toLocaleString("en-GB")} {matched === 1 ? "child" : "children"}{pages > 1 ? `, page ${page} of ${pages}` : ""}.</p>
      {matched === 0 ? (
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">No children match. {latestMark ? "" : "No attendance data yet: import a file."}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm shadow-sm">
            <caption className="sr-only">Caseload: status, school, attendance and flags of each child</caption>
            <thead className="border-b-2 border-slate-400">
              <tr>
                <SortHeader label="Child" column="name" sort={sp.sort} dir={sp.dir} href={(c, d) => link({ sort: c, dir: d, page: 1 })} />
                <th scope="col" className="px-3 py-2 text-left">Team</th>
                <SortHeader label="Status" column="status" sort={sp.sort} dir={sp.dir} href={(c, d) => link({ sort: c, dir: d, page: 1 })} />
                <SortHeader label="School" column="school" sort={sp.sort} dir={sp.dir} href={(c, d) => link({ sort: c, dir: d, page: 1 })} />
                <SortHeader label="This term" column="term" sort={sp.sort} dir={sp.dir} href={(c, d) => link({ sort: c, dir: d, page: 1 })} />
                <SortHeader label="Year to date" column="year" sort={sp.sort} dir={sp.dir} href={(c, d) => link({ sort: c, dir: d, page: 1 })} />
                <th scope="col" className="px-3 py-2 text-left">Flags</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.childId} className="border-b border-slate-200" data-child={r.childRef}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/${slug}/children/${encodeURIComponent(r.childRef)}`} className="font-semibold text-brand-800 underline">{r.name}</Link>
                    <span className="block text-xs text-slate-600">{r.childRef}</span>
                  </th>
                  <td className="px-3 py-2">{r.team ?? "–"}</td>
                  <td className="px-3 py-2">{r.statuses.length ? r.statuses.map((s) => COHORT_LABELS[s]).join(", ") : "Ended"}</td>
                  <td className="px-3 py-2">{r.school ?? "–"}</td>
                  <td className="px-3 py-2 tabular-nums" data-measure="term">{rateOf(r.summary.term)}</td>
                  <td className="px-3 py-2 tabular-nums" data-measure="year">{rateOf(r.summary.year)}</td>
                  <td className="px-3 py-2"><FlagBadges summary={r.summary} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="no-print mt-4 flex gap-4">
          {page > 1 ? <Link href={link({ page: page - 1 })} className="text-brand-800 underline">Previous page</Link> : null}
          {page < pages ? <Link href={link({ page: page + 1 })} className="text-brand-800 underline">Next page</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}
