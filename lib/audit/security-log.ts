import type { PrismaClient } from "@/lib/generated/prisma/client";

// The security log: sign-ins, refused and cross-tenant attempts, sessions ended. Written through one
// SECURITY DEFINER function (app_security_event) that names the authority by the URL's slug, so an
// attempt on an authority lands in that authority's log even though the person is not its member;
// a tenant's VSH reads its own rows (lib/audit/security-queries.ts). The app cannot change or delete rows.

export const SECURITY_EVENTS = {
  "signin.success": "Signed in",
  "signin.throttled": "Sign-in refused: too many attempts",
  "access.not_member": "Tried to open an authority they are not a member of",
  "access.refused": "Tried something their role does not allow",
  "session.signout": "Signed out",
  "session.signout_everywhere": "Signed out everywhere",
} as const;

export type SecurityEventKind = keyof typeof SECURITY_EVENTS;

export type SecurityEventInput = {
  /** The authority named in the URL (null: none, e.g. a sign-in). */
  slug: string | null;
  kind: SecurityEventKind;
  /** User id, or null for nobody signed in. */
  actor: string | null;
  ip: string | null;
  path?: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

export async function recordSecurityEvent(prisma: PrismaClient, e: SecurityEventInput): Promise<void> {
  const detail = e.detail ? JSON.stringify(e.detail) : null;
  await prisma.$queryRaw`SELECT app_security_event(${e.slug}, ${e.kind}, ${e.actor}, ${e.ip}, ${e.path ?? null}, ${detail}::jsonb)::text`;
}

/** recordSecurityEvent where a failure to log must not change the answer (a refusal stays a 404). */
export async function recordSecurityEventSafely(prisma: PrismaClient, e: SecurityEventInput): Promise<void> {
  try {
    await recordSecurityEvent(prisma, e);
  } catch (err) {
    console.error(`security log: could not record ${e.kind}: ${err instanceof Error ? err.message.split("\n")[0] : "error"}`);
  }
}
