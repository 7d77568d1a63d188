import type { Role } from "@/lib/generated/prisma/enums";

// Who may do what: one table, read by assertCan() everywhere. A capability names an action on a kind
// of data; scoping within it (a practice supervisor's own teams) is applied by the queries.
export const PERMISSIONS = {
  "dashboard.view": ["VSH", "SENIOR_LEADER"],
  "gaps.view": ["VSH", "SENIOR_LEADER"],
  "gaps.export": ["VSH", "SENIOR_LEADER"],
  "children.view": ["VSH", "PRACTICE_SUPERVISOR"],
  "children.export": ["VSH", "PRACTICE_SUPERVISOR"],
  /** The unsuppressed report JSON of the data contract, with per-child entries: analysts' data. */
  "report.json": ["VSH"],
  "targets.view": ["VSH", "SENIOR_LEADER"],
  "targets.edit": ["VSH"],
  "imports.run": ["VSH"],
  "users.manage": ["VSH"],
  "audit.view": ["VSH"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof PERMISSIONS;
export const CAPABILITIES = Object.keys(PERMISSIONS) as Capability[];

export const ROLE_LABELS: Record<Role, string> = {
  VSH: "Virtual school head",
  PRACTICE_SUPERVISOR: "Practice supervisor",
  SENIOR_LEADER: "Senior leader",
};

export function can(role: Role, capability: Capability): boolean {
  return (PERMISSIONS[capability] as readonly Role[]).includes(role);
}

export class ForbiddenError extends Error {
  constructor(readonly capability: Capability) {
    super(`Not permitted: ${capability}`);
    this.name = "ForbiddenError";
  }
}

export function assertCan(role: Role, capability: Capability): void {
  if (!can(role, capability)) throw new ForbiddenError(capability);
}

/** Where a role lands after choosing a tenant. */
export function homePath(slug: string, role: Role): string {
  return role === "PRACTICE_SUPERVISOR" ? `/${slug}/caseload` : `/${slug}`;
}
