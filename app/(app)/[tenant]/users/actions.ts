"use server";

import { tenantAction } from "@/lib/auth/action";
import { USER_ACTIONS } from "@/lib/users/actions";

// Each action checks session, membership, permission and input itself (lib/auth/action.ts).
export const addUser = tenantAction(...USER_ACTIONS.addUser);
export const updateUser = tenantAction(...USER_ACTIONS.updateUser);
export const setUserActive = tenantAction(...USER_ACTIONS.setUserActive);
