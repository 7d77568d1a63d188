"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import type { MemberChange } from "@/lib/users/mutations";
import type { Member, TeamOption } from "@/lib/users/queries";
import { FieldError, fieldErrorsOf, FormMessage } from "./form-message";
import { TeamCheckboxes } from "./team-checkboxes";
import { input, ROLE_OPTIONS, type MemberAction } from "./types";
import { submitWithoutReset } from "./use-submit";

/** Changes one member's role and teams. Your own role is shown but not offered for change. */
export function EditMemberForm({ tenant, member, teams, isSelf, action }: { tenant: string; member: Member; teams: TeamOption[]; isSelf: boolean; action: MemberAction }) {
  const [state, formAction, pending] = useActionState<ActionResult<MemberChange> | undefined, FormData>(action, undefined);
  const [role, setRole] = useState<string>(member.role);
  const router = useRouter();
  const errors = fieldErrorsOf(state);
  const id = `edit-${member.userId}`;
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="mt-3 space-y-4" noValidate aria-label={`Change role or teams of ${member.name}`}>
      <FormMessage state={state} success="Saved." />
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="userId" value={member.userId} />
      {isSelf ? (
        <>
          <input type="hidden" name="role" value={member.role} />
          <p className="text-sm text-slate-700">Your own role can only be changed by another virtual school head.</p>
        </>
      ) : (
        <div>
          <label htmlFor={`${id}-role`} className="block font-semibold">Role</label>
          <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value)} className={input}>
            {ROLE_OPTIONS.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
          <FieldError id={`${id}-role-error`} errors={errors.role} />
        </div>
      )}
      {role === "PRACTICE_SUPERVISOR" ? (
        <TeamCheckboxes idPrefix={id} teams={teams} selected={member.teams.map((t) => t.id)} errors={errors.teamIds} />
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
