import type { Role } from "@/lib/generated/prisma/enums";
import type { ActorKey } from "../access/actors";
import { hashPassword } from "@/lib/auth/password";
import { startSession, verifyCredentials } from "@/lib/auth/credentials";
import { hashSessionToken, loadSession, openSession, type SessionUser, type SignedIn } from "@/lib/auth/sessions";
import { resolveTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import type { TestDb } from "./test-db";

// Two tenants with real accounts (bcrypt hashes), signed in through the real verifyCredentials: the
// access-matrix tests act as these people, never as a mocked session.

export const PASSWORD = "correct horse battery staple";

type Tenant = { id: number; slug: string; teamIds: number[] };

export type AccessFixture = {
  /** The tenant everybody acts in. */
  home: Tenant;
  /** The other tenant: its VSH is "otherTenant"; it has records of its own. */
  other: Tenant;
  /** The signed-in user of each actor (null for anonymous). */
  users: Record<ActorKey, SessionUser | null>;
  /** A member of home the allowed actions may change. */
  target: SessionUser;
  /** A member of other only: home's actions must not find them. */
  otherMember: SessionUser;
  /** A child of each tenant (the authority's child id). */
  childRefs: { home: string; other: string };
};

async function addTenant(t: TestDb, slug: string): Promise<Tenant> {
  const tenant = await t.prisma.tenant.create({ data: { slug, name: `${slug} Virtual School` } });
  const teamIds = await withTenant(tenant.id, async (tx) => {
    const teams = [];
    for (const name of ["North", "South"]) teams.push((await tx.team.create({ data: { tenantId: tenant.id, name } })).id);
    await tx.child.create({
      data: { tenantId: tenant.id, childRef: `${slug.toUpperCase()}-1`, firstName: "Secret", lastName: "Name", dateOfBirth: new Date("2014-03-01"), sex: "F", teamId: teams[0] },
    });
    return teams;
  }, { prisma: t.prisma });
  return { id: tenant.id, slug, teamIds };
}

async function addUser(t: TestDb, email: string, memberships: { tenant: Tenant; role: Role; active?: boolean; teams?: number[] }[]) {
  const user = await t.prisma.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: await hashPassword(PASSWORD) } });
  for (const m of memberships) {
    await withTenant(m.tenant.id, async (tx) => {
      await tx.membership.create({ data: { tenantId: m.tenant.id, userId: user.id, role: m.role, active: m.active ?? true, name: user.name } });
      for (const teamId of m.teams ?? []) await tx.membershipTeam.create({ data: { tenantId: m.tenant.id, userId: user.id, teamId } });
    }, { prisma: t.prisma });
  }
  return email;
}

/** Signs in with the real credential check and session, and returns the session user it yields. */
export async function signInAs(t: TestDb, email: string, password = PASSWORD): Promise<SessionUser> {
  const result = await verifyCredentials(t.prisma, email, password, "203.0.113.9");
  if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.reason}`);
  const started = await startSession(t.prisma, result.userId, "password", "203.0.113.9", 3600);
  if (!started) throw new Error(`${email} is not active`);
  return started.session.user;
}

/**
 * What a new request of this user sees: a real session opened for them, then read the way every request
 * reads it (loadSession, on the app's database), so memberships are as the database has them now.
 */
export async function sessionOf(user: string | { id: string } | null | undefined): Promise<SignedIn | null> {
  if (!user) return null;
  const userId = typeof user === "string" ? user : user.id;
  const token = await openSession(db(), userId, new Date(Date.now() + 3_600_000), "203.0.113.9");
  return token ? loadSession(db(), hashSessionToken(token), userId) : null;
}

/** The user's context in a tenant, as a new request would resolve it (null: not a member). */
export async function contextOf(user: { id: string }, slug: string): Promise<TenantContext | null> {
  const session = await sessionOf(user);
  return session ? resolveTenantContext(session, slug) : null;
}

export async function createAccessFixture(t: TestDb, prefix = "acc"): Promise<AccessFixture> {
  const home = await addTenant(t, `${prefix}-home`);
  const other = await addTenant(t, `${prefix}-other`);
  const emails = {
    otherTenant: await addUser(t, `vsh@${prefix}-other.test`, [{ tenant: other, role: "VSH" }]),
    deactivated: await addUser(t, `gone@${prefix}-home.test`, [{ tenant: home, role: "VSH", active: false }]),
    vsh: await addUser(t, `vsh@${prefix}-home.test`, [{ tenant: home, role: "VSH" }]),
    supervisor: await addUser(t, `supervisor@${prefix}-home.test`, [{ tenant: home, role: "PRACTICE_SUPERVISOR", teams: [home.teamIds[0]!] }]),
    leader: await addUser(t, `leader@${prefix}-home.test`, [{ tenant: home, role: "SENIOR_LEADER" }]),
    target: await addUser(t, `target@${prefix}-home.test`, [{ tenant: home, role: "SENIOR_LEADER" }]),
    otherMember: await addUser(t, `member@${prefix}-other.test`, [{ tenant: other, role: "SENIOR_LEADER" }]),
  };
  const users = { anonymous: null } as Record<ActorKey, SessionUser | null>;
  for (const k of ["otherTenant", "deactivated", "vsh", "supervisor", "leader"] as const) users[k] = await signInAs(t, emails[k]);
  return {
    home,
    other,
    users,
    target: await signInAs(t, emails.target),
    otherMember: await signInAs(t, emails.otherMember),
    childRefs: { home: `${prefix.toUpperCase()}-HOME-1`, other: `${prefix.toUpperCase()}-OTHER-1` },
  };
}
