import { z } from "zod";
import { ATTRIBUTIONS, isIsoDate } from "@/lib/attendance";

// The inputs of an attendance report (docs/data-contract.md "report"): shared by the command line and the
// pages that let a user pick a window. Messages are predicates: each caller prefixes the field's name.

/** A calendar day written YYYY-MM-DD (the contract's date format for reports). */
export const isoDateSchema = z
  .string({ error: "is required" })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: (i) => `must be a date written YYYY-MM-DD, not "${String(i.input)}"`, abort: true })
  .refine((s) => isIsoDate(s), { error: (i) => `"${String(i.input)}" is not a day of the calendar` });

export const attributionSchema = z.enum(ATTRIBUTIONS, { error: (i) => `must be "ever" or "during", not "${String(i.input)}"` });

/** A report window; from <= to is checked by the caller, which knows how to word it for its users. */
export const reportWindowSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  attribution: attributionSchema.default("ever"),
});
export type ReportWindowInput = z.infer<typeof reportWindowSchema>;
