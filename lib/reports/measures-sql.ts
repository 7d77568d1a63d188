// Group measures aggregated by the database, so that a figure over ten thousand children sends a few
// rows to JavaScript instead of ten thousand. The SQL mirrors lib/attendance's groupMeasures: sessions
// summed, children / persistent / severe counted over children with a possible session, and the
// thresholds decided on integer counts with the domain's own ratios (PERSISTENT_TIMES, SEVERE_TIMES).
// The rate is worked out in JavaScript from the summed integers, as groupMeasures does.
import { attendanceRate, PERSISTENT_TIMES, SEVERE_TIMES, type Measures } from "@/lib/attendance";

/** The aggregate columns of a group's measures over per-child count rows of alias `r`. */
export function measuresColumnsSql(r: string): string {
  const absent = `(${r}.authorised + ${r}.unauthorised)`;
  return [
    `count(*) FILTER (WHERE ${r}.possible > 0)::int AS children`,
    `coalesce(sum(${r}.possible), 0)::bigint AS possible`,
    `coalesce(sum(${r}.attended), 0)::bigint AS attended`,
    `coalesce(sum(${r}.authorised), 0)::bigint AS authorised`,
    `coalesce(sum(${r}.unauthorised), 0)::bigint AS unauthorised`,
    `count(*) FILTER (WHERE ${r}.possible > 0 AND ${absent} * ${PERSISTENT_TIMES} >= ${r}.possible)::int AS persistent`,
    `count(*) FILTER (WHERE ${r}.possible > 0 AND ${absent} * ${SEVERE_TIMES} >= ${r}.possible)::int AS severe`,
  ].join(",\n    ");
}

/** A row of measuresColumnsSql; the sums arrive as bigint (text from pg, number or bigint from PGlite). */
export type MeasuresRow = {
  children: number;
  possible: number | string | bigint;
  attended: number | string | bigint;
  authorised: number | string | bigint;
  unauthorised: number | string | bigint;
  persistent: number;
  severe: number;
};

export function measuresOf(row: MeasuresRow): Measures {
  const counts = {
    possible: Number(row.possible),
    attended: Number(row.attended),
    authorised: Number(row.authorised),
    unauthorised: Number(row.unauthorised),
  };
  return { children: row.children, ...counts, attendanceRate: attendanceRate({ ...counts, noMark: 0 }), persistent: row.persistent, severe: row.severe };
}
