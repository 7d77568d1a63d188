// Unique pupil numbers link a child of the social care system to school attendance, so a mistyped UPN
// silently loses a child's attendance. The check letter catches most typing errors at import.
//
// Check letter (DOMAIN.md): multiply the character in each position 2..13 by its position number, a
// letter in position 13 (temporary UPN) counting as its index in CHECK_ALPHABET, sum, take mod 23 and
// index CHECK_ALPHABET. Verified on the documented examples: R201100018042 sums to 176, 176 mod 23 = 15
// = R; T20110001804V has V = 18 in position 13, sum 150 + 18 * 13 = 384, 384 mod 23 = 16 = T.

/** The 23 letters used for check letters and temporary UPNs (no I, O or S). */
export const CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

export type UpnResult = { ok: true; temporary: boolean } | { ok: false; reason: string };

/**
 * The check letter for the 12 characters after it (positions 2..13), or null when they are not 11
 * digits followed by a digit or a letter of CHECK_ALPHABET. Handy for building valid test UPNs.
 */
export function upnCheckLetter(rest: string): string | null {
  if (!/^[0-9]{11}[0-9A-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest.charAt(i);
    const position = i + 2;
    const value = /[0-9]/.test(ch) ? Number(ch) : CHECK_ALPHABET.indexOf(ch);
    if (value < 0) return null;
    sum += value * position;
  }
  return CHECK_ALPHABET.charAt(sum % 23);
}

/**
 * Checks a UPN and says in plain English what is wrong with it. Exact input: no trimming and no case
 * folding, so the caller decides whether to tidy a value and can report that it did.
 */
export function validateUpn(s: string): UpnResult {
  if (s.length !== 13) {
    return { ok: false, reason: `A UPN has 13 characters; this one has ${s.length}` };
  }
  if (/[a-z]/.test(s)) {
    return { ok: false, reason: "Letters in a UPN must be capitals" };
  }
  if (!/^[A-Z]/.test(s)) {
    return { ok: false, reason: "A UPN must start with a letter (the check letter)" };
  }
  if (!/^.[0-9]{11}/.test(s)) {
    return { ok: false, reason: "Characters 2 to 12 of a UPN must be digits" };
  }
  const last = s.charAt(12);
  if (!/[0-9A-Z]/.test(last)) {
    return { ok: false, reason: "The last character of a UPN must be a digit or a capital letter" };
  }
  if (/[A-Z]/.test(last) && !CHECK_ALPHABET.includes(last)) {
    return { ok: false, reason: "The last letter of a temporary UPN cannot be I, O or S" };
  }
  const expected = upnCheckLetter(s.slice(1));
  if (expected !== s.charAt(0)) {
    return { ok: false, reason: `Wrong check letter: the check letter should be ${expected ?? "?"}` };
  }
  return { ok: true, temporary: /[A-Z]/.test(last) };
}
