import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Measures } from "@/lib/attendance";
import { createCliDb, runCli, writeTempFile, type CliDb } from "../helpers/cli";

// A small, tricky data set written out as the CSV files an authority would send, imported and reported
// through the command line (child processes, as a script would run them), and compared with figures
// worked out BY HAND below. No code path of the product computes the expected numbers.
//
// The window: Monday 8 to Monday 15 September 2025 = 6 school days = 12 sessions per enrolment
// (academic year 2025/26 for year groups). Marks on Friday 5 September lie outside it.
//
// C001 Amy  CLA          10 possible (Mon 15 is a planned closure #), 1 absence (I): exactly 10% -> PA
// C002 Ben  CIN          11 possible (one old Y code), 1 absence (old H): 9.09%, just under -> not PA
// C003 Cara CP           12 possible, 6 absent (G G F E N C2), old J attended: exactly 50% -> SA
// C004 Dev  CIN          only # Y - marks: no possible session, no rate, in neither PA nor SA
// C005 Eve  CLA          dual registered: each session marked D at one of her two schools: 12 possible
// C006 Fin  CIN -> CP    CIN until Wed 10, CP from Thu 11; 3 absences, all Mon-Wed
// C007 Gus  PLAC only    (not a child with a social worker)
// C008 Hal  KIN from Fri 12; his CIN plan ended Fri 5 (before the window)
// C009 Ivy  no status    (in no cohort)
// plus one attendance row with a UPN of no child (unmatched)

const CHILDREN_CSV = `child_id,upn,first_name,last_name,date_of_birth,sex,ethnicity,sen,fsm,eal,team
C001,X201100021011,Amy,Adams,2015-03-10,F,WBRI,N,Y,N,Team A
C002,Z201100021022,Ben,Brown,2012-09-01,M,MWBC,K,N,N,Team A
C003,B201100021033,Cara,Clark,2010-08-31,F,BAFR,E,Y,Y,Team B
C004,D201100021044,Dev,Davis,2019-01-20,M,,N,N,N,Team B
C005,F201100021055,Eve,Evans,2015-12-01,F,AKPA,N,Y,Y,
C006,H201100021066,Fin,Fox,2013-05-05,M,WIRT,K,N,N,Team A
C007,K201100021077,Gus,Green,2016-02-02,U,CHNE,N,N,N,
C008,M201100021088,Hal,Hill,2014-04-04,M,OOTH,N,N,N,
C009,P201100021099,Ivy,Irwin,2011-11-11,F,WBRI,N,N,N,
`;

const STATUSES_CSV = `child_id,status,start_date,end_date
C001,CLA,2024-01-01,
C002,CIN,2025-06-01,
C003,CP,2025-07-01,
C004,CIN,2025-09-01,
C005,CLA,2023-04-01,
C006,CIN,2025-05-01,2025-09-10
C006,CP,2025-09-11,
C007,PLAC,2022-06-01,
C008,CIN,2025-03-01,2025-09-05
C008,KIN,2025-09-12,
`;

