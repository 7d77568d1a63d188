// Invariants of the reference report on random small tenants. They guard the reference itself, which
// in turn guards the SQL aggregation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CODES } from "@/lib/attendance/codes";
import { STATUSES, heldInWindow, type CohortKey } from "@/lib/attendance/cohorts";
import { addDays } from "@/lib/attendance/dates";
import { countCodes, type Measures } from "@/lib/attendance/measures";
import {
  computeReport,
  type Attribution,
  type ReportChild,
  type ReportEpisode,
  type ReportInput,
  type ReportMark,
} from "@/lib/attendance/report";

const START = "2025-09-01";
const IDS = ["A", "B", "C", "D", "E", "F"];

const dayArb = fc.integer({ min: 0, max: 30 }).map((n) => addDays(START, n));

const childArb = (childId: string): fc.Arbitrary<ReportChild> =>
  fc.record({
    childId: fc.constant(childId),
    dateOfBirth: fc.integer({ min: 0, max: 6000 }).map((n) => addDays("2005-01-01", n)),
    sex: fc.constantFrom("M", "F", "U"),
    ethnicity: fc.constantFrom(null, "", "WBRI", "WENG", "AKPA", "BGHA", "CHNE", "OOTH", "MWBC", "REFU", "xx"),
    sen: fc.constantFrom("N", "K", "E"),
    fsm: fc.boolean(),
    eal: fc.boolean(),
  });

const episodeArb: fc.Arbitrary<ReportEpisode> = fc
  .record({
    childId: fc.constantFrom(...IDS),
    status: fc.constantFrom(...STATUSES),
    start: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  })
  .map(({ childId, status, start, length }) => ({
    childId,
    status,
    startDate: start,
    endDate: length === null ? null : addDays(start, length),
  }));

const markArb: fc.Arbitrary<ReportMark> = fc.record({
  childId: fc.constantFrom(...IDS, "unknown"),
  date: dayArb,
  session: fc.constantFrom("AM" as const, "PM" as const),
  schoolUrn: fc.constantFrom("100001", "100002"),
  code: fc.constantFrom(...ALL_CODES),
});

const inputArb: fc.Arbitrary<Omit<ReportInput, "attribution">> = fc
  .record({
    children: fc.subarray(IDS).chain((ids) => fc.tuple(...ids.map(childArb))),
    episodes: fc.array(episodeArb, { maxLength: 14 }),
    // Unique per child, school, date and session, like the database key.
    marks: fc.uniqueArray(markArb, {
      maxLength: 80,
      selector: (mk) => `${mk.childId}|${mk.schoolUrn}|${mk.date}|${mk.session}`,
    }),
    from: dayArb,
    span: fc.integer({ min: 0, max: 25 }),
  })
  .map(({ children, episodes, marks, from, span }) => ({
    tenant: "t",
    children,
    episodes,
    marks,
    from,
    to: addDays(from, span),
  }));

type Sessions = Pick<Measures, "possible" | "attended" | "authorised" | "unauthorised">;
const sessions = (m: Sessions): Sessions => ({
  possible: m.possible,
  attended: m.attended,
  authorised: m.authorised,
  unauthorised: m.unauthorised,
});
function sum(ms: Sessions[]): Sessions {
  return ms.reduce(
    (a, b) => ({
      possible: a.possible + b.possible,
      attended: a.attended + b.attended,
      authorised: a.authorised + b.authorised,
      unauthorised: a.unauthorised + b.unauthorised,
    }),
    { possible: 0, attended: 0, authorised: 0, unauthorised: 0 },
  );
}

const ATTRIBUTIONS: Attribution[] = ["ever", "during"];
const RUNS = { numRuns: 300 };

