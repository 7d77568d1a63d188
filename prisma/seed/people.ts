import { addDays, upnCheckLetter, type IsoDate } from "@/lib/attendance";
import { Random } from "./random";
import { DATA_END, DATA_START } from "./calendar";
import { DEMO_SCHOOLS, type DemoSchool } from "./schools";

// The demo cohort: children with plausible characteristics, status episodes that start and end during
// the year, and school enrolments (including moves, transfer to secondary school and dual registration).

export type DemoEpisode = { status: "CIN" | "CP" | "CLA" | "PLAC" | "KIN"; startDate: IsoDate; endDate: IsoDate | null };
export type Enrolment = { urn: string; from: IsoDate; to: IsoDate; dualDays?: number[] /* weekdays at the PRU */ };
export type DemoChild = {
  childRef: string;
  upn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate;
  sex: "M" | "F" | "U";
  ethnicity: string | null;
  sen: "N" | "K" | "E";
  fsm: boolean;
  eal: boolean;
  team: string;
  /** National curriculum year in 2025/26 */
  year2025: number;
  episodes: DemoEpisode[];
  enrolments: Enrolment[];
  /** Share of sessions missed, before spells and trends */
  absenceBase: number;
  /** Attendance falls away from this day (falling-attendance flags) */
  fallingFrom: IsoDate | null;
};

export const TEAMS = ["North Locality", "South Locality", "East Locality", "West Locality", "Children in Care Team", "Disabled Children's Team"];

const FIRST_F = ["Amelia", "Olivia", "Isla", "Ava", "Mia", "Lily", "Freya", "Grace", "Sophia", "Ella", "Evie", "Poppy", "Aisha", "Zara", "Maya", "Chloe", "Ruby", "Jessica", "Leah", "Hannah", "Nia", "Priya", "Erin", "Holly"];
const FIRST_M = ["Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie", "Jacob", "Thomas", "Alfie", "Riley", "Ethan", "Kai", "Tyler", "Ibrahim", "Daniel", "Kofi", "Liam", "Reece", "Joshua", "Callum"];
const LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan", "Ahmed", "Clarke", "Lewis", "Hughes", "Mensah", "Okafor", "Kowalski", "Murphy", "Ali", "Begum", "Edwards", "Cooper", "Ward", "Turner", "Hill", "Moore", "Wood"];

const ETHNICITY: [string | null, number][] = [
  ["WBRI", 62], ["WIRI", 1], ["WIRT", 1], ["WOTH", 5], ["WROM", 1], ["WENG", 1], ["MWBC", 5], ["MWBA", 2], ["MWAS", 1],
  ["MOTH", 3], ["AIND", 2], ["APKN", 4], ["ABAN", 1], ["AOTH", 1], ["BCRB", 2], ["BAFR", 3], ["BOTH", 1], ["CHNE", 0.5],
  ["OOTH", 2], ["REFU", 1], ["NOBT", 1], [null, 1.5],
];
const YEAR_WEIGHTS: [number, number][] = [
  [0, 5], [1, 5], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6], [7, 9], [8, 9], [9, 10], [10, 10], [11, 9], [12, 3], [13, 2],
];

function dateBetween(r: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return addDays(from, r.int(0, Math.max(0, Math.floor(span))));
}

function makeUpn(r: Random, serial: number, yearOfEntry: number): string {
  const school = String(r.int(2000, 7999));
  const rest = `990${school}${String(yearOfEntry % 100).padStart(2, "0")}${String(serial % 1000).padStart(3, "0")}`;
  return `${upnCheckLetter(rest)}${rest}`;
}

/** Episodes of a child with a social worker, over the demo period and before it. */
function socialWorkEpisodes(r: Random, kind: "CIN" | "CP" | "CLA"): DemoEpisode[] {
  const eps: DemoEpisode[] = [];
  const startFrom = kind === "CLA" ? "2018-01-01" : "2024-06-01";
  const start = dateBetween(r, startFrom, "2026-10-30");
  const endsDuring = r.chance(kind === "CLA" ? 0.15 : 0.4);
  const end = endsDuring ? dateBetween(r, addDays(start > DATA_START ? start : DATA_START, 60), "2026-11-13") : null;
  eps.push({ status: kind, startDate: start, endDate: end && end > start ? end : null });
  const last = eps[0]!;
  if (last.endDate && last.endDate < DATA_END) {
    const next = addDays(last.endDate, 1);
    // What follows: escalation, step-down, or leaving care by a special guardianship order.
    if (kind === "CIN" && r.chance(0.3)) eps.push({ status: "CP", startDate: next, endDate: null });
    else if (kind === "CP" && r.chance(0.5)) eps.push({ status: r.chance(0.2) ? "CLA" : "CIN", startDate: next, endDate: null });
    else if (kind === "CLA" && r.chance(0.4)) eps.push({ status: r.chance(0.5) ? "PLAC" : "CIN", startDate: next, endDate: null });
  }
  return eps;
}

