import { dayOfWeek, type IsoDate } from "@/lib/attendance";
import { Random } from "./random";
import { DATA_END, INSET_DAYS } from "./calendar";
import type { DemoChild } from "./people";
import { GAP_URN, PRU_URN, STALE_LAST_DAY, STALE_URN } from "./schools";

// Register marks for one child: present most sessions, with late marks, illness spells, medical
// appointments, unauthorised absence, holidays in term time, a few exclusions and approved off-site
// activity; planned closures on training days; dual registration at the pupil referral unit.

export type DemoMark = { urn: string; date: IsoDate; session: "AM" | "PM"; code: string };

/** A closure for reasons beyond the school's control at one school (heating failure). */
const UNAVOIDABLE = { urn: "130003", date: "2026-02-05", code: "Y7" };

function absenceCode(r: Random): string {
  return r.weighted([["O", 30], ["N", 15], ["M", 14], ["C", 8], ["U", 8], ["E", 4], ["R", 2], ["G", 4], ["I", 15]]);
}

export function marksForChild(child: DemoChild, days: readonly IsoDate[], seed: number): DemoMark[] {
  const r = new Random(seed);
  const marks: DemoMark[] = [];
  let illnessLeft = 0;
  let holidayLeft = 0;
  const partTime = child.absenceBase > 0.45 && r.chance(0.3);
  for (const day of days) {
    const enrolment = child.enrolments.find((e) => e.from <= day && day <= e.to);
    if (!enrolment) continue;
    const urn = enrolment.urn;
    if (urn === STALE_URN && day > STALE_LAST_DAY) continue;
    if (INSET_DAYS.has(day)) {
      marks.push({ urn, date: day, session: "AM", code: "#" }, { urn, date: day, session: "PM", code: "#" });
      continue;
    }
    if (urn === UNAVOIDABLE.urn && day === UNAVOIDABLE.date) {
      marks.push({ urn, date: day, session: "AM", code: UNAVOIDABLE.code }, { urn, date: day, session: "PM", code: UNAVOIDABLE.code });
      continue;
    }
    const atPru = enrolment.dualDays?.includes(dayOfWeek(day)) ?? false;
    const rate = child.fallingFrom && day >= child.fallingFrom ? Math.min(0.9, child.absenceBase * 3 + 0.15) : child.absenceBase;
    if (illnessLeft === 0 && holidayLeft === 0) {
      if (r.chance(rate * 0.12)) illnessLeft = r.int(1, 4);
      else if (r.chance(0.002)) holidayLeft = r.int(3, 5);
    }
    for (const session of ["AM", "PM"] as const) {
      let code: string;
      if (illnessLeft > 0) code = "I";
      else if (holidayLeft > 0) code = "G";
      else if (partTime && session === "PM") code = "C2";
      else if (r.chance(rate * 0.6)) code = absenceCode(r);
      else if (session === "AM" && r.chance(0.04)) code = "L";
      else if (r.chance(0.01)) code = r.pick(["B", "K", "V", "P", "W"]);
      else code = session === "AM" ? "/" : "\\";
      if (urn === GAP_URN && session === "PM" && day >= "2026-11-19" && day <= DATA_END) code = "-";
      if (atPru) {
        marks.push({ urn, date: day, session, code: "D" });
        marks.push({ urn: PRU_URN, date: day, session, code });
      } else {
        marks.push({ urn, date: day, session, code });
      }
    }
    if (illnessLeft > 0) illnessLeft--;
    if (holidayLeft > 0) holidayLeft--;
  }
  return marks;
}
