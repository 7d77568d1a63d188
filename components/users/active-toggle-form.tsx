"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import type { MemberChange } from "@/lib/users/mutations";
import type { MemberAction } from "./types";

/** Deactivates or reactivates a membership of this authority. */
export function ActiveToggleForm({ tenant, userId, name, active, action }: { tenant: string; userId: string; name: string; active: boolean; action: MemberAction }) {
  const [state, formAction, pending] = useActionState<ActionResult<MemberChange> | undefined, FormData>(action, undefined);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" disabled={pending}
        className={`rounded border-2 px-3 py-1 font-semibold disabled:opacity-60 ${active ? "border-red-800 text-red-800 hover:bg-red-50" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}>
        {active ? "Deactivate" : "Reactivate"}<span className="sr-only"> {name}</span>
      </button>
      {state && !state.ok ? <p role="alert" className="mt-1 text-sm font-semibold text-red-800">{state.message}</p> : null}
    </form>
  );
}
