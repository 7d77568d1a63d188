import { describe, expect, it } from "vitest";
import { formatUkDateTime, ukDayEnd, ukDayStart } from "@/lib/audit/london-time";

// The audit log's date filters name UK days, whose length changes with the clocks.
describe("UK days", () => {
  it.each([
    ["2025-01-15", "2025-01-15T00:00:00.000Z", "2025-01-16T00:00:00.000Z"],
    // Clocks go forward at 01:00 UTC on 30 March 2025: a 23-hour day.
    ["2025-03-30", "2025-03-30T00:00:00.000Z", "2025-03-30T23:00:00.000Z"],
    ["2025-07-01", "2025-06-30T23:00:00.000Z", "2025-07-01T23:00:00.000Z"],
    // Clocks go back at 01:00 UTC on 26 October 2025: a 25-hour day.
    ["2025-10-26", "2025-10-25T23:00:00.000Z", "2025-10-27T00:00:00.000Z"],
    ["2024-12-31", "2024-12-31T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
  ])("%s runs from %s to %s", (day, start, end) => {
    expect(ukDayStart(day).toISOString()).toBe(start);
    expect(ukDayEnd(day).toISOString()).toBe(end);
  });

  it("shows instants in UK time", () => {
    expect(formatUkDateTime(new Date("2025-07-01T23:30:00Z"))).toBe("2 Jul 2025, 00:30:00");
    expect(formatUkDateTime(new Date("2025-01-01T23:30:00Z"))).toBe("1 Jan 2025, 23:30:00");
  });
});
