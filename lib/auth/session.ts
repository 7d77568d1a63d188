import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { auth } from "./config";

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in, active user of this request, or null. One database read per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = (session as { userId?: string } | null)?.userId;
  return userId ? activeUser(userId) : null;
});

export async function activeUser(userId: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, active: true } });
  return user?.active ? { id: user.id, email: user.email, name: user.name } : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