// String.raw: the PM present code is a backslash.
const ATTENDANCE_CSV = String.raw`upn,school_urn,school_name,date,session,code
X201100021011,100001,Northgate Primary,2025-09-05,AM,O
X201100021011,100001,Northgate Primary,2025-09-05,PM,O
X201100021011,100001,Northgate Primary,2025-09-08,AM,/
X201100021011,100001,Northgate Primary,2025-09-08,PM,\
X201100021011,100001,Northgate Primary,2025-09-09,AM,/
X201100021011,100001,Northgate Primary,2025-09-09,PM,\
X201100021011,100001,Northgate Primary,2025-09-10,AM,L
X201100021011,100001,Northgate Primary,2025-09-10,PM,\
X201100021011,100001,Northgate Primary,2025-09-11,AM,/
X201100021011,100001,Northgate Primary,2025-09-11,PM,\
X201100021011,100001,Northgate Primary,2025-09-12,AM,I
X201100021011,100001,Northgate Primary,2025-09-12,PM,\
X201100021011,100001,Northgate Primary,2025-09-15,AM,#
X201100021011,100001,Northgate Primary,2025-09-15,PM,#
Z201100021022,100001,Northgate Primary,2025-09-08,AM,/
Z201100021022,100001,Northgate Primary,2025-09-08,PM,\
Z201100021022,100001,Northgate Primary,2025-09-09,AM,/
Z201100021022,100001,Northgate Primary,2025-09-09,PM,\
Z201100021022,100001,Northgate Primary,2025-09-10,AM,/
Z201100021022,100001,Northgate Primary,2025-09-10,PM,\
Z201100021022,100001,Northgate Primary,2025-09-11,AM,/
Z201100021022,100001,Northgate Primary,2025-09-11,PM,\
Z201100021022,100001,Northgate Primary,2025-09-12,AM,H
Z201100021022,100001,Northgate Primary,2025-09-12,PM,\
Z201100021022,100001,Northgate Primary,2025-09-15,AM,Y
Z201100021022,100001,Northgate Primary,2025-09-15,PM,\
B201100021033,100002,Southfield Academy,2025-09-08,AM,/
B201100021033,100002,Southfield Academy,2025-09-08,PM,\
B201100021033,100002,Southfield Academy,2025-09-09,AM,G
B201100021033,100002,Southfield Academy,2025-09-09,PM,G
B201100021033,100002,Southfield Academy,2025-09-10,AM,J
B201100021033,100002,Southfield Academy,2025-09-10,PM,K
B201100021033,100002,Southfield Academy,2025-09-11,AM,F
B201100021033,100002,Southfield Academy,2025-09-11,PM,E
B201100021033,100002,Southfield Academy,2025-09-12,AM,V
B201100021033,100002,Southfield Academy,2025-09-12,PM,N
B201100021033,100002,Southfield Academy,2025-09-15,AM,C2
B201100021033,100002,Southfield Academy,2025-09-15,PM,\
D201100021044,100001,Northgate Primary,2025-09-08,AM,#
D201100021044,100001,Northgate Primary,2025-09-08,PM,#
D201100021044,100001,Northgate Primary,2025-09-09,AM,Y
D201100021044,100001,Northgate Primary,2025-09-09,PM,Y
D201100021044,100001,Northgate Primary,2025-09-10,AM,-
D201100021044,100001,Northgate Primary,2025-09-10,PM,-
D201100021044,100001,Northgate Primary,2025-09-11,AM,-
D201100021044,100001,Northgate Primary,2025-09-11,PM,#
D201100021044,100001,Northgate Primary,2025-09-12,AM,Y
D201100021044,100001,Northgate Primary,2025-09-12,PM,-
F201100021055,100001,Northgate Primary,2025-09-08,AM,/
F201100021055,100001,Northgate Primary,2025-09-08,PM,\
F201100021055,100001,Northgate Primary,2025-09-09,AM,/
F201100021055,100001,Northgate Primary,2025-09-09,PM,\
F201100021055,100001,Northgate Primary,2025-09-10,AM,/
F201100021055,100001,Northgate Primary,2025-09-10,PM,\
F201100021055,100001,Northgate Primary,2025-09-11,AM,D
F201100021055,100001,Northgate Primary,2025-09-11,PM,D
F201100021055,100001,Northgate Primary,2025-09-12,AM,D
F201100021055,100001,Northgate Primary,2025-09-12,PM,D
F201100021055,100001,Northgate Primary,2025-09-15,AM,D
F201100021055,100001,Northgate Primary,2025-09-15,PM,D
F201100021055,100002,Southfield Academy,2025-09-08,AM,D
F201100021055,100002,Southfield Academy,2025-09-08,PM,D
F201100021055,100002,Southfield Academy,2025-09-09,AM,D
F201100021055,100002,Southfield Academy,2025-09-09,PM,D
F201100021055,100002,Southfield Academy,2025-09-10,AM,D
F201100021055,100002,Southfield Academy,2025-09-10,PM,D
F201100021055,100002,Southfield Academy,2025-09-11,AM,U
F201100021055,100002,Southfield Academy,2025-09-11,PM,\
F201100021055,100002,Southfield Academy,2025-09-12,AM,/
F201100021055,100002,Southfield Academy,2025-09-12,PM,\
F201100021055,100002,Southfield Academy,2025-09-15,AM,/
F201100021055,100002,Southfield Academy,2025-09-15,PM,\
H201100021066,100003,Eastbrook School,2025-09-08,AM,O
H201100021066,100003,Eastbrook School,2025-09-08,PM,\
H201100021066,100003,Eastbrook School,2025-09-09,AM,/
H201100021066,100003,Eastbrook School,2025-09-09,PM,N
H201100021066,100003,Eastbrook School,2025-09-10,AM,O
H201100021066,100003,Eastbrook School,2025-09-10,PM,\
H201100021066,100003,Eastbrook School,2025-09-11,AM,/
H201100021066,100003,Eastbrook School,2025-09-11,PM,\
H201100021066,100003,Eastbrook School,2025-09-12,AM,/
H201100021066,100003,Eastbrook School,2025-09-12,PM,\
H201100021066,100003,Eastbrook School,2025-09-15,AM,/
H201100021066,100003,Eastbrook School,2025-09-15,PM,\
K201100021077,100001,Northgate Primary,2025-09-08,AM,/
K201100021077,100001,Northgate Primary,2025-09-08,PM,\
K201100021077,100001,Northgate Primary,2025-09-09,AM,M
K201100021077,100001,Northgate Primary,2025-09-09,PM,\
K201100021077,100001,Northgate Primary,2025-09-10,AM,/
K201100021077,100001,Northgate Primary,2025-09-10,PM,\
K201100021077,100001,Northgate Primary,2025-09-11,AM,/
K201100021077,100001,Northgate Primary,2025-09-11,PM,R
K201100021077,100001,Northgate Primary,2025-09-12,AM,/
K201100021077,100001,Northgate Primary,2025-09-12,PM,\
K201100021077,100001,Northgate Primary,2025-09-15,AM,/
K201100021077,100001,Northgate Primary,2025-09-15,PM,\
M201100021088,100003,Eastbrook School,2025-09-05,AM,/
M201100021088,100003,Eastbrook School,2025-09-05,PM,\
M201100021088,100003,Eastbrook School,2025-09-08,AM,/
M201100021088,100003,Eastbrook School,2025-09-08,PM,\
M201100021088,100003,Eastbrook School,2025-09-09,AM,/
M201100021088,100003,Eastbrook School,2025-09-09,PM,\
M201100021088,100003,Eastbrook School,2025-09-10,AM,O
M201100021088,100003,Eastbrook School,2025-09-10,PM,O
M201100021088,100003,Eastbrook School,2025-09-11,AM,/
M201100021088,100003,Eastbrook School,2025-09-11,PM,\
M201100021088,100003,Eastbrook School,2025-09-12,AM,/
M201100021088,100003,Eastbrook School,2025-09-12,PM,\
M201100021088,100003,Eastbrook School,2025-09-15,AM,I
M201100021088,100003,Eastbrook School,2025-09-15,PM,\
P201100021099,100002,Southfield Academy,2025-09-08,AM,O
P201100021099,100002,Southfield Academy,2025-09-08,PM,O
G201100021100,100002,Southfield Academy,2025-09-08,AM,/
`;

