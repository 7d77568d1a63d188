import { describe, expect, it } from "vitest";
import {
  COHORTS,
  STATUSES,
  dayCohorts,
  everCohorts,
  heldInWindow,
  highestSocialWorkerStatus,
  holdsOn,
  isCohortKey,
  isStatus,
  type Episode,
  type Status,
} from "@/lib/attendance/cohorts";

const ep = (status: Status, startDate: string, endDate: string | null = null): Episode => ({
  status,
  startDate,
  endDate,
});

describe("constants", () => {
  it("lists cohorts in the contract order", () => {
    expect(COHORTS).toEqual(["ALL", "CIN", "CP", "CLA", "PLAC", "KIN"]);
    expect(STATUSES).toEqual(["CIN", "CP", "CLA", "PLAC", "KIN"]);
  });

  it("recognises statuses and cohort keys exactly", () => {
    expect(isStatus("CLA")).toBe(true);
    expect(isStatus("ALL")).toBe(false);
    expect(isStatus("cla")).toBe(false);
    expect(isCohortKey("ALL")).toBe(true);
    expect(isCohortKey("LAC")).toBe(false);
  });
});

describe("holdsOn", () => {
  const closed = ep("CP", "2025-09-10", "2025-10-20");
  const open = ep("CIN", "2025-09-10");

  it.each([
    [closed, "2025-09-09", false],
    [closed, "2025-09-10", true], // start day
    [closed, "2025-10-01", true],
    [closed, "2025-10-20", true], // end date inclusive
    [closed, "2025-10-21", false],
    [open, "2025-09-09", false],
    [open, "2025-09-10", true],
    [open, "2099-12-31", true], // open = ongoing
    [ep("CLA", "2025-09-10", "2025-09-10"), "2025-09-10", true], // one-day episode
  ])("%j on %s: %s", (e, day, expected) => {
    expect(holdsOn(e, day)).toBe(expected);
  });
});

describe("heldInWindow", () => {
  const e = ep("CP", "2025-09-10", "2025-10-20");

  it.each([
    ["2025-09-01", "2025-09-09", false], // ends the day before the episode
    ["2025-09-01", "2025-09-10", true], // window ends on the start day
    ["2025-10-20", "2025-10-31", true], // window starts on the (inclusive) end day
    ["2025-10-21", "2025-10-31", false],
    ["2025-09-15", "2025-09-20", true], // inside
    ["2025-09-01", "2025-12-31", true], // around
    ["2025-10-01", "2025-09-01", false], // empty window
  ])("window %s..%s: %s", (from, to, expected) => {
    expect(heldInWindow(e, from, to)).toBe(expected);
  });

  it("an open episode is held in every window from its start", () => {
    expect(heldInWindow(ep("KIN", "2025-01-01"), "2030-01-01", "2030-01-31")).toBe(true);
    expect(heldInWindow(ep("KIN", "2025-01-01"), "2024-12-01", "2024-12-31")).toBe(false);
  });
});

describe("highestSocialWorkerStatus", () => {
  it.each([
    [[], null],
    [["CIN"], "CIN"],
    [["CP"], "CP"],
    [["CLA"], "CLA"],
    [["CIN", "CP"], "CP"],
    [["CP", "CIN"], "CP"],
    [["CIN", "CLA"], "CLA"],
    [["CLA", "CP", "CIN"], "CLA"],
    [["PLAC", "KIN"], null],
    [["KIN", "CIN"], "CIN"],
    [["CIN", "CIN"], "CIN"],
  ] as [Status[], string | null][])("%j -> %s (CLA > CP > CIN)", (statuses, expected) => {
    expect(highestSocialWorkerStatus(statuses)).toBe(expected);
  });
});

describe("everCohorts", () => {
  const from = "2025-09-01";
  const to = "2025-10-31";

  it.each([
    ["no episodes", [], []],
    ["one CIN episode", [ep("CIN", "2025-01-01")], ["CIN"]],
    ["CIN then CP mid-window: counted once, in CP", [ep("CIN", "2025-01-01", "2025-09-30"), ep("CP", "2025-10-01")], ["CP"]],
    ["CP ended before CLA began, both in window", [ep("CP", "2025-09-01", "2025-09-02"), ep("CLA", "2025-10-31")], ["CLA"]],
    ["CLA and PLAC", [ep("CLA", "2025-09-01", "2025-09-15"), ep("PLAC", "2025-09-16")], ["CLA", "PLAC"]],
    ["PLAC only: outside ALL", [ep("PLAC", "2020-01-01")], ["PLAC"]],
    ["CIN, KIN and PLAC", [ep("KIN", "2025-10-01"), ep("PLAC", "2025-09-01"), ep("CIN", "2025-09-01")], ["CIN", "PLAC", "KIN"]],
    ["episode ended the day before the window", [ep("CLA", "2024-01-01", "2025-08-31")], []],
    ["episode ending on the first day counts", [ep("CLA", "2024-01-01", "2025-09-01")], ["CLA"]],
    ["episode starting after the window", [ep("CP", "2025-11-01")], []],
    ["CLA outside, CIN inside", [ep("CLA", "2024-01-01", "2025-08-31"), ep("CIN", "2025-09-01")], ["CIN"]],
  ] as [string, Episode[], Status[]][])("%s", (_name, episodes, expected) => {
    expect(everCohorts(episodes, from, to)).toEqual(expected);
  });
});

describe("dayCohorts", () => {
  const episodes = [
    ep("CIN", "2025-09-01", "2025-09-30"),
    ep("CP", "2025-09-15", "2025-10-15"),
    ep("PLAC", "2025-09-20"),
    ep("KIN", "2025-10-10", "2025-10-10"),
  ];

  it.each([
    ["2025-08-31", []], // no status that day
    ["2025-09-01", ["CIN"]],
    ["2025-09-14", ["CIN"]],
    ["2025-09-15", ["CP"]], // CP outranks CIN
    ["2025-09-20", ["CP", "PLAC"]],
    ["2025-09-30", ["CP", "PLAC"]],
    ["2025-10-10", ["CP", "PLAC", "KIN"]],
    ["2025-10-15", ["CP", "PLAC"]], // CP's end date is inclusive
    ["2025-10-16", ["PLAC"]],
  ] as [string, Status[]][])("%s -> %j", (day, expected) => {
    expect(dayCohorts(episodes, day)).toEqual(expected);
  });
});
