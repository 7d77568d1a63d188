import { addUserSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { addMember, setMemberActive, updateMember } from "./mutations";

// The server actions of user management as [capability, input schema, handler]: the page's actions.ts
// wraps each with tenantAction(...), and the access-matrix tests run the very same triple through
// runTenantAction with real users.
export const USER_ACTIONS = {
  addUser: ["users.manage", addUserSchema, addMember],
  updateUser: ["users.manage", updateUserSchema, updateMember],
  setUserActive: ["users.manage", setUserActiveSchema, setMemberActive],
} as const;
