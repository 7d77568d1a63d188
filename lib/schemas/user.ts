import { z } from "zod";

// The inputs of user management (app/(app)/[tenant]/users), shared by the forms and the server actions.
// The tenant is not part of these: the action wrapper reads and checks it first.

export const ROLES = ["VSH", "PRACTICE_SUPERVISOR", "SENIOR_LEADER"] as const;

/** bcrypt reads only the first 72 bytes of a password: longer ones would be cut silently. */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX_BYTES = 72;

const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(320, "That email address is too long")
  .pipe(z.email({ error: "Enter an email address like name@council.gov.uk" }));

const name = z.string({ error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(200, "Use at most 200 characters");

const role = z.enum(ROLES, { error: "Choose a role" });

const userId = z.uuid({ error: "Not found." });

/** Checkboxes: absent, one value or several. */
const teamIds = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number({ error: "Choose teams from the list" }).int().positive()).max(100),
);

/** Optional: left empty, the person signs in by single sign-on only. */
const initialPassword = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters, or leave it empty for single sign-on`)
    .refine((p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES, "Use at most 72 characters")
    .optional(),
);

/** A practice supervisor sees the children of their teams, so needs at least one; other roles have none. */
function teamsForRole<T extends { role: (typeof ROLES)[number]; teamIds: number[] }>(v: T, ctx: z.RefinementCtx) {
  if (v.role === "PRACTICE_SUPERVISOR" && v.teamIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["teamIds"], message: "Choose at least one team for a practice supervisor" });
  }
}
const clearTeamsUnlessSupervisor = <T extends { role: (typeof ROLES)[number]; teamIds: number[] }>(v: T): T => ({
  ...v,
  teamIds: v.role === "PRACTICE_SUPERVISOR" ? [...new Set(v.teamIds)] : [],
});

export const addUserSchema = z
  .object({ email, name, role, teamIds, password: initialPassword })
  .superRefine(teamsForRole)
  .transform(clearTeamsUnlessSupervisor);

export const updateUserSchema = z.object({ userId, role, teamIds }).superRefine(teamsForRole).transform(clearTeamsUnlessSupervisor);

export const setUserActiveSchema = z.object({ userId, active: z.stringbool({ error: "Not found." }) });

export type AddUserInput = z.infer<typeof addUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
