"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { TargetSaved } from "@/lib/targets";
import { ErrorSummary } from "./error-summary";
import { input, type FormAction } from "./types";

export type TargetFormValues = {
  term: string;
  cohort: string;
  schoolId: string;
  attendanceRate: string;
  maxPersistentRate: string;
};

type Props = {
  tenant: string;
  academicYear: number;
  yearLabel: string;
  terms: { value: string; label: string }[];
  cohorts: { value: string; label: string }[];
  schools: { id: number; label: string }[];
  initial?: TargetFormValues;
  /** The term chosen when nothing is being edited (the current one, in the current year). */
  defaultTerm?: string;
  action: FormAction<TargetSaved>;
};

const FIELDS = {
  term: { id: "target-term", label: "Term" },
  cohort: { id: "target-cohort", label: "Cohort" },
  schoolId: { id: "target-school", label: "School" },
  attendanceRate: { id: "target-attendance", label: "Target attendance rate" },
  maxPersistentRate: { id: "target-pa", label: "Maximum persistent absence rate" },
} as const;
type Field = keyof typeof FIELDS;

/**
 * Sets a target: one per year, term, cohort and school (or all schools). Saving a key that already has
 * a target changes it. Errors are summarised at the top (which takes the focus) and next to each field.
 */
export function TargetForm({ tenant, academicYear, yearLabel, terms, cohorts, schools, initial, defaultTerm, action }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorId = (f: Field) => `${FIELDS[f].id}-error`;
  const described = (f: Field, hint?: string) => [hint, errors[f]?.length ? errorId(f) : undefined].filter(Boolean).join(" ") || undefined;
  const invalid = (f: Field) => (errors[f]?.length ? true : undefined);
  const fieldError = (f: Field) =>
    errors[f]?.length ? (
      <p id={errorId(f)} className="mt-1 text-sm font-semibold text-red-800">
        <span className="sr-only">Error: </span>
        {errors[f].join(" ")}
      </p>
    ) : null;
  // Controlled fields: React resets a form after its action runs, and a person who made a mistake must
  // find their choices still there.
  const [v, setV] = useState<TargetFormValues>(
    initial ?? { term: defaultTerm ?? terms[0]?.value ?? "AUTUMN", cohort: "ALL", schoolId: "", attendanceRate: "", maxPersistentRate: "" },
  );
  const bind = (f: Field) => ({
    id: FIELDS[f].id,
    name: f,
    value: v[f],
    onChange: (e: { target: { value: string } }) => setV((old) => ({ ...old, [f]: e.target.value })),
    "aria-invalid": invalid(f),
  });
  return (
    <form action={formAction} noValidate aria-labelledby="target-form-title" className="mt-4 space-y-4 rounded border border-slate-300 bg-white p-5" id="target-form">
      <h2 id="target-form-title" className="text-xl font-semibold">{initial ? "Change a target" : "Set a target"} for {yearLabel}</h2>
      {state && !state.ok ? (
        <ErrorSummary
          message={state.message}
          errors={state.fieldErrors ?? {}}
          fieldIds={Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.id]))}
          attempt={state}
        />
      ) : null}
      {state?.ok ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {state.data.created ? "Target saved." : "Target changed."}
        </p>
      ) : null}
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="academicYear" value={academicYear} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={FIELDS.term.id} className="block font-semibold">{FIELDS.term.label}</label>
          <select {...bind("term")} className={input} aria-describedby={described("term")}>
            {terms.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select>
          {fieldError("term")}
        </div>
        <div>
          <label htmlFor={FIELDS.cohort.id} className="block font-semibold">{FIELDS.cohort.label}</label>
          <select {...bind("cohort")} className={input} aria-describedby={described("cohort")}>
            {cohorts.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
          {fieldError("cohort")}
        </div>
        <div>
          <label htmlFor={FIELDS.schoolId.id} className="block font-semibold">{FIELDS.schoolId.label}</label>
          <select {...bind("schoolId")} className={input} aria-describedby={described("schoolId")}>
            <option value="">All schools</option>
            {schools.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
          {fieldError("schoolId")}
        </div>
        <div>
          <label htmlFor={FIELDS.attendanceRate.id} className="block font-semibold">{FIELDS.attendanceRate.label} (%)</label>
          <p id="target-attendance-hint" className="text-sm text-slate-700">For example 92.5</p>
          <input {...bind("attendanceRate")} inputMode="decimal" autoComplete="off" className={input}
            aria-describedby={described("attendanceRate", "target-attendance-hint")} />
          {fieldError("attendanceRate")}
        </div>
        <div>
          <label htmlFor={FIELDS.maxPersistentRate.id} className="block font-semibold">{FIELDS.maxPersistentRate.label} (%, optional)</label>
          <p id="target-pa-hint" className="text-sm text-slate-700">The share of children persistently absent should stay at or below this</p>
          <input {...bind("maxPersistentRate")} inputMode="decimal" autoComplete="off" className={input}
            aria-describedby={described("maxPersistentRate", "target-pa-hint")} />
          {fieldError("maxPersistentRate")}
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save target"}
      </button>
    </form>
  );
}
