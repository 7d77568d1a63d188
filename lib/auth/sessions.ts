import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TenantSummary } from "@/lib/tenants/queries";

// Server-side sessions. The session cookie (an encrypted Auth.js JWT) carries a random token; the
// database keeps only its SHA-256 (UserSession), so sign-out, "sign out everywhere" and deactivation
// end a session at the next request, wherever the cookie was copied to. The app reaches sessions and
// accounts only through the SECURITY DEFINER functions of the least_privilege migration.

export type SessionUser = { id: string; email: string; name: string };
export type TenantContext = { user: SessionUser; tenant: TenantSummary; role: Role; teamIds: number[] };
/** A live session: its account and the account's active memberships. */
export type SignedIn = { user: SessionUser; tokenHash: string; contexts: TenantContext[] };

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Opens a session for an active account; the token for the cookie, or null (no such active account). */
export async function openSession(prisma: PrismaClient, userId: string, expires: Date, ip: string): Promise<string | null> {
  const token = newSessionToken();
  const rows = await prisma.$queryRaw<{ opened: boolean | null }[]>`
    SELECT auth_session_open(${hashSessionToken(token)}, ${userId}, ${expires}::timestamp, ${ip}) AS opened`;
  return rows[0]?.opened ? token : null;
}

/** Ends this session, or every session of its account; the number of sessions ended. */
export async function revokeSession(prisma: PrismaClient, tokenHash: string, everywhere = false): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`SELECT auth_session_revoke(${tokenHash}, ${everywhere}) AS n`;
  return rows[0]?.n ?? 0;
}

type SessionRow = {
  user_id: string;
  email: string;
  name: string;
  tenant_id: number | null;
  slug: string;
  tenant_name: string;
  la_code: string | null;
  suppression_threshold: number;
  role: Role;
  team_ids: number[];
};

/**
 * The live session of a token hash, with its account's active memberships (teams included), in one
 * read: the one membership rule of pages, route handlers and actions. Null: revoked, expired, or the
 * account is inactive; or the cookie's user is not the session's (expectedUserId).
 */
export async function loadSession(prisma: PrismaClient, tokenHash: string, expectedUserId?: string): Promise<SignedIn | null> {
  const rows = await prisma.$queryRaw<SessionRow[]>`SELECT * FROM app_session(${tokenHash})`;
  if (!rows.length || (expectedUserId && rows[0]!.user_id !== expectedUserId)) return null;
  const user: SessionUser = { id: rows[0]!.user_id, email: rows[0]!.email, name: rows[0]!.name };
  const contexts = rows
    .filter((r) => r.tenant_id !== null)
    .map((r) => ({
      user,
      tenant: { id: r.tenant_id!, slug: r.slug, name: r.tenant_name, laCode: r.la_code, suppressionThreshold: r.suppression_threshold },
      role: r.role,
      teamIds: r.team_ids,
    }));
  return { user, tokenHash, contexts };
}
