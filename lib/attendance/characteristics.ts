// The child attributes that gap reports break a cohort down by: ethnicity major group and national
// curriculum year group. Sex, SEN, FSM and EAL are used as recorded.
import { isoParts, type IsoDate } from "./dates";

export type EthnicityGroup = "White" | "Mixed" | "Asian" | "Black" | "Chinese" | "Other" | "Unknown";

/** Major groups in the order reports list them. "Other" is DOMAIN's "Any other ethnic group". */
export const ETHNICITY_GROUPS: readonly EthnicityGroup[] = [
  "White",
  "Mixed",
  "Asian",
  "Black",
  "Chinese",
  "Other",
  "Unknown",
];

export const ETHNICITY_GROUP_LABELS: Readonly<Record<EthnicityGroup, string>> = {
  White: "White",
  Mixed: "Mixed",
  Asian: "Asian",
  Black: "Black",
  Chinese: "Chinese",
  Other: "Any other ethnic group",
  Unknown: "Unknown",
};

// Main and extended DfE codes are four capital letters whose first letter names the major group
// (WBRI, WENG, MWBC, AKPA, BGHA, CHNE, CHKC, OOTH, ...). Matching the shape rather than a copied list
// of ~100 extended codes keeps every extended code working; anything else, including the explicit
// "refused" (REFU) and "not obtained" (NOBT), is Unknown.
const BY_FIRST_LETTER: Readonly<Record<string, EthnicityGroup>> = {
  W: "White",
  M: "Mixed",
  A: "Asian",
  B: "Black",
  C: "Chinese",
  O: "Other",
};

/**
 * The major group of a DfE ethnicity code (main or extended). Surrounding spaces and letter case are
 * forgiven, since the code only selects a group; null, blank, REFU, NOBT and non-codes are Unknown.
 */
export function ethnicityGroup(code: string | null | undefined): EthnicityGroup {
  const c = (code ?? "").trim().toUpperCase();
  if (!/^[A-Z]{4}$/.test(c) || c === "REFU" || c === "NOBT") return "Unknown";
  return BY_FIRST_LETTER[c[0] ?? ""] ?? "Unknown";
}

/**
 * National curriculum year group in `academicYear` (2025 = 2025/26): the child's age on the 31 August
 * before that year starts, minus 4. Reception = 0, Nursery = -1; values outside school age are returned
 * as computed, because the data (not this function) decides whether they are errors.
 */
export function yearGroup(dateOfBirth: IsoDate, academicYear: number): number {
  const born = isoParts(dateOfBirth);
  // Age on 31 August of `academicYear`: anyone born January to August (31 August included) has had
  // that year's birthday; September to December birthdays come later.
  const hadBirthday = born.month <= 8;
  const age = academicYear - born.year - (hadBirthday ? 0 : 1);
  return age - 4;
}

/** "Nursery", "Reception", "Year 1" .. "Year 13"; other values as "Year group n". */
export function yearGroupLabel(n: number): string {
  if (n === -1) return "Nursery";
  if (n === 0) return "Reception";
  if (n >= 1 && n <= 13) return `Year ${n}`;
  return `Year group ${n}`;
}

/** The report key of a yes/no attribute. */
export function yesNo(flag: boolean): "Y" | "N" {
  return flag ? "Y" : "N";
}
