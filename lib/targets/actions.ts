import { copyTargetsSchema, deleteTargetSchema, saveTargetSchema } from "@/lib/schemas/target";
import { copyLastYearsTargets, deleteTarget, saveTarget } from "./mutations";

// The server actions of the targets page as [capability, input schema, handler]: the page's actions.ts
// wraps each with tenantAction(...), and the access-matrix tests run the very same triple through
// runTenantAction with real users.
export const TARGET_ACTIONS = {
  saveTarget: ["targets.edit", saveTargetSchema, saveTarget],
  deleteTarget: ["targets.edit", deleteTargetSchema, deleteTarget],
  copyTargets: ["targets.edit", copyTargetsSchema, copyLastYearsTargets],
} as const;
