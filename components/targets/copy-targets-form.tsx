"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { TargetsCopied } from "@/lib/targets";
import type { FormAction } from "./types";


/** Copies last year's targets into the year shown, keeping any already set. */
export function CopyTargetsForm({ tenant, academicYear, fromLabel, toLabel, action }: {
  tenant: string;
  academicYear: number;
  fromLabel: string;
  toLabel: string;
  action: FormAction<TargetsCopied>;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="mt-4 flex flex-wrap items-center gap-4 rounded border border-slate-300 bg-white p-4" aria-label={`Copy targets from ${fromLabel}`}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="academicYear" value={academicYear} />
      <p className="max-w-xl">Start {toLabel} from last year&apos;s targets. Targets already set for {toLabel} are kept.</p>
      <button type="submit" disabled={pending} className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60">
        {pending ? "Copying…" : `Copy targets from ${fromLabel}`}
      </button>
      <div aria-live="polite" className="w-full empty:hidden">
        {state?.ok ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            Copied {state.data.copied} {state.data.copied === 1 ? "target" : "targets"} from {fromLabel}
            {state.data.skipped ? `; ${state.data.skipped} already set for ${toLabel} ${state.data.skipped === 1 ? "was" : "were"} kept` : ""}.
          </p>
        ) : state ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{state.message}</p>
        ) : null}
      </div>
    </form>
  );
}
