// The national register codes (in force from 19 August 2024) plus the pre-2024 codes older extracts
// still carry. The code lists are exported as plain arrays so that SQL (e.g. `code = ANY($1)`) and the
// UI legend are generated from this one table instead of being retyped.

/**
 * What a code means for the measures:
 * - present / approved: a possible session attended (approved = approved educational activity off site)
 * - authorised / unauthorised: a possible session missed
 * - not_possible: not a possible session, never counted (dual registration, closures, ...)
 * - no_mark: `-`, no mark recorded: a data-quality gap, shown but never counted
 */
export type CodeCategory = "present" | "approved" | "authorised" | "unauthorised" | "not_possible" | "no_mark";

export type CodeInfo = {
  code: string;
  category: CodeCategory;
  /** Plain-English meaning for legends and tooltips. */
  meaning: string;
  /** A pre-2024 code: accepted from older data, not used in new registers. */
  legacy: boolean;
};

// [code, meaning, legacy?] per category, in the order of the DfE guidance.
type Row = readonly [code: string, meaning: string, legacy?: true];

const TABLE: Record<CodeCategory, readonly Row[]> = {
  present: [
    ["/", "Present (morning session)"],
    ["\\", "Present (afternoon session)"],
    ["L", "Late, arrived before the register closed"],
  ],
  approved: [
    ["K", "Attending education provision arranged by the local authority"],
    ["V", "Attending an educational visit or trip"],
    ["P", "Participating in an approved sporting activity"],
    ["W", "Attending work experience"],
    ["B", "Attending any other approved educational activity off site"],
    ["J", "Interview or other approved educational activity (pre-2024 code)", true],
  ],
  authorised: [
    ["C1", "Leave of absence to take part in a regulated performance or employment abroad"],
    ["M", "Leave of absence for a medical or dental appointment"],
    ["J1", "Leave of absence for an interview"],
    ["S", "Leave of absence for study leave"],
    ["C2", "Leave of absence on a part-time timetable"],
    ["C", "Leave of absence for exceptional circumstances"],
    ["T", "Parent travelling for occupational purposes"],
    ["R", "Religious observance"],
    ["I", "Illness (not medical or dental appointment)"],
    ["E", "Suspended or permanently excluded, no alternative provision made"],
    ["H", "Holiday authorised by the school (pre-2024 code)", true],
    ["F", "Agreed extended family holiday (pre-2024 code)", true],
  ],
  unauthorised: [
    ["G", "Holiday not agreed by the school"],
    ["N", "Reason for absence not yet provided"],
    ["O", "Absent in other or unknown circumstances"],
    ["U", "Arrived after the register closed"],
  ],
  not_possible: [
    ["D", "Dual registered: attending another school"],
    ["X", "Not of compulsory school age, not required to attend"],
    ["Q", "Unable to attend: local authority has not made access arrangements"],
    ["Y1", "Unable to attend: transport normally provided is not available"],
    ["Y2", "Unable to attend: widespread disruption to travel"],
    ["Y3", "Unable to attend: part of the school premises closed"],
    ["Y4", "Unable to attend: whole school site unexpectedly closed"],
    ["Y5", "Unable to attend: in criminal justice detention"],
    ["Y6", "Unable to attend: public health guidance or law"],
    ["Y7", "Unable to attend: any other unavoidable cause"],
    ["Z", "Not yet on roll"],
    ["#", "Planned whole or partial school closure"],
    ["Y", "Unable to attend due to exceptional circumstances, e.g. enforced closure (pre-2024 code)", true],
  ],
  no_mark: [["-", "No mark recorded"]],
};

export const CODE_CATEGORIES: readonly CodeCategory[] = [
  "present",
  "approved",
  "authorised",
  "unauthorised",
  "not_possible",
  "no_mark",
];

/** Every accepted code with its category and meaning, keyed by the exact code. */
export const CODE_INFO: Readonly<Record<string, CodeInfo>> = Object.freeze(
  Object.fromEntries(
    CODE_CATEGORIES.flatMap((category) =>
      TABLE[category].map(([code, meaning, legacy]) => [code, { code, category, meaning, legacy: legacy === true }]),
    ),
  ),
);

function codesOf(...categories: CodeCategory[]): readonly string[] {
  return Object.freeze(categories.flatMap((c) => TABLE[c].map(([code]) => code)));
}

export const PRESENT_CODES = codesOf("present");
export const APPROVED_CODES = codesOf("approved");
/** Codes that count as attendance: present or approved educational activity. */
export const ATTENDANCE_CODES = codesOf("present", "approved");
export const AUTHORISED_CODES = codesOf("authorised");
export const UNAUTHORISED_CODES = codesOf("unauthorised");
export const ABSENCE_CODES = codesOf("authorised", "unauthorised");
/** Codes of possible sessions: attendance plus absence. */
export const POSSIBLE_CODES = codesOf("present", "approved", "authorised", "unauthorised");
export const NOT_POSSIBLE_CODES = codesOf("not_possible");
export const NO_MARK_CODE = "-";
/** Every accepted code, legacy ones included. */
export const ALL_CODES = codesOf(...CODE_CATEGORIES);
export const LEGACY_CODES: readonly string[] = Object.freeze(
  ALL_CODES.filter((code) => CODE_INFO[code]?.legacy === true),
);

/**
 * The category of a register code, or undefined for an invalid code. Codes are matched exactly as
 * published (case-sensitive, no trimming): `i` is not `I`, and a caller that wants leniency must
 * normalise first, so the import reports what it changed.
 */
export function classifyCode(code: string): CodeCategory | undefined {
  // Object.hasOwn keeps "toString" and friends from matching the prototype.
  return Object.hasOwn(CODE_INFO, code) ? CODE_INFO[code]?.category : undefined;
}

export function isValidCode(code: string): boolean {
  return classifyCode(code) !== undefined;
}

/** A possible session: one that counts in the denominator of the attendance rate. */
export function isPossible(code: string): boolean {
  const c = classifyCode(code);
  return c === "present" || c === "approved" || c === "authorised" || c === "unauthorised";
}

/** Counts as attendance: present or approved educational activity. */
export function isAttendance(code: string): boolean {
  const c = classifyCode(code);
  return c === "present" || c === "approved";
}

/** Counts as absence, authorised or not. */
export function isAbsence(code: string): boolean {
  const c = classifyCode(code);
  return c === "authorised" || c === "unauthorised";
}
