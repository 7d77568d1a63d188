// A dozen schools: Demoshire's own, a special school, a pupil referral unit used for dual
// registration, and schools of neighbouring authorities where looked-after children are placed.
export type DemoSchool = { urn: string; name: string; phase: "primary" | "secondary" | "special" | "ap"; outOfArea: boolean };

export const DEMO_SCHOOLS: DemoSchool[] = [
  { urn: "110001", name: "Hillside Primary School", phase: "primary", outOfArea: false },
  { urn: "110002", name: "St Mary's CE Primary School", phase: "primary", outOfArea: false },
  { urn: "110003", name: "Riverside Primary School", phase: "primary", outOfArea: false },
  { urn: "110004", name: "Oakfield Primary Academy", phase: "primary", outOfArea: false },
  { urn: "130001", name: "Demoshire Academy", phase: "secondary", outOfArea: false },
  { urn: "130002", name: "Northgate High School", phase: "secondary", outOfArea: false },
  { urn: "130003", name: "Kingsway School", phase: "secondary", outOfArea: false },
  { urn: "130004", name: "Eastfield Community College", phase: "secondary", outOfArea: false },
  { urn: "150001", name: "Brookvale Special School", phase: "special", outOfArea: false },
  { urn: "150002", name: "Demoshire Pupil Referral Unit", phase: "ap", outOfArea: false },
  { urn: "140101", name: "Meadow View Primary School (Northshire)", phase: "primary", outOfArea: true },
  { urn: "140102", name: "Westbrook High School (Southborough)", phase: "secondary", outOfArea: true },
  { urn: "140103", name: "Lakeside Academy (Northshire)", phase: "secondary", outOfArea: true },
];

/** The pupil referral unit where some secondary pupils are dual registered. */
export const PRU_URN = "150002";
/** A school whose returns stopped two weeks before the latest import: shown as stale. */
export const STALE_URN = "140102";
export const STALE_LAST_DAY = "2026-11-06";
/** A school whose last two afternoons came in without marks ('-'): a data-quality gap. */
export const GAP_URN = "130002";
