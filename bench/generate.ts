import fs from "node:fs";
import path from "node:path";
import { addDays, dayOfWeek, eachDay, isWeekend, upnCheckLetter, type IsoDate } from "@/lib/attendance";
import { Random } from "@/prisma/seed/random";
import { DEMO_HALF_TERMS } from "@/prisma/seed/calendar";

// The benchmark's authorities, written as the CSV files of DATA-CONTRACT.md so that they go in through
// the import users use. Deterministic: the same files for the same seed and size. Each child has one
// academic year of register marks (about 380 sessions), status episodes that start, end and change
// during the year, a school (some move, some are dual registered at a pupil referral unit) and a team.

export type Generated = { dir: string; children: number; marks: number; childRefs: string[]; teams: string[] };
type Episode = { status: string; start: IsoDate; end: IsoDate | null };
type Enrolment = { school: number; from: IsoDate; to: IsoDate; dualDays?: number[] };

const YEAR_START = "2025-09-01";
const YEAR_END = "2026-08-31";
const INSET = new Set(["2025-09-01", "2025-09-02", "2026-01-05"]);
const FIRST = ["Amelia", "Olivia", "Isla", "Ava", "Noah", "Leo", "Arthur", "Muhammad", "Oscar", "Priya", "Kofi", "Zara", "Ruby", "Ethan"];
const LAST = ["Smith", "Jones", "Taylor", "Brown", "Patel", "Khan", "Mensah", "Okafor", "Kowalski", "Murphy", "Ali", "Begum", "Evans"];
const ETHNICITY: [string, number][] = [["WBRI", 62], ["WOTH", 6], ["WROM", 1], ["MWBC", 5], ["MOTH", 3], ["APKN", 4], ["AIND", 2], ["BAFR", 3], ["BCRB", 2], ["CHNE", 0.5], ["OOTH", 2], ["REFU", 1], ["", 2]];
const ABSENCE: [string, number][] = [["O", 30], ["N", 15], ["M", 14], ["C", 8], ["U", 8], ["E", 4], ["R", 2], ["G", 4], ["I", 15]];

/** The school days of the benchmark's academic year (the demo authority's own term dates). */
export function schoolDays(): IsoDate[] {
  return DEMO_HALF_TERMS.filter((h) => h.academicYear === 2025)
    .flatMap((h) => eachDay(h.startDate, h.endDate))
    .filter((d) => !isWeekend(d) && d !== "2026-05-04");
}

const between = (r: Random, from: IsoDate, to: IsoDate) => addDays(from, r.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));

// Schools 0-99 primary, 100-129 secondary, 130-139 special, 140-141 pupil referral units, 142-159 out of area.
function schoolFor(r: Random, year: number, sen: string, outOfArea: boolean): number {
  if (sen === "E" && r.chance(0.3)) return 130 + r.int(0, 9);
  if (outOfArea) return 142 + (year <= 6 ? r.int(0, 8) : r.int(9, 17));
  return year <= 6 ? r.int(0, 99) : 100 + r.int(0, 29);
}

function episodesOf(r: Random): Episode[] {
  const kind = r.weighted([["CIN", 45], ["CP", 25], ["CLA", 30]]);
  const start = between(r, kind === "CLA" ? "2018-01-01" : "2024-06-01", "2026-06-30");
  const eps: Episode[] = [];
  const ends = r.chance(kind === "CLA" ? 0.15 : 0.4);
  const end = ends ? between(r, addDays(start > YEAR_START ? start : YEAR_START, 30), "2026-07-15") : null;
  eps.push({ status: kind, start, end: end && end > start ? end : null });
  const last = eps[0]!;
  if (last.end && r.chance(0.5)) {
    const next = kind === "CIN" ? "CP" : kind === "CP" ? (r.chance(0.2) ? "CLA" : "CIN") : r.chance(0.5) ? "PLAC" : "CIN";
    eps.push({ status: next, start: addDays(last.end, 1), end: null });
  }
  if (r.chance(0.05)) eps.push({ status: "PLAC", start: between(r, "2016-01-01", "2025-06-30"), end: null });
  if (r.chance(0.05)) eps.push({ status: "KIN", start: between(r, "2020-01-01", "2026-03-31"), end: r.chance(0.3) ? "2026-05-31" : null });
  return eps;
}

