"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import type { MemberChange } from "@/lib/users/mutations";
import type { TeamOption } from "@/lib/users/queries";
import { FieldError, fieldErrorsOf, FormMessage } from "./form-message";
import { TeamCheckboxes } from "./team-checkboxes";
import { input, ROLE_OPTIONS, type MemberAction } from "./types";
import { submitWithoutReset } from "./use-submit";

/**
 * Adds a person by email. The password is optional: without it the person signs in by single
 * sign-on; it is never sent back to the browser, and the form is cleared after each success.
 */
export function AddUserForm({ tenant, teams, action, passwordMin }: { tenant: string; teams: TeamOption[]; action: MemberAction; passwordMin: number }) {
  const [state, formAction, pending] = useActionState<ActionResult<MemberChange> | undefined, FormData>(action, undefined);
  const [role, setRole] = useState("PRACTICE_SUPERVISOR");
  const [formKey, setFormKey] = useState(0);
  const router = useRouter();
  const errors = fieldErrorsOf(state);
  // On success: a fresh form, and the list re-read (the action itself does not revalidate, so that it
  // runs the same in the access-matrix tests, outside a Next request).
  useEffect(() => {
    if (state?.ok) {
      setFormKey((k) => k + 1);
      router.refresh();
    }
  }, [state, router]);
  const describedBy = (field: string, hint?: string) => [hint, errors[field]?.length ? `add-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form key={formKey} action={formAction} onSubmit={submitWithoutReset(formAction)} className="mt-4 max-w-2xl space-y-5 rounded border border-slate-300 bg-white p-5" noValidate aria-label="Add a user">
      <FormMessage state={state} success="Added. They can sign in now." />
      <input type="hidden" name="tenant" value={tenant} />
      <div>
        <label htmlFor="add-email" className="block font-semibold">Email address</label>
        <input id="add-email" name="email" type="email" autoComplete="off" required className={input}
          aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy("email")} />
        <FieldError id="add-email-error" errors={errors.email} />
      </div>
      <div>
        <label htmlFor="add-name" className="block font-semibold">Name</label>
        <input id="add-name" name="name" autoComplete="off" required className={input}
          aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy("name")} />
        <FieldError id="add-name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="add-role" className="block font-semibold">Role</label>
        <select id="add-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} className={input}
          aria-invalid={errors.role ? true : undefined} aria-describedby={describedBy("role")}>
          {ROLE_OPTIONS.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
        <FieldError id="add-role-error" errors={errors.role} />
      </div>
      {role === "PRACTICE_SUPERVISOR" ? <TeamCheckboxes idPrefix="add" teams={teams} selected={[]} errors={errors.teamIds} /> : null}
      <div>
        <label htmlFor="add-password" className="block font-semibold">Initial password (optional)</label>
        <p id="add-password-hint" className="text-sm text-slate-700">
          Leave empty when the person signs in with your council&apos;s single sign-on. Otherwise at least {passwordMin} characters; give it to them in person or by phone, never by email.
          An email address that already has an account keeps its own password.
        </p>
        <input id="add-password" name="password" type="password" autoComplete="new-password" className={input}
          aria-invalid={errors.password ? true : undefined} aria-describedby={describedBy("password", "add-password-hint")} />
        <FieldError id="add-password-error" errors={errors.password} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Adding…" : "Add user"}
      </button>
    </form>
  );
}
