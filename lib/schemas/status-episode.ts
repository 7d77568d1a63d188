import { z } from "zod";
import { optionalDate, requiredChoice, requiredDate, requiredText } from "./csv-fields";

// A status episode as statuses.csv (docs/data-contract.md) and the status forms give it.

export const STATUSES = ["CIN", "CP", "CLA", "PLAC", "KIN"] as const;

const fields = {
  child_id: requiredText("child_id", 64),
  status: requiredChoice("status", STATUSES),
  start_date: requiredDate("start_date"),
  end_date: optionalDate("end_date"),
};

export const statusEpisodeRowSchema = z
  .object(fields)
  .superRefine((r, ctx) => {
    // Inclusive dates: an episode may start and end on the same day.
    if (r.end_date !== null && r.end_date < r.start_date) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "end_date is before start_date", input: r.end_date });
    }
  })
  .transform((r) => ({ childRef: r.child_id, status: r.status, startDate: r.start_date, endDate: r.end_date }));

export type StatusEpisodeRowInput = z.input<typeof statusEpisodeRowSchema>;
export type StatusEpisodeRow = z.output<typeof statusEpisodeRowSchema>;

/** The key of an episode: child_id + status + start_date. */
export const statusEpisodeKeySchema = z
  .object({ child_id: fields.child_id, status: fields.status, start_date: fields.start_date })
  .transform((r) => ({ childRef: r.child_id, status: r.status, startDate: r.start_date }));
export type StatusEpisodeKey = z.output<typeof statusEpisodeKeySchema>;

/** statuses.csv; the key is child_id + status + start_date. */
export const STATUS_EPISODE_COLUMNS = {
  required: ["child_id", "status", "start_date"],
  optional: ["end_date"],
} as const;
