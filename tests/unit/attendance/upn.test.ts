import { describe, expect, it } from "vitest";
import { CHECK_ALPHABET, upnCheckLetter, validateUpn } from "@/lib/attendance/upn";

describe("validateUpn", () => {
  it.each([
    ["R201100018042", false], // DOMAIN.md example
    ["T20110001804V", true], // DOMAIN.md example, temporary
    [`${upnCheckLetter("938123400001")}938123400001`, false],
    [`${upnCheckLetter("00000000000A")}00000000000A`, true],
  ])("%s is valid (temporary: %s)", (upn, temporary) => {
    expect(validateUpn(upn)).toEqual({ ok: true, temporary });
  });

  it.each([
    ["A201100018042", "Wrong check letter: the check letter should be R"],
    ["S201100018042", "Wrong check letter: the check letter should be R"],
    ["R201100018043", /check letter should be/], // a mistyped digit changes the check letter
    ["R201100010842", /check letter should be/], // two digits swapped
    ["A20110001804V", "Wrong check letter: the check letter should be T"],
    ["R20110001804", "A UPN has 13 characters; this one has 12"],
    ["R2011000180421", "A UPN has 13 characters; this one has 14"],
    ["", "A UPN has 13 characters; this one has 0"],
    [" R201100018042", "A UPN has 13 characters; this one has 14"],
    ["r201100018042", "Letters in a UPN must be capitals"],
    ["t20110001804v", "Letters in a UPN must be capitals"],
    ["T20110001804v", "Letters in a UPN must be capitals"],
    ["1201100018042", "A UPN must start with a letter (the check letter)"],
    ["R2011000180A2", "Characters 2 to 12 of a UPN must be digits"],
    ["R 01100018042", "Characters 2 to 12 of a UPN must be digits"],
    ["R20110001804-", "The last character of a UPN must be a digit or a capital letter"],
    ["R20110001804I", "The last letter of a temporary UPN cannot be I, O or S"],
    ["R20110001804O", "The last letter of a temporary UPN cannot be I, O or S"],
    ["R20110001804S", "The last letter of a temporary UPN cannot be I, O or S"],
  ])("%j is rejected: %s", (upn, reason) => {
    const result = validateUpn(upn);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("upnCheckLetter", () => {
  it("reproduces the documented examples", () => {
    // 2·2 + 0·3 + 1·4 + 1·5 + 0·6 + 0·7 + 0·8 + 1·9 + 8·10 + 0·11 + 4·12 + 2·13 = 176; 176 mod 23 = 15 -> R
    expect(upnCheckLetter("201100018042")).toBe("R");
    // ... + V (index 18) · 13 = 150 + 234 = 384; 384 mod 23 = 16 -> T
    expect(upnCheckLetter("20110001804V")).toBe("T");
    expect(CHECK_ALPHABET.indexOf("R")).toBe(15);
    expect(CHECK_ALPHABET.indexOf("V")).toBe(18);
  });

  it("uses a 23-letter alphabet without I, O and S", () => {
    expect(CHECK_ALPHABET).toHaveLength(23);
    expect(CHECK_ALPHABET).not.toMatch(/[IOS]/);
  });

  it.each(["20110001804", "2011000180421", "2011000A8042", "20110001804I", "20110001804a"])(
    "returns null for %j",
    (rest) => {
      expect(upnCheckLetter(rest)).toBeNull();
    },
  );

  it("every generated UPN validates and any other first letter does not", () => {
    for (let serial = 0; serial < 200; serial++) {
      const rest = `93812340${String(serial).padStart(3, "0")}${serial % 2 === 0 ? "7" : "K"}`;
      const check = upnCheckLetter(rest)!;
      expect(validateUpn(check + rest).ok).toBe(true);
      const other = CHECK_ALPHABET[(CHECK_ALPHABET.indexOf(check) + 1) % 23]!;
      expect(validateUpn(other + rest).ok).toBe(false);
    }
  });
});
