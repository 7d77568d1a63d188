import type { Metadata } from "next";
import { Suspense } from "react";
import { ExportLinks } from "@/components/export/export-links";
import { FilterBar } from "@/components/filters/filter-bar";
import { DistinctSummary } from "@/components/gaps/distinct-summary";
import { GapTables } from "@/components/gaps/gap-tables";
import { GapTrendSections } from "@/components/gaps/gap-trend";
import { WarningIcon } from "@/components/gaps/marks";
import { academicYearLabel, academicYearOf, formatDay } from "@/lib/attendance";
import { can } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant-context";
import { rawDb } from "@/lib/db/client";
import { filtersQuery } from "@/lib/filters/filters";
import { gapReport, gapTrendOfYear, gapWindow, type GapTenant, type GapWindow } from "@/lib/gaps";

export const metadata: Metadata = { title: "Characteristic gap report" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GapsPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "gaps.view");
  const gw = await gapWindow(ctx.tenant.id, await searchParams);
  const tenant: GapTenant = ctx.tenant;
  const threshold = tenant.suppressionThreshold;
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Characteristic gap report</h1>
      <p className="mt-2 max-w-3xl text-slate-800">
        Attendance, persistent absence (PA: 10% or more of sessions missed) and severe absence (SA: 50% or more) of each
        group of children with a social worker, and the gap to all children with a social worker in percentage points.
        Figures as of {formatDay(gw.asOf)}.
      </p>
      <FilterBar filters={gw.filters} windowLabel={gw.label} window={gw.window} show={{ cohort: false, school: false, year: false }} />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
        <dl className="text-sm text-slate-800">
          <div className="flex items-center gap-2">
            <dt className="inline-flex items-center gap-1 font-semibold"><WarningIcon /> distinct</dt>
            <dd>a gap of 5 points or more, both groups with {threshold} or more children</dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="font-semibold">c</dt>
            <dd>fewer than {threshold} children: figures withheld to protect the children</dd>
          </div>
        </dl>
        {can(ctx.role, "gaps.export") ? (
          <ExportLinks href={`/${slug}/gaps/export`} query={filtersQuery(gw.filters)} what="the gap report" />
        ) : null}
      </div>
      <Suspense fallback={<Skeleton label="Loading the gap report…" rows={6} />}>
        <Report tenant={tenant} gw={gw} />
      </Suspense>
      <section aria-labelledby="trend-heading" className="mt-12">
        <h2 id="trend-heading" className="text-2xl font-semibold">
          Gaps term by term, {academicYearLabel(academicYearOf(gw.window.to))}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-800">
          The attendance gap of each group in each term of the academic year. The line at 0 is all children with a social
          worker; beyond the dashed lines at ±5 a gap is a distinct difference. Suppressed groups are left out of the chart.
        </p>
        <Suspense fallback={<Skeleton label="Loading the trend…" rows={3} />}>
          <Trend tenant={tenant} gw={gw} />
        </Suspense>
      </section>
    </main>
  );
}

async function Report({ tenant, gw }: { tenant: GapTenant; gw: GapWindow }) {
  const table = await gapReport({ raw: rawDb(), tenant, from: gw.window.from, to: gw.window.to, attribution: gw.filters.attribution });
  if (!table.all.suppressed && table.all.figures?.children === 0) {
    return <p className="mt-6 rounded border border-slate-300 bg-white p-4">No attendance data for this period yet: import a file, or choose another period.</p>;
  }
  return (
    <>
      <DistinctSummary table={table} />
      <h2 className="mt-10 text-2xl font-semibold">Groups, {gw.label}</h2>
      <GapTables table={table} windowLabel={gw.label} />
    </>
  );
}

async function Trend({ tenant, gw }: { tenant: GapTenant; gw: GapWindow }) {
  const trend = await gapTrendOfYear({
    raw: rawDb(),
    tenant,
    windowTo: gw.window.to,
    today: gw.today,
    halfTerms: gw.halfTerms,
    attribution: gw.filters.attribution,
  });
  return <GapTrendSections trend={trend} />;
}

function Skeleton({ label, rows }: { label: string; rows: number }) {
  return (
    <div className="mt-6 animate-pulse space-y-3" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-10 rounded bg-slate-200" />
      ))}
    </div>
  );
}
