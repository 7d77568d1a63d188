import { describe, expect, it } from "vitest";
import { meetsAttendanceTarget, targetHundredths, withinMaximumShare } from "@/lib/attendance";

const counts = (attended: number, possible: number) => ({ possible, attended, authorised: possible - attended, unauthorised: 0, noMark: 0 });

describe("targets", () => {
  it("reads a two-decimal percentage as whole hundredths", () => {
    expect(targetHundredths(92.5)).toBe(9250);
    expect(targetHundredths(90.01)).toBe(9001);
  });
  it("meets an attendance target exactly at the boundary, not one session below", () => {
    expect(meetsAttendanceTarget(counts(370, 400), 92.5)).toBe(true); // 92.5% exactly
    expect(meetsAttendanceTarget(counts(369, 400), 92.5)).toBe(false);
    expect(meetsAttendanceTarget(counts(0, 0), 90)).toBeNull();
  });
  it("keeps a share of children within a maximum exactly at the boundary", () => {
    expect(withinMaximumShare(15, 100, 15)).toBe(true);
    expect(withinMaximumShare(16, 100, 15)).toBe(false);
    expect(withinMaximumShare(1, 0, 15)).toBeNull();
  });
});
