import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oidcEnabled } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { signInWithOidc } from "./actions";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccessDenied: "Single sign-on worked, but there is no active account here for that email address. Ask your virtual school head to add you.",
  Configuration: "Sign-in is not available right now. Please try again later.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentUser()) redirect("/");
  const { error } = await searchParams;
  const errorMessage = error ? (ERRORS[error] ?? "Sign-in did not work. Please try again.") : null;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-3xl font-bold text-brand-800">Sign in</h1>
      <p className="mt-2 text-slate-700">Virtual School Attendance holds special-category personal data. Sign in with your council account.</p>
      {errorMessage ? (
        <div role="alert" className="mt-6 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{errorMessage}</div>
      ) : null}
      {oidcEnabled ? (
        <form action={signInWithOidc} className="mt-8">
          <button type="submit" className="w-full rounded border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
            Sign in with {env.AUTH_OIDC_NAME}
          </button>
          <p className="mt-6 text-center text-slate-600">or with your email address</p>
        </form>
      ) : null}
      <div className="mt-8">
        <SignInForm />
      </div>
    </main>
  );
}