/** Measures by hand: children, possible, attended, authorised, unauthorised, attendance rate, PA, SA. */
function m(children: number, possible: number, attended: number, authorised: number, unauthorised: number, attendanceRate: number | null, persistent: number, severe: number): Measures {
  return { children, possible, attended, authorised, unauthorised, attendanceRate, persistent, severe };
}
const NONE = m(0, 0, 0, 0, 0, null, 0, 0);

// ---- Worked out by hand (see the table at the top) ----
// Per child over the window: Amy 10 possible / 9 attended / 1 authorised (I) / 0 -> PA
//   Ben 11 / 10 / 1 (H) / 0 -> 1*10 < 11, not PA;  Cara 12 / 6 (/ \ J K V \) / 3 (F E C2) / 3 (G G N) -> SA
//   Dev 0;  Eve 12 / 11 / 0 / 1 (U);  Fin 12 / 9 / 0 / 3 (O N O) -> 3*10 >= 12 PA, 3*2 < 12 not SA
//   Gus 12 / 10 / 2 (M R) / 0 -> PA;  Hal 12 / 9 / 1 (I) / 2 (O O) -> PA
const AMY = m(1, 10, 9, 1, 0, 9 / 10, 1, 0);
const BEN = m(1, 11, 10, 1, 0, 10 / 11, 0, 0);
const CARA = m(1, 12, 6, 3, 3, 6 / 12, 1, 1);
const EVE = m(1, 12, 11, 0, 1, 11 / 12, 0, 0);
const FIN_WHOLE = m(1, 12, 9, 0, 3, 9 / 12, 1, 0);
const GUS = m(1, 12, 10, 2, 0, 10 / 12, 1, 0);

