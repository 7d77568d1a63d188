"use server";

import "server-only";
import { db } from "@/lib/db/client";
import { recordSecurityEventSafely } from "@/lib/audit/security-log";
import { requestClientAddress } from "./client-address";
import { signOut } from "./config";
import { sessionCookie } from "./session";
import { revokeSession } from "./sessions";

// Sign-out ends the session on the server, not only the cookie in this browser: a copy of the cookie
// taken before sign-out opens nothing afterwards. "Everywhere" ends every session of the account.
async function endSession(everywhere: boolean): Promise<void> {
  const cookie = await sessionCookie();
  if (cookie) {
    const ended = await revokeSession(db(), cookie.tokenHash, everywhere);
    await recordSecurityEventSafely(db(), {
      slug: null,
      kind: everywhere ? "session.signout_everywhere" : "session.signout",
      actor: cookie.userId,
      ip: await requestClientAddress(),
      detail: { sessions: ended },
    });
  }
  await signOut({ redirectTo: "/sign-in" });
}

export async function signOutAction(): Promise<void> {
  await endSession(false);
}

export async function signOutEverywhereAction(): Promise<void> {
  await endSession(true);
}
