import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { CopyTargetsForm } from "@/components/targets/copy-targets-form";
import { TargetForm, type TargetFormValues } from "@/components/targets/target-form";
import { TermTargets } from "@/components/targets/term-targets";
import { academicYearLabel, academicYearOf, COHORT_LABELS, COHORTS, termLabel, termsOfYear, toIso, type HalfTermDates } from "@/lib/attendance";
import { can } from "@/lib/auth/permissions";
import { requireTenant, type TenantContext } from "@/lib/auth/tenant-context";
import { rawDb } from "@/lib/db/client";
import { academicYearField } from "@/lib/schemas/target";
import { tenantHalfTerms } from "@/lib/tenants/calendar";
import { listTargets, schoolOptions, targetProgress, targetYears, termProgress, type TargetRow } from "@/lib/targets";
import { copyTargets, deleteTarget, saveTarget } from "./actions";

export const metadata: Metadata = { title: "Targets" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = z.object({
  year: academicYearField.optional().catch(undefined),
  edit: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function TargetsPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "targets.view");
  const sp = await searchParams;
  const q = query.parse({ year: first(sp.year), edit: first(sp.edit) });
  const today = toIso(new Date());
  const thisYear = academicYearOf(today);
  const year = q.year ?? thisYear;
  const canEdit = can(ctx.role, "targets.edit");
  const [halfTerms, years, targets, schools] = await Promise.all([
    tenantHalfTerms(ctx.tenant.id),
    targetYears(ctx.tenant.id),
    listTargets(ctx.tenant.id, year),
    canEdit ? schoolOptions(ctx.tenant.id) : Promise.resolve([]),
  ]);
  const yearOptions = [...new Set([...years, thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => b - a);
  const editing = canEdit && q.edit ? targets.find((t) => t.id === q.edit) : undefined;
  const terms = termsOfYear(year, halfTerms);
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Targets</h1>
      <p className="mt-2 max-w-3xl text-slate-800">
        Termly targets for the attendance of each cohort, and optionally a maximum persistent absence (PA) rate, with
        progress against each: this term&apos;s figures to date, and each finished term&apos;s final figures.
        {canEdit ? "" : " You can see the targets; the virtual school head sets them."}
      </p>
      <form method="get" className="no-print mt-6 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-4" aria-label="Choose an academic year">
        <div>
          <label htmlFor="year" className="block text-sm font-semibold">Academic year</label>
          <select id="year" name="year" defaultValue={String(year)} className="mt-1 block rounded border-2 border-slate-700 bg-white px-2 py-1">
            {yearOptions.map((y) => (
              <option key={y} value={y}>{academicYearLabel(y)}{y === thisYear ? " (this year)" : ""}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Show</button>
      </form>
      {canEdit ? (
        <>
          <CopyTargetsForm tenant={slug} academicYear={year} fromLabel={academicYearLabel(year - 1)} toLabel={academicYearLabel(year)} action={copyTargets} />
          <TargetForm
            key={`${year}-${editing?.id ?? "new"}`}
            tenant={slug}
            academicYear={year}
            yearLabel={academicYearLabel(year)}
            terms={terms.map((t) => ({ value: t.term, label: termLabel(t) }))}
            cohorts={COHORTS.map((c) => ({ value: c, label: COHORT_LABELS[c] }))}
            schools={schools.map((s) => ({ id: s.id, label: s.name ? `${s.name} (${s.urn})` : s.urn }))}
            initial={editing ? formValues(editing) : undefined}
            defaultTerm={terms.find((t) => t.startDate <= today && today <= t.endDate)?.term}
            action={saveTarget}
          />
        </>
      ) : null}
      <Suspense fallback={<Skeleton />}>
        <Progress ctx={ctx} year={year} halfTerms={halfTerms} today={today} targets={targets} canEdit={canEdit} />
      </Suspense>
    </main>
  );
}

async function Progress({ ctx, year, halfTerms, today, targets, canEdit }: {
  ctx: TenantContext;
  year: number;
  halfTerms: HalfTermDates[];
  today: string;
  targets: TargetRow[];
  canEdit: boolean;
}) {
  const terms = await termProgress({ raw: rawDb(), tenant: ctx.tenant, academicYear: year, halfTerms, today });
  const progress = targetProgress(targets, terms);
  const slug = ctx.tenant.slug;
  return (
    <>
      {terms.map((term) => (
        <TermTargets
          key={term.term}
          term={term}
          rows={progress.filter((p) => p.target.term === term.term)}
          edit={canEdit ? { tenant: slug, academicYear: year, editHref: (id) => `/${slug}/targets?year=${year}&edit=${id}#target-form`, deleteAction: deleteTarget } : undefined}
        />
      ))}
    </>
  );
}

function formValues(t: TargetRow): TargetFormValues {
  return {
    term: t.term,
    cohort: t.cohort,
    schoolId: t.school ? String(t.school.id) : "",
    attendanceRate: String(t.attendanceRate),
    maxPersistentRate: t.maxPersistentRate === null ? "" : String(t.maxPersistentRate),
  };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function Skeleton() {
  return (
    <div className="mt-10 animate-pulse space-y-3" role="status" aria-label="Loading progress against the targets…">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-10 rounded bg-slate-200" />
      ))}
    </div>
  );
}