class Out {
  private buf = "";
  private readonly fd: number;
  constructor(file: string, header: string) {
    this.fd = fs.openSync(file, "w");
    this.buf = header + "\n";
  }
  line(s: string) {
    this.buf += s + "\n";
    if (this.buf.length > 1 << 20) this.flush();
  }
  flush() {
    fs.writeSync(this.fd, this.buf);
    this.buf = "";
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export function generateTenant(dir: string, t: { laCode: string; refPrefix: string; seed: number }, count: number, teamSize: number): Generated {
  fs.mkdirSync(dir, { recursive: true });
  const r = new Random(t.seed);
  const days = schoolDays();
  const urn = (school: number) => `${t.laCode.slice(-1)}${String(10_000 + school).padStart(5, "0")}`;
  const schoolName = (school: number) => (school >= 140 && school < 142 ? `Pupil Referral Unit ${school - 139}` : `School ${urn(school)}`);
  const teams = Array.from({ length: Math.ceil(count / teamSize) }, (_, i) => `Team ${String(i + 1).padStart(3, "0")}`);
  const children = new Out(path.join(dir, "children.csv"), "child_id,upn,first_name,last_name,date_of_birth,sex,ethnicity,sen,fsm,eal,team");
  const statuses = new Out(path.join(dir, "statuses.csv"), "child_id,status,start_date,end_date");
  const marks = new Out(path.join(dir, "attendance.csv"), "upn,school_urn,school_name,date,session,code");
  const childRefs: string[] = [];
  let markCount = 0;
  for (let i = 0; i < count; i++) {
    const ref = `${t.refPrefix}${String(i + 1).padStart(6, "0")}`;
    const rest = `${t.laCode}${String(i + 1).padStart(9, "0")}`;
    const upn = `${upnCheckLetter(rest)}${rest}`;
    const year = r.weighted([[0, 5], [1, 5], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6], [7, 9], [8, 9], [9, 10], [10, 10], [11, 9], [12, 3], [13, 2]] as [number, number][]);
    const dob = between(r, `${2020 - year}-09-01`, `${2021 - year}-08-31`);
    const sex = r.weighted([["M", 52], ["F", 47], ["U", 1]]);
    const sen = r.weighted([["N", 55], ["K", 30], ["E", 15]]);
    const eps = episodesOf(r);
    const cla = eps.some((e) => e.status === "CLA");
    // Teams hold consecutive children, so a supervisor of teams 1-3 sees ~300 children.
    children.line([ref, upn, r.pick(FIRST), r.pick(LAST), dob, sex, r.weighted(ETHNICITY), sen, r.chance(0.55) ? "Y" : "N", r.chance(0.12) ? "Y" : "N", teams[Math.floor(i / teamSize)]].join(","));
    for (const e of eps) statuses.line(`${ref},${e.status},${e.start},${e.end ?? ""}`);
    childRefs.push(ref);

    const outOfArea = cla && r.chance(0.25);
    const first = schoolFor(r, year, sen, outOfArea);
    const enrol: Enrolment[] = [];
    if (r.chance(0.08)) {
      const move = between(r, "2025-10-01", "2026-06-30");
      enrol.push({ school: first, from: YEAR_START, to: addDays(move, -1) }, { school: schoolFor(r, year, sen, outOfArea), from: move, to: YEAR_END });
    } else {
      enrol.push({ school: first, from: YEAR_START, to: YEAR_END });
    }
    if (year >= 8 && year <= 10 && r.chance(0.05)) enrol[0]!.dualDays = [2, 4];
    const [low, high] = r.chance(0.03) ? [0.5, 0.85] : r.weighted([[[0.01, 0.06], 50], [[0.06, 0.12], 27], [[0.12, 0.3], 15], [[0.3, 0.5], 5]] as [[number, number], number][]);
    const base = r.between(low, high);
    const fallingFrom = r.chance(0.08) ? between(r, "2026-05-01", "2026-07-01") : null;
    let ill = 0;
    for (const day of days) {
      const e = enrol.find((x) => x.from <= day && day <= x.to);
      if (!e) continue;
      const home = urn(e.school);
      const name = schoolName(e.school);
      if (INSET.has(day)) {
        marks.line(`${upn},${home},${name},${day},AM,#`);
        marks.line(`${upn},${home},${name},${day},PM,#`);
        markCount += 2;
        continue;
      }
      const rate = fallingFrom && day >= fallingFrom ? Math.min(0.9, base * 3 + 0.15) : base;
      if (ill === 0 && r.chance(rate * 0.12)) ill = r.int(1, 4);
      const dual = e.dualDays?.includes(dayOfWeek(day)) ?? false;
      for (const session of ["AM", "PM"]) {
        let code: string;
        if (ill > 0) code = "I";
        else if (r.chance(rate * 0.6)) code = r.weighted(ABSENCE);
        else if (r.chance(0.003)) code = "-";
        else if (session === "AM" && r.chance(0.04)) code = "L";
        else if (r.chance(0.01)) code = r.pick(["B", "K", "V", "P", "W"]);
        else code = session === "AM" ? "/" : "\\";
        if (dual) {
          marks.line(`${upn},${home},${name},${day},${session},D`);
          marks.line(`${upn},${urn(140)},${schoolName(140)},${day},${session},${code}`);
          markCount += 2;
        } else {
          marks.line(`${upn},${home},${name},${day},${session},${code}`);
          markCount += 1;
        }
      }
      if (ill > 0) ill--;
    }
  }
  children.close();
  statuses.close();
  marks.close();
  return { dir, children: count, marks: markCount, childRefs, teams };
}
