import type { Role } from "@/lib/generated/prisma/enums";
import type { ActorKey } from "../access/actors";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/credentials";
import { activeUser, type SessionUser } from "@/lib/auth/session";
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
      await tx.membership.create({ data: { tenantId: m.tenant.id, userId: user.id, role: m.role, active: m.active ?? true } });
      for (const teamId of m.teams ?? []) await tx.membershipTeam.create({ data: { tenantId: m.tenant.id, userId: user.id, teamId } });
    }, { prisma: t.prisma });
  }
  return email;
}

/** Signs in with the real credential check and returns the session user it yields. */
export async function signInAs(t: TestDb, email: string, password = PASSWORD): Promise<SessionUser> {
  const result = await verifyCredentials(t.prisma, email, password, "203.0.113.9");
  if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.reason}`);
  const user = await activeUser(result.userId);
  if (!user) throw new Error(`${email} is not active`);
  return user;
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
