"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";

export type SignInState = { message: string } | undefined;

const input = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320),
  password: z.string().min(1, "Enter your password").max(1000),
});

const INVALID = "The email address or password is not right, or the account is not active.";
const THROTTLED = "Too many attempts. Sign-in is paused for a few minutes; please try again later.";

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = input.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? INVALID };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return { message: code === "throttled" ? THROTTLED : INVALID };
    }
    throw e; // the redirect after a successful sign-in
  }
  return undefined;
}

export async function signInWithOidc(): Promise<void> {
  await signIn("oidc", { redirectTo: "/" });
}
