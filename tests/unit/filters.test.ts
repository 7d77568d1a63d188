import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersQuery, parseFilters, windowOf } from "@/lib/filters/filters";
import { defaultHalfTerms } from "@/lib/attendance";

describe("filters in the URL", () => {
  it("reads every choice from the query", () => {
    expect(parseFilters({ window: "custom", from: "2025-09-01", to: "2025-12-19", attribution: "during", cohort: "CLA", school: "130001", year: "7" })).toEqual({
      window: "custom",
      from: "2025-09-01",
      to: "2025-12-19",
      attribution: "during",
      cohort: "CLA",
      school: "130001",
      year: 7,
    });
  });

  it("falls back to the defaults for anything unreadable, never failing the page", () => {
    expect(parseFilters({ window: "fortnight", attribution: "sometimes", cohort: "ZZZ", school: "12", year: "x" })).toEqual(DEFAULT_FILTERS);
    // A custom range without both ends, or backwards, is not a range.
    expect(parseFilters({ window: "custom", from: "2025-09-01" }).window).toBe("term");
    expect(parseFilters({ window: "custom", from: "2025-12-01", to: "2025-09-01" }).window).toBe("term");
    expect(parseFilters({ window: "custom", from: "2025-02-30", to: "2025-03-01" }).window).toBe("term");
  });

  it("writes back only what differs from the defaults, so links stay short and round-trip", () => {
    expect(filtersQuery(DEFAULT_FILTERS)).toBe("");
    const f = parseFilters({ window: "year-to-date", cohort: "CP" });
    expect(filtersQuery(f)).toBe("?window=year-to-date&cohort=CP");
    expect(parseFilters(Object.fromEntries(new URLSearchParams(filtersQuery(f, { attribution: "during" }))))).toEqual({ ...f, attribution: "during" });
  });

  it("resolves the window from the as-of day and the terms", () => {
    const terms = defaultHalfTerms(2025);
    expect(windowOf({ ...DEFAULT_FILTERS, window: "year-to-date" }, "2026-03-10", terms)).toMatchObject({ from: "2025-09-01", to: "2026-03-10" });
    expect(windowOf({ ...DEFAULT_FILTERS, window: "last-4-weeks" }, "2026-03-10", terms)).toMatchObject({ from: "2026-02-11", to: "2026-03-10" });
    expect(windowOf({ ...DEFAULT_FILTERS, window: "custom", from: "2026-01-05", to: "2026-01-09" }, "2026-03-10", terms)).toMatchObject({ from: "2026-01-05", to: "2026-01-09" });
  });
});
