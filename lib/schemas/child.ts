import { z } from "zod";
import {
  optionalChoice,
  optionalText,
  optionalUpn,
  requiredChoice,
  requiredPastDate,
  requiredText,
  yesNo,
} from "./csv-fields";

// A child as children.csv (docs/data-contract.md) and the child forms give it: field names are the CSV's
// column names; the parsed value uses the database's names.

export const SEXES = ["M", "F", "U"] as const;
export const SEN_VALUES = ["N", "K", "E"] as const;

const fields = {
  child_id: requiredText("child_id", 64),
  upn: optionalUpn("upn"),
  first_name: requiredText("first_name", 100),
  last_name: requiredText("last_name", 100),
  date_of_birth: requiredPastDate("date_of_birth"),
  sex: requiredChoice("sex", SEXES),
  ethnicity: optionalText("ethnicity", 10).transform((v) => v?.toUpperCase() ?? null),
  sen: optionalChoice("sen", SEN_VALUES, "N"),
  fsm: yesNo("fsm"),
  eal: yesNo("eal"),
  team: optionalText("team", 100),
};

export const childRowSchema = z.object(fields).transform((r) => ({
  childRef: r.child_id,
  upn: r.upn,
  firstName: r.first_name,
  lastName: r.last_name,
  dateOfBirth: r.date_of_birth,
  sex: r.sex,
  ethnicity: r.ethnicity,
  sen: r.sen,
  fsm: r.fsm,
  eal: r.eal,
  team: r.team,
}));

export type ChildRowInput = z.input<typeof childRowSchema>;
export type ChildRow = z.output<typeof childRowSchema>;

/** The key of a child row: its child_id. */
export const childKeySchema = z.object({ child_id: fields.child_id }).transform((r) => ({ childRef: r.child_id }));
export type ChildKey = z.output<typeof childKeySchema>;

/** children.csv: required columns, then optional ones; the key is child_id. */
export const CHILD_COLUMNS = {
  required: ["child_id", "first_name", "last_name", "date_of_birth", "sex"],
  optional: ["upn", "ethnicity", "sen", "fsm", "eal", "team"],
} as const;
