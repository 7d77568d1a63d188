import { describe, expect, it } from "vitest";
import { formatPercent, formatPoints, percentValue, pointsValue } from "@/lib/attendance/rounding";

describe("gap report rounding", () => {
  it.each([
    [146 / 160, 91.3],
    [78 / 80, 97.5],
    [7 / 16, 43.8],
    [1 / 3, 33.3],
    [2 / 3, 66.7],
    [0, 0],
    [1, 100],
  ])("rate %d -> %d%%", (rate, expected) => {
    expect(percentValue(rate)).toBe(expected);
  });

  it("rounds true halves of gaps away from zero, whatever the float error", () => {
    expect(pointsValue((48 / 60 - 146 / 160) * 100)).toBe(-11.3);
    expect(pointsValue((78 / 80 - 146 / 160) * 100)).toBe(6.3);
    expect(pointsValue(-0.04)).toBe(0);
    expect(Object.is(pointsValue(-0.04), -0)).toBe(false);
  });

  it("formats gaps with a sign and a true minus", () => {
    expect(formatPoints(6.25)).toBe("+6.3");
    expect(formatPoints(-11.25)).toBe("\u221211.3");
    expect(formatPoints(-0.01)).toBe("0.0");
    expect(formatPoints(null)).toBe("–");
    expect(formatPercent(null)).toBe("no data");
    expect(formatPercent(0.9125)).toBe("91.3%");
  });
});