describe("computeReport invariants", () => {
  it("cohort measures are the sums of the children's entries", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ATTRIBUTIONS), (input, attribution) => {
        const r = computeReport({ ...input, attribution });
        for (const cohort of STATUSES) {
          const entries = r.children.filter((e) => e.cohort === cohort);
          const total = r.cohorts[cohort];
          expect(sessions(total)).toEqual(sum(entries));
          expect(total.children).toBe(entries.filter((e) => e.possible > 0).length);
          expect(total.persistent).toBe(entries.filter((e) => e.persistent === 1).length);
          expect(total.severe).toBe(entries.filter((e) => e.severe === 1).length);
          expect(total.attendanceRate).toBe(total.possible > 0 ? total.attended / total.possible : null);
        }
      }),
      RUNS,
    );
  });

  it("ALL holds exactly the sessions of CIN, CP and CLA", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ATTRIBUTIONS), (input, attribution) => {
        const r = computeReport({ ...input, attribution });
        expect(sessions(r.cohorts.ALL)).toEqual(sum([r.cohorts.CIN, r.cohorts.CP, r.cohorts.CLA]));
        if (attribution === "ever") {
          // Each child sits in exactly one of them.
          expect(r.cohorts.ALL.children).toBe(r.cohorts.CIN.children + r.cohorts.CP.children + r.cohorts.CLA.children);
          expect(r.cohorts.ALL.persistent).toBe(
            r.cohorts.CIN.persistent + r.cohorts.CP.persistent + r.cohorts.CLA.persistent,
          );
          const perChild = new Map<string, number>();
          for (const e of r.children) if (e.cohort === "CIN" || e.cohort === "CP" || e.cohort === "CLA") {
            perChild.set(e.childId, (perChild.get(e.childId) ?? 0) + 1);
          }
          expect([...perChild.values()].every((n) => n === 1)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("every characteristic partitions ALL", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ATTRIBUTIONS), (input, attribution) => {
        const r = computeReport({ ...input, attribution });
        for (const groups of Object.values(r.characteristics)) {
          const values = Object.values(groups);
          expect(sum(values)).toEqual(sessions(r.cohorts.ALL));
          expect(values.reduce((n, g) => n + g.children, 0)).toBe(r.cohorts.ALL.children);
          expect(values.reduce((n, g) => n + g.persistent, 0)).toBe(r.cohorts.ALL.persistent);
          expect(values.reduce((n, g) => n + g.severe, 0)).toBe(r.cohorts.ALL.severe);
        }
        expect(Object.keys(r.characteristics.ethnicity).every((k) =>
          ["White", "Mixed", "Asian", "Black", "Chinese", "Other", "Unknown"].includes(k),
        )).toBe(true);
      }),
      RUNS,
    );
  });

  it("ever ALL matches an independent count: children with CIN/CP/CLA in the window, all their window sessions", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeReport({ ...input, attribution: "ever" });
        const inAll = input.children.filter((c) =>
          input.episodes.some(
            (e) => e.childId === c.childId && ["CIN", "CP", "CLA"].includes(e.status) && heldInWindow(e, input.from, input.to),
          ),
        );
        const counts = inAll.map((c) =>
          countCodes(
            input.marks.filter((mk) => mk.childId === c.childId && mk.date >= input.from && mk.date <= input.to).map((mk) => mk.code),
          ),
        );
        expect(sessions(r.cohorts.ALL)).toEqual(sum(counts));
        expect(r.cohorts.ALL.children).toBe(counts.filter((c) => c.possible > 0).length);
      }),
      RUNS,
    );
  });

  it("during never holds more sessions than ever in ALL, CLA, PLAC and KIN", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const ever = computeReport({ ...input, attribution: "ever" });
        const during = computeReport({ ...input, attribution: "during" });
        for (const k of ["ALL", "CLA", "PLAC", "KIN"] as CohortKey[]) {
          expect(during.cohorts[k].possible).toBeLessThanOrEqual(ever.cohorts[k].possible);
        }
      }),
      RUNS,
    );
  });

  it("does not depend on the order of its inputs", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...ATTRIBUTIONS), (input, attribution) => {
        const reversed = {
          ...input,
          children: [...input.children].reverse(),
          episodes: [...input.episodes].reverse(),
          marks: [...input.marks].reverse(),
        };
        expect(computeReport({ ...reversed, attribution })).toEqual(computeReport({ ...input, attribution }));
      }),
      RUNS,
    );
  });
});
