import { z } from "zod";
import { COHORTS, TERM_NAMES, type CohortKey, type TermName } from "@/lib/attendance";

// The inputs of the targets page (app/(app)/[tenant]/targets), shared by its forms and server actions.
// The tenant is not part of these: the action wrapper reads and checks it first.

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const academicYearField = z.coerce
  .number({ error: "Choose an academic year" })
  .int("Choose an academic year")
  .min(2000, "Choose an academic year from 2000")
  .max(2100, "Choose an academic year before 2100");

const term = z.enum(TERM_NAMES as unknown as [TermName, ...TermName[]], { error: "Choose a term" });
const cohort = z.enum(COHORTS as unknown as [CohortKey, ...CohortKey[]], { error: "Choose a cohort" });

/** A school's id, or empty for every school. */
const schoolId = z.preprocess(blankToUndefined, z.coerce.number({ error: "Choose a school from the list" }).int().positive("Choose a school from the list").optional());

/** A percentage with at most two decimals (the column is numeric(5,2)). */
function percent(what: string) {
  return z.coerce
    .number({ error: `Enter ${what} as a number, like 92.5` })
    .refine(Number.isFinite, `Enter ${what} as a number, like 92.5`)
    .min(0, `Enter ${what} between 0 and 100`)
    .max(100, `Enter ${what} between 0 and 100`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `Enter ${what} with at most two decimal places`);
}

const targetKey = { academicYear: academicYearField, term, cohort, schoolId };

export const saveTargetSchema = z.object({
  ...targetKey,
  attendanceRate: z.preprocess(
    blankToUndefined,
    z.any().refine((v) => v !== undefined, "Enter the target attendance rate").pipe(percent("the target attendance rate")),
  ),
  maxPersistentRate: z.preprocess(blankToUndefined, percent("the maximum persistent absence rate").optional()),
});

export const deleteTargetSchema = z.object(targetKey);

export const copyTargetsSchema = z.object({ academicYear: academicYearField });

export type SaveTargetInput = z.infer<typeof saveTargetSchema>;
export type DeleteTargetInput = z.infer<typeof deleteTargetSchema>;
export type CopyTargetsInput = z.infer<typeof copyTargetsSchema>;