// ALL (Amy, Ben, Cara, Dev, Eve, Fin) is the same under both attributions: every day of the window is
// attributed to one of CIN / CP / CLA for each of them (Fin: CIN Mon-Wed + CP Thu-Mon).
const ALL = m(5, 57, 45, 5, 7, 45 / 57, 3, 1);
const CHARACTERISTICS = {
  sex: {
    M: m(2, 23, 19, 1, 3, 19 / 23, 1, 0), // Ben, Dev, Fin
    F: m(3, 34, 26, 4, 4, 26 / 34, 2, 1), // Amy, Cara, Eve
  },
  ethnicity: {
    White: m(2, 22, 18, 1, 3, 18 / 22, 2, 0), // Amy WBRI, Fin WIRT
    Mixed: BEN, // MWBC
    Asian: EVE, // AKPA (extended code)
    Black: CARA, // BAFR
    Unknown: NONE, // Dev, blank
  },
  sen: {
    N: m(2, 22, 20, 1, 1, 20 / 22, 1, 0), // Amy, Dev, Eve
    K: m(2, 23, 19, 1, 3, 19 / 23, 1, 0), // Ben, Fin
    E: CARA,
  },
  fsm: {
    Y: m(3, 34, 26, 4, 4, 26 / 34, 2, 1), // Amy, Cara, Eve
    N: m(2, 23, 19, 1, 3, 19 / 23, 1, 0), // Ben, Dev, Fin
  },
  eal: {
    Y: m(2, 24, 17, 3, 4, 17 / 24, 1, 1), // Cara, Eve
    N: m(3, 33, 28, 2, 3, 28 / 33, 2, 0), // Amy, Ben, Dev, Fin
  },
  // Age on 31 August 2025 minus 4: Dev 6 -> 2, Eve 9 -> 5 (born December), Amy 10 -> 6,
  // Ben 12 -> 8 (born 1 September), Fin 12 -> 8, Cara 15 -> 11 (born 31 August)
  yearGroup: {
    "2": NONE,
    "5": EVE,
    "6": AMY,
    "8": m(2, 23, 19, 1, 3, 19 / 23, 1, 0),
    "11": CARA,
  },
};

const EVER = {
  tenant: "hand-shire",
  from: "2025-09-08",
  to: "2025-09-15",
  attribution: "ever",
  cohorts: {
    ALL,
    CIN: m(1, 11, 10, 1, 0, 10 / 11, 0, 0), // Ben, Dev (no possible session: not counted)
    CP: m(2, 24, 15, 3, 6, 15 / 24, 2, 1), // Cara, Fin (his CP is his highest status in the window)
    CLA: m(2, 22, 20, 1, 1, 20 / 22, 1, 0), // Amy, Eve
    PLAC: GUS,
    KIN: m(1, 12, 9, 1, 2, 9 / 12, 1, 0), // Hal, the whole window
  },
  characteristics: CHARACTERISTICS,
  children: [
    { childId: "C001", cohort: "CLA", ...AMY },
    { childId: "C002", cohort: "CIN", ...BEN },
    { childId: "C003", cohort: "CP", ...CARA },
    { childId: "C004", cohort: "CIN", ...NONE },
    { childId: "C005", cohort: "CLA", ...EVE },
    { childId: "C006", cohort: "CP", ...FIN_WHOLE },
    { childId: "C007", cohort: "PLAC", ...GUS },
    { childId: "C008", cohort: "KIN", ...m(1, 12, 9, 1, 2, 9 / 12, 1, 0) },
  ],
};

