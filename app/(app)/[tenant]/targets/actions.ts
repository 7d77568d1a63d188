"use server";

import { tenantAction } from "@/lib/auth/action";
import { TARGET_ACTIONS } from "@/lib/targets/actions";

// Each action checks session, membership, permission (targets.edit: the VSH) and input itself
// (lib/auth/action.ts).
export const saveTarget = tenantAction(...TARGET_ACTIONS.saveTarget);
export const deleteTarget = tenantAction(...TARGET_ACTIONS.deleteTarget);
export const copyTargets = tenantAction(...TARGET_ACTIONS.copyTargets);
