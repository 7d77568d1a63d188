import type { ActionResult } from "@/lib/auth/action";
import type { MemberChange } from "@/lib/users/mutations";

/** A user-management server action as the forms receive it (from the page, as a prop). */
export type MemberAction = (previous: ActionResult<MemberChange> | undefined, formData: FormData) => Promise<ActionResult<MemberChange>>;

export const ROLE_OPTIONS = [
  { value: "VSH", label: "Virtual school head" },
  { value: "PRACTICE_SUPERVISOR", label: "Practice supervisor" },
  { value: "SENIOR_LEADER", label: "Senior leader" },
] as const;

export const input = "mt-1 block w-full rounded border-2 border-slate-700 bg-white px-3 py-2";
