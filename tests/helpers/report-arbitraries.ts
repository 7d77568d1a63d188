import fc from "fast-check";
import { addDays, ALL_CODES, STATUSES, type ReportChild, type ReportEpisode, type ReportMark } from "@/lib/attendance";

// Random children, episodes, marks and windows for the property tests that hold the SQL to the pure
// reference: overlapping and open episodes, PLAC / KIN, every code category including pre-2024 codes,
// dual registration and no-mark sessions, several schools per child, and windows that cut episodes,
// hold no marks, or last one day.

export const BASE = "2025-08-18"; // a Monday; the data span the academic year boundary of 1 September
export const day = (offset: number) => addDays(BASE, offset);
const URNS = ["100001", "100002", "100003"];
const REFS = ["C1", "C2", "C10", "c3", "B-7", "a", "Z9", "C01"];
const ETHNICITIES = [null, "", "WBRI", "WENG", "MWBC", "AKPA", "BCRB", "CHNE", "OOTH", "REFU", "NOBT", "XYZ", " wbri "];

export type Generated = { children: ReportChild[]; episodes: ReportEpisode[]; marks: ReportMark[] };

const childArb = fc.record({
  childId: fc.constantFrom(...REFS),
  dateOfBirth: fc.oneof(
    fc.integer({ min: 0, max: 17 * 365 }).map((n) => addDays("2005-01-01", n)),
    fc.constantFrom("2015-08-31", "2015-09-01", "2019-12-31", "2020-01-01"),
  ),
  sex: fc.constantFrom("M", "F", "U"),
  ethnicity: fc.constantFrom(...ETHNICITIES),
  sen: fc.constantFrom("N", "K", "E"),
  fsm: fc.boolean(),
  eal: fc.boolean(),
});

const episodeArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  start: fc.integer({ min: -20, max: 45 }),
  length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});

const childDataArb = fc.record({
  child: childArb,
  episodes: fc.array(episodeArb, { maxLength: 4 }),
  // A few codes per child, so that children range from never absent to never possible.
  codes: fc.subarray([...ALL_CODES], { minLength: 1, maxLength: 4 }),
  marks: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 41 }),
      session: fc.constantFrom("AM" as const, "PM" as const),
      school: fc.integer({ min: 0, max: URNS.length - 1 }),
      code: fc.nat(),
    }),
    { maxLength: 40 },
  ),
});

export const dataArb = fc.uniqueArray(childDataArb, { selector: (c) => c.child.childId, maxLength: 6 }).map((list): Generated => {
  const out: Generated = { children: [], episodes: [], marks: [] };
  for (const { child, episodes, codes, marks } of list) {
    out.children.push(child);
    const seenEpisodes = new Set<string>();
    for (const e of episodes) {
      const startDate = day(e.start);
      if (seenEpisodes.has(`${e.status} ${startDate}`)) continue; // the table's key
      seenEpisodes.add(`${e.status} ${startDate}`);
      out.episodes.push({ childId: child.childId, status: e.status, startDate, endDate: e.length === null ? null : day(e.start + e.length) });
    }
    const seenMarks = new Set<string>();
    for (const m of marks) {
      const key = `${m.school} ${m.day} ${m.session}`;
      if (seenMarks.has(key)) continue;
      seenMarks.add(key);
      out.marks.push({ childId: child.childId, schoolUrn: URNS[m.school]!, date: day(m.day), session: m.session, code: codes[m.code % codes.length]! });
    }
  }
  return out;
});

export const windowArb = fc.tuple(fc.integer({ min: -10, max: 50 }), fc.integer({ min: 0, max: 45 })).map(([a, n]) => ({ from: day(a), to: day(a + n) }));
export const windowsArb = fc.tuple(windowArb, windowArb, fc.integer({ min: -2, max: 43 })).map(([w1, w2, d]) => [
  w1,
  w2,
  { from: day(d), to: day(d) }, // one day
  { from: "2026-03-02", to: "2026-03-27" }, // no marks at all; open episodes still hold it
]);

