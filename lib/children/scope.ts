import type { TenantContext } from "@/lib/auth/tenant-context";

// Which children a member may see as individuals: a virtual school head every child of the tenant, a
// practice supervisor the children of their own teams, a senior leader none (they read aggregates).
export type ChildScope = { kind: "all" } | { kind: "teams"; teamIds: number[] } | { kind: "none" };

export function childScope(ctx: Pick<TenantContext, "role" | "teamIds">): ChildScope {
  if (ctx.role === "VSH") return { kind: "all" };
  if (ctx.role === "PRACTICE_SUPERVISOR") return { kind: "teams", teamIds: ctx.teamIds };
  return { kind: "none" };
}

/** A SQL condition on "Child" c for the scope, with the team ids as the given parameter. */
export function scopeSql(scope: ChildScope, teamParam: string): { sql: string; params: unknown[] } {
  if (scope.kind === "all") return { sql: "TRUE", params: [] };
  if (scope.kind === "none") return { sql: "FALSE", params: [] };
  return { sql: `c."teamId" = ANY(${teamParam}::int[])`, params: [scope.teamIds] };
}
