"use client";

import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/app/(auth)/sign-in/actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, undefined);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state?.message ? (
        <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-semibold">Email address</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          className="mt-1 w-full rounded border-2 border-slate-700 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border-2 border-slate-700 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending}
        className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