function schoolFor(r: Random, year: number, sen: string, outOfArea: boolean): DemoSchool {
  const phase = sen === "E" && r.chance(0.3) ? "special" : year <= 6 ? "primary" : "secondary";
  const candidates = DEMO_SCHOOLS.filter((s) => s.phase === phase && (phase === "special" || s.outOfArea === outOfArea));
  return r.pick(candidates.length ? candidates : DEMO_SCHOOLS.filter((s) => s.phase === phase));
}

function enrolments(r: Random, year2025: number, sen: string, outOfArea: boolean): Enrolment[] {
  const list: Enrolment[] = [];
  const first = schoolFor(r, year2025, sen, outOfArea);
  const yearOneEnd = "2026-07-31";
  if (r.chance(0.05)) {
    const move = dateBetween(r, "2025-10-01", "2026-06-30");
    list.push({ urn: first.urn, from: DATA_START, to: addDays(move, -1) });
    list.push({ urn: schoolFor(r, year2025, sen, outOfArea).urn, from: move, to: yearOneEnd });
  } else {
    list.push({ urn: first.urn, from: DATA_START, to: yearOneEnd });
  }
  // 2026/27: moving up to secondary after Year 6; most leave after Year 11 or 13.
  const year2026 = year2025 + 1;
  const lastSchool = list[list.length - 1]!;
  if (year2026 === 12 && r.chance(0.6)) return list;
  if (year2026 >= 14) return list;
  const next = year2026 === 7 && lastSchool.urn.startsWith("11") ? schoolFor(r, 7, sen, outOfArea).urn : lastSchool.urn;
  list.push({ urn: next, from: "2026-09-01", to: DATA_END });
  return list;
}

export function makeChildren(count: number, seed: number): DemoChild[] {
  const r = new Random(seed);
  const upns = new Set<string>();
  const uniqueUpn = (make: () => string): string => {
    let upn = make();
    while (upns.has(upn)) upn = make();
    upns.add(upn);
    return upn;
  };
  const children: DemoChild[] = [];
  for (let i = 0; i < count; i++) {
    const sex = r.weighted<"M" | "F" | "U">([["M", 52], ["F", 47], ["U", 1]]);
    const year2025 = r.weighted(YEAR_WEIGHTS);
    // Age on 31 August 2025 is year + 4.
    const dateOfBirth = dateBetween(r, `${2020 - year2025}-09-01`, `${2021 - year2025}-08-31`);
    const group = r.weighted<"CIN" | "CP" | "CLA" | "PLAC" | "KIN">([["CIN", 45], ["CP", 19], ["CLA", 22], ["PLAC", 9], ["KIN", 5]]);
    let episodes: DemoEpisode[];
    if (group === "PLAC" || group === "KIN") {
      episodes = [{ status: group, startDate: dateBetween(r, "2016-01-01", "2026-09-30"), endDate: null }];
      if (r.chance(0.1)) episodes.push({ status: "CIN", startDate: dateBetween(r, "2025-10-01", "2026-09-30"), endDate: null });
    } else {
      episodes = socialWorkEpisodes(r, group);
    }
    const isCla = episodes.some((e) => e.status === "CLA");
    const sen = r.weighted<"N" | "K" | "E">([["N", 55], ["K", 30], ["E", 15]]);
    const outOfArea = isCla && r.chance(0.3);
    const enrol = enrolments(r, year2025, sen, outOfArea);
    if (year2025 >= 8 && year2025 <= 10 && r.chance(0.012)) enrol[0]!.dualDays = [2, 4];
    const severe = r.chance(0.03);
    const [low, high] = severe
      ? [0.5, 0.85]
      : r.weighted<[number, number]>([[[0.01, 0.06], 50], [[0.06, 0.12], 27], [[0.12, 0.3], 15], [[0.3, 0.5], 5]]);
    const absenceBase = r.between(low, high);
    children.push({
      childRef: `DS${String(100000 + i * 7).padStart(6, "0")}`,
      upn: uniqueUpn(() => makeUpn(r, i, 2010 + Math.max(0, 14 - year2025))),
      firstName: r.pick(sex === "F" ? FIRST_F : sex === "M" ? FIRST_M : [...FIRST_F, ...FIRST_M]),
      lastName: r.pick(LAST),
      dateOfBirth,
      sex,
      ethnicity: r.weighted(ETHNICITY),
      sen,
      fsm: r.chance(0.55),
      eal: r.chance(0.12),
      team: isCla ? (r.chance(0.85) ? "Children in Care Team" : r.pick(TEAMS)) : sen === "E" && r.chance(0.5) ? "Disabled Children's Team" : r.pick(TEAMS.slice(0, 4)),
      year2025,
      episodes,
      enrolments: enrol,
      absenceBase: isCla ? absenceBase * 0.7 : episodes.some((e) => e.status === "CP") ? absenceBase * 1.2 : absenceBase,
      fallingFrom: r.chance(0.08) ? dateBetween(r, "2026-10-05", "2026-11-09") : null,
    });
  }
  return children;
}
