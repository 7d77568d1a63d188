"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { FormAction } from "./types";

/** Deletes one target (by its key); `what` names it for screen readers. */
export function DeleteTargetButton({ tenant, academicYear, term, cohort, schoolId, what, action }: {
  tenant: string;
  academicYear: number;
  term: string;
  cohort: string;
  schoolId: number | null;
  what: string;
  action: FormAction<{ id: number }>;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="academicYear" value={academicYear} />
      <input type="hidden" name="term" value={term} />
      <input type="hidden" name="cohort" value={cohort} />
      <input type="hidden" name="schoolId" value={schoolId ?? ""} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 font-semibold text-red-800 underline hover:bg-red-50 disabled:opacity-60">
        {pending ? "Deleting…" : "Delete"}<span className="sr-only"> the target for {what}</span>
      </button>
      {state && !state.ok ? <span role="alert" className="ml-2 text-sm font-semibold text-red-800">{state.message}</span> : null}
    </form>
  );
}
