// Formula injection (CSV injection): a spreadsheet treats a cell starting with =, +, -, @ (or a tab /
// carriage return that it strips first) as a formula. Text from imported data, such as a school name,
// must never run as one on a colleague's machine, so such text gets a leading single quote, which
// spreadsheets show as plain text (OWASP's recommendation).
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function needsNeutralising(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

/** The text as it must be written into a shared file. */
export function neutralise(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text;
}