// During: Fin's Mon-Wed (6 possible, 3 attended, 3 unauthorised: exactly 50% -> PA and SA) go to CIN,
// his Thu-Mon (6 of 6 attended) to CP; Hal's KIN holds only Fri 12 and Mon 15 (/ \ I \).
const FIN_CIN = m(1, 6, 3, 0, 3, 3 / 6, 1, 1);
const FIN_CP = m(1, 6, 6, 0, 0, 6 / 6, 0, 0);
const HAL_KIN = m(1, 4, 3, 1, 0, 3 / 4, 1, 0);
const DURING = {
  ...EVER,
  attribution: "during",
  cohorts: {
    ALL,
    CIN: m(2, 17, 13, 1, 3, 13 / 17, 1, 1), // Ben, Dev, Fin's CIN days
    CP: m(2, 18, 12, 3, 3, 12 / 18, 1, 1), // Cara, Fin's CP days
    CLA: m(2, 22, 20, 1, 1, 20 / 22, 1, 0),
    PLAC: GUS,
    KIN: HAL_KIN,
  },
  children: [
    { childId: "C001", cohort: "CLA", ...AMY },
    { childId: "C002", cohort: "CIN", ...BEN },
    { childId: "C003", cohort: "CP", ...CARA },
    { childId: "C004", cohort: "CIN", ...NONE },
    { childId: "C005", cohort: "CLA", ...EVE },
    { childId: "C006", cohort: "CIN", ...FIN_CIN },
    { childId: "C006", cohort: "CP", ...FIN_CP },
    { childId: "C007", cohort: "PLAC", ...GUS },
    { childId: "C008", cohort: "KIN", ...HAL_KIN },
  ],
};

describe("report on a hand-computed data set, imported and reported through the command line", () => {
  let db: CliDb;
  const imported: Record<string, unknown> = {};

  beforeAll(async () => {
    db = await createCliDb();
    const created = await runCli(db.url, ["tenant", "create", "--slug", "hand-shire", "--name", "Hand Shire Council"]);
    expect(created.code, created.stderr).toBe(0);
    for (const [kind, text] of [
      ["children", CHILDREN_CSV],
      ["statuses", STATUSES_CSV],
      ["attendance", ATTENDANCE_CSV],
    ] as const) {
      const r = await runCli(db.url, ["import", kind, "--tenant", "hand-shire", "--file", writeTempFile(`${kind}.csv`, text)]);
      expect(r.code, r.stderr).toBe(0);
      imported[kind] = JSON.parse(r.stdout.trim());
    }
  });
  afterAll(async () => db?.close());

  it("imports every row: 9 children, 10 status episodes, 112 marks and 1 unmatched row", () => {
    expect(imported).toEqual({
      children: { inserted: 9, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 },
      statuses: { inserted: 10, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 },
      attendance: { inserted: 112, updated: 0, unchanged: 0, rejected: 0, unmatched: 1 },
    });
  });

  it('"ever in window" attribution (the default)', async () => {
    const r = await runCli(db.url, ["report", "--tenant", "hand-shire", "--from", "2025-09-08", "--to", "2025-09-15", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual(EVER);
  });

  it('"during status" attribution', async () => {
    const r = await runCli(db.url, ["report", "--tenant", "hand-shire", "--from", "2025-09-08", "--to", "2025-09-15", "--attribution", "during", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual(DURING);
  });

  it("a one-day window outside the main one: Friday 5 September", async () => {
    // Held on Fri 5: Amy CLA (O O: 2 unauthorised), Eve CLA (no marks), Ben / Dev / Fin CIN (no marks),
    // Cara CP (no marks), Hal CIN, last day of his plan (/ \), Gus PLAC (no marks). Hal is not KIN yet.
    const r = await runCli(db.url, ["report", "--tenant", "hand-shire", "--from", "2025-09-05", "--to", "2025-09-05", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cohorts).toStrictEqual({
      ALL: m(2, 4, 2, 0, 2, 2 / 4, 1, 1),
      CIN: m(1, 2, 2, 0, 0, 2 / 2, 0, 0),
      CP: NONE,
      CLA: m(1, 2, 0, 0, 2, 0 / 2, 1, 1),
      PLAC: NONE,
      KIN: NONE,
    });
    expect(report.children.map((c: { childId: string; cohort: string }) => `${c.childId} ${c.cohort}`)).toEqual([
      "C001 CLA",
      "C002 CIN",
      "C003 CP",
      "C004 CIN",
      "C005 CLA",
      "C006 CIN",
      "C007 PLAC",
      "C008 CIN",
    ]);
  });

  it("prints readable tables without --json", async () => {
    const r = await runCli(db.url, ["report", "--tenant", "hand-shire", "--from", "2025-09-08", "--to", "2025-09-15"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ALL All children with a social worker\s+5\s+57\s+45\s+5\s+7\s+78\.9%\s+3\s+1$/m);
    expect(r.stdout).toMatch(/^CP Child protection plan\s+2\s+24\s+15\s+3\s+6\s+62\.5%\s+2\s+1$/m);
  });
});
