import type { Role } from "@/lib/generated/prisma/enums";
import type { Capability } from "@/lib/auth/permissions";

// Who the access matrix acts as. "home" is the tenant under test; "otherTenant" is a VSH of another
// tenant; "deactivated" had a membership of home that a VSH deactivated (integration layer only).
export const ACTORS = ["anonymous", "otherTenant", "deactivated", "vsh", "supervisor", "leader"] as const;
export type ActorKey = (typeof ACTORS)[number];

export const ACTOR_ROLES: Record<ActorKey, Role | null> = {
  anonymous: null,
  otherTenant: null,
  deactivated: null,
  vsh: "VSH",
  supervisor: "PRACTICE_SUPERVISOR",
  leader: "SENIOR_LEADER",
};

/**
 * Who may do what, written out from the issue ("VSH: everything; practice supervisor: the children of
 * their own teams; senior leader: cohort dashboards and gap reports, no child names"), independently of
 * lib/auth/permissions.ts: a change to the app's table that this spec does not share fails the matrix.
 */
export const SPEC: Record<Capability, readonly Role[]> = {
  "dashboard.view": ["VSH", "SENIOR_LEADER"],
  "gaps.view": ["VSH", "SENIOR_LEADER"],
  "gaps.export": ["VSH", "SENIOR_LEADER"],
  "children.view": ["VSH", "PRACTICE_SUPERVISOR"],
  "children.export": ["VSH", "PRACTICE_SUPERVISOR"],
  // Per-child figures of the whole tenant: the VSH only.
  "report.json": ["VSH"],
  "targets.view": ["VSH", "SENIOR_LEADER"],
  "targets.edit": ["VSH"],
  "imports.run": ["VSH"],
  "users.manage": ["VSH"],
  "audit.view": ["VSH"],
};

/** "member": any active member of the tenant; "public": anyone, signed in or not. */
export type Access = Capability | "member" | "public";

export type Decision = "allowed" | "signin" | "notfound" | "forbidden";

/**
 * What must happen when an actor tries something guarded by `access` in the home tenant. Another
 * tenant's member is told "not found", never "forbidden": the tenant's existence is not admitted.
 */
export function decide(actor: ActorKey, access: Access): Decision {
  if (access === "public") return "allowed";
  if (actor === "anonymous") return "signin";
  const role = ACTOR_ROLES[actor];
  if (!role) return "notfound";
  if (access === "member" || SPEC[access].includes(role)) return "allowed";
  return "forbidden";
}
