import type { Role } from "@/lib/generated/prisma/enums";
import { withTenant } from "@/lib/db/tenant";

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The membership of this tenant is active (the account itself may still be inactive: see accountActive). */
  active: boolean;
  accountActive: boolean;
  teams: { id: number; name: string }[];
};

export type TeamOption = { id: number; name: string };

/** Everyone with a membership of the tenant, active first, then by name. */
export async function listMembers(tenantId: number): Promise<Member[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.membership.findMany({
      where: { tenantId },
      select: {
        role: true,
        active: true,
        name: true,
        user: { select: { id: true, email: true, active: true } },
        teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
      },
      orderBy: [{ active: "desc" }, { name: "asc" }, { user: { email: "asc" } }],
    }),
  );
  return rows.map((m) => ({
    userId: m.user.id,
    // This authority's own name for the person, never the account's (which another authority may have set).
    name: m.name,
    email: m.user.email,
    role: m.role,
    active: m.active,
    accountActive: m.user.active,
    teams: m.teams.map((t) => t.team),
  }));
}

export async function listTeams(tenantId: number): Promise<TeamOption[]> {
  return withTenant(tenantId, (tx) => tx.team.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }));
}
