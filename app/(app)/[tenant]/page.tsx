import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { academicYearOf, COHORT_LABELS, formatDay, percentValue, yearGroupLabel } from "@/lib/attendance";
import { can, homePath } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant-context";
import { viewDashboard } from "@/lib/dashboard/dashboard-view";
import { filtersQuery, parseFilters } from "@/lib/filters/filters";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CohortCards } from "@/components/dashboard/cohort-cards";
import { FlaggedChildren } from "@/components/dashboard/flagged-children";
import { MeasuresTable } from "@/components/dashboard/measures-table";
import { FilterBar } from "@/components/filters/filter-bar";
import { ExportLinks } from "@/components/export/export-links";
import { measureCells } from "@/components/format";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug);
  if (!can(ctx.role, "dashboard.view")) redirect(homePath(slug, ctx.role));
  const filters = parseFilters(await searchParams);
  const { dashboard: d, schools, showNames } = await viewDashboard(ctx, filters);
  const { asOf, latestMark } = d;
  const cohortLabel = COHORT_LABELS[filters.cohort];
  const target = d.targets[filters.cohort];
  const stale = d.freshness.filter((s) => s.stale);
  const staleUrns = new Set(stale.map((s) => s.urn));
  const exportQuery = (table: string) => `${filtersQuery(filters).replace(/^\?/, "")}${filtersQuery(filters) ? "&" : ""}table=${table}`;
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Cohort dashboard</h1>
      <p className="mt-2 text-slate-700">
        {latestMark ? <>Register marks up to {formatDay(latestMark)}.</> : <>No attendance data yet: import a file.</>}
      </p>
      <FilterBar filters={filters} windowLabel={`${d.window.label} (${formatDay(d.window.from)} to ${formatDay(d.window.to)})`} window={d.window} schools={schools} years={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]} />

      <section aria-labelledby="cohorts-h" className="mt-8">
        <h2 id="cohorts-h" className="text-xl font-semibold">Cohorts</h2>
        <p className="text-sm text-slate-700">Targets for the {d.targetTerm.term.toLowerCase()} term {d.targetTerm.academicYear}/{String((d.targetTerm.academicYear + 1) % 100).padStart(2, "0")}.</p>
        <CohortCards cohorts={d.cohorts} targets={d.targets} selected={filters.cohort} />
        <div className="mt-3"><ExportLinks href={`/${slug}/export`} query={exportQuery("cohorts")} what="the cohort figures" /></div>
      </section>

      <section aria-labelledby="trend-h" className="mt-8">
        <h2 id="trend-h" className="text-xl font-semibold">Trend through the year: {cohortLabel}</h2>
        <ChartFigure
          title={`Weekly attendance and persistent absence, ${cohortLabel.toLowerCase()}, academic year ${academicYearOf(asOf)}/${String((academicYearOf(asOf) + 1) % 100).padStart(2, "0")}`}
          description="Attendance: share of possible sessions attended that week. Persistently absent: share of children who have missed 10% or more of their sessions since 1 September."
          rowHeader="Week beginning"
          rows={d.trend.map((p) => ({ label: formatDay(p.weekStart), attendance: percentValue(p.attendance), persistent: percentValue(p.persistentShare) }))}
          series={[
            { key: "attendance", name: "Attendance", color: "#1d4e89" },
            { key: "persistent", name: "Persistently absent", color: "#b45309", dashed: true },
          ]}
          target={target ? { value: target.attendanceRate, label: "Attendance target" } : undefined}
        />
      </section>

      <section aria-labelledby="lists-h" className="mt-8">
        <h2 id="lists-h" className="text-xl font-semibold">Children to look at: {cohortLabel.toLowerCase()}</h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <FlaggedChildren title="Newly persistently or severely absent" childrenList={d.newlyPersistent} slug={slug} showNames={showNames} empty="No child became persistently or severely absent in the last week." />
          <FlaggedChildren title="Falling attendance" childrenList={d.falling} slug={slug} showNames={showNames} empty="No child's attendance over the last 4 weeks is 5 or more points below their year to date." />
        </div>
      </section>

      <section aria-labelledby="schools-h" className="mt-8">
        <h2 id="schools-h" className="text-xl font-semibold">By school: {cohortLabel.toLowerCase()}</h2>
        <MeasuresTable caption={`Attendance by school, ${d.window.label}`} rowHeader="School"
          rows={d.schools.map((s) => ({ key: s.urn, label: s.name ?? s.urn, cells: measureCells(s.measures), note: staleUrns.has(s.urn) ? "Data over a week old" : undefined }))} />
        <div className="mt-3"><ExportLinks href={`/${slug}/export`} query={exportQuery("schools")} what="attendance by school" /></div>
      </section>

      <section aria-labelledby="years-h" className="mt-8">
        <h2 id="years-h" className="text-xl font-semibold">By year group: {cohortLabel.toLowerCase()}</h2>
        <MeasuresTable caption={`Attendance by year group, ${d.window.label}`} rowHeader="Year group"
          rows={d.years.map((y) => ({ key: String(y.year), label: yearGroupLabel(y.year), cells: measureCells(y.measures) }))} />
        <div className="mt-3"><ExportLinks href={`/${slug}/export`} query={exportQuery("years")} what="attendance by year group" /></div>
      </section>

      <section aria-labelledby="fresh-h" className="mt-8">
        <h2 id="fresh-h" className="text-xl font-semibold">Data freshness</h2>
        <p className="text-sm text-slate-700">{stale.length ? `${stale.length} school${stale.length === 1 ? " has" : "s have"} sent no register marks for more than a week before ${formatDay(asOf)}.` : "Every school has sent register marks within the last week."}</p>
        {/* Only the schools that need chasing: a large authority has a couple of hundred, nearly all up to date. */}
        {stale.length ? (
          <table className="mt-2 w-full max-w-3xl border-collapse bg-white text-sm">
            <caption className="sr-only">Latest register mark of each school whose data is over a week old</caption>
            <thead><tr className="border-b-2 border-slate-400"><th scope="col" className="px-3 py-2 text-left">School</th><th scope="col" className="px-3 py-2 text-left">Latest mark</th><th scope="col" className="px-3 py-2 text-left">Status</th></tr></thead>
            <tbody>
              {stale.map((s) => (
                <tr key={s.urn} className="border-b border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{s.name ?? s.urn}</th>
                  <td className="px-3 py-2">{s.latest ? formatDay(s.latest) : "None"}</td>
                  <td className="px-3 py-2"><span className="font-semibold text-red-900"><span aria-hidden="true">⚠ </span>Over a week old</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {stale.length && d.freshness.length > stale.length ? (
          <p className="mt-2 text-sm text-slate-700">The other {d.freshness.length - stale.length} schools are up to date.</p>
        ) : null}
      </section>
    </main>
  );
}
