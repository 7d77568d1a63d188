import { withTenant, type Tx } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { AppError, NotFoundError } from "@/lib/errors";
import type { AddUserInput, SetUserActiveInput, UpdateUserInput } from "@/lib/schemas/user";

// Changes to a tenant's memberships, each audited. A User (the account: email, name, password) may
// belong to several tenants, so a VSH changes only their own tenant's membership of it: never the
// account's name, password or global active flag, which would let one authority take over or lock out
// an account another authority relies on.

export type MemberChange = { userId: string };

async function assertTeamsOfTenant(tx: Tx, tenantId: number, teamIds: number[]) {
  if (teamIds.length === 0) return;
  const found = await tx.team.count({ where: { tenantId, id: { in: teamIds } } });
  if (found !== teamIds.length) throw new AppError("Choose teams from the list.");
}

async function findMembership(tx: Tx, tenantId: number, userId: string) {
  const m = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { role: true, active: true } });
  if (!m) throw new NotFoundError();
  return m;
}

/**
 * Adds a person to the tenant. A new email makes a new account (with the optional initial password);
 * an email that already has an account gets a membership of this tenant and keeps its own name and
 * sign-in, whatever the form said.
 */
export async function addMember(input: AddUserInput, ctx: TenantContext): Promise<MemberChange> {
  const tenantId = ctx.tenant.id;
  // Hashed before the transaction (a quarter of a second), used only if the account is new.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return withTenant(tenantId, async (tx) => {
    await assertTeamsOfTenant(tx, tenantId, input.teamIds);
    // The account of this email, made if there is none: only its id comes back, so adding an email
    // tells this authority nothing of an account another authority uses (not its name, not that it exists).
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT app_member_account(${input.email}, ${input.name}, ${passwordHash}) AS id`;
    const user = { id: rows[0]!.id };
    if (await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: user.id } } })) {
      throw new AppError("That email address is already in the list: change the person's role there, or reactivate them.", 409);
    }
    await tx.membership.create({ data: { tenantId, userId: user.id, role: input.role, name: input.name } });
    if (input.teamIds.length) {
      await tx.membershipTeam.createMany({ data: input.teamIds.map((teamId) => ({ tenantId, userId: user.id, teamId })) });
    }
    await recordAudit(tx, {
      tenantId,
      actor: ctx.user.id,
      action: "user.add",
      subjectType: "user",
      subjectId: user.id,
      detail: { role: input.role, teams: input.teamIds.join(",") },
    });
    return { userId: user.id };
  });
}

/** Changes a member's role and teams. Nobody changes their own role: another VSH must do it. */
export async function updateMember(input: UpdateUserInput, ctx: TenantContext): Promise<MemberChange> {
  const tenantId = ctx.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const before = await findMembership(tx, tenantId, input.userId);
    if (input.userId === ctx.user.id && input.role !== before.role) {
      throw new AppError("You cannot change your own role. Ask another virtual school head to do it.", 422);
    }
    await assertTeamsOfTenant(tx, tenantId, input.teamIds);
    await tx.membership.update({ where: { tenantId_userId: { tenantId, userId: input.userId } }, data: { role: input.role } });
    await tx.membershipTeam.deleteMany({ where: { tenantId, userId: input.userId } });
    if (input.teamIds.length) {
      await tx.membershipTeam.createMany({ data: input.teamIds.map((teamId) => ({ tenantId, userId: input.userId, teamId })) });
    }
    await recordAudit(tx, {
      tenantId,
      actor: ctx.user.id,
      action: "user.update",
      subjectType: "user",
      subjectId: input.userId,
      detail: { role: input.role, previousRole: before.role, teams: input.teamIds.join(",") },
    });
    return { userId: input.userId };
  });
}

/**
 * Deactivates or reactivates a membership of this tenant. A deactivated member is out at once: every
 * request checks the membership. Nobody deactivates themselves, so a tenant always keeps a VSH.
 */
export async function setMemberActive(input: SetUserActiveInput, ctx: TenantContext): Promise<MemberChange> {
  const tenantId = ctx.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const before = await findMembership(tx, tenantId, input.userId);
    if (input.userId === ctx.user.id && !input.active) {
      throw new AppError("You cannot deactivate yourself. Ask another virtual school head to do it.", 422);
    }
    if (before.active === input.active) return { userId: input.userId };
    await tx.membership.update({ where: { tenantId_userId: { tenantId, userId: input.userId } }, data: { active: input.active } });
    await recordAudit(tx, {
      tenantId,
      actor: ctx.user.id,
      action: input.active ? "user.reactivate" : "user.deactivate",
      subjectType: "user",
      subjectId: input.userId,
    });
    return { userId: input.userId };
  });
}
