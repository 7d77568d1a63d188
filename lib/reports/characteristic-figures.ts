// The figures of the characteristic-gap report (ALL and its breakdowns by sex, ethnicity, SEN, FSM, EAL
// and year group), summed by the database in one pass with grouping sets: a few dozen rows leave it
// instead of one per child. The same figures as the report JSON's `cohorts` and `characteristics`
// (buildReport), which the property tests hold them to.
//
// The database groups by the attributes as stored (ethnicity code, month of birth); the domain's own
// characteristicValues then names each group (major ethnic group, year group), and groups that share a
// name are added up: every measure but the rate is a sum or a count, and the rate is recomputed.
import {
  academicYearOf,
  attendanceRate,
  CHARACTERISTIC_KEYS,
  characteristicValues,
  orderGroupKeys,
  type Attribution,
  type CharacteristicKey,
  emptyMeasures,
  type Measures,
  type ReportChild,
  SOCIAL_WORKER_STATUSES,
} from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { cohortCountsSource } from "./child-counts";
import { sqlInList } from "./code-sql";
import { measuresColumnsSql, measuresOf, type MeasuresRow } from "./measures-sql";
import { COUNT_COLUMNS } from "./window-totals-sql";
import type { DateWindow } from "./window";

export type CharacteristicFigures = {
  /** ALL: the children with a social worker, each once. */
  cohorts: { ALL: Measures };
  characteristics: Record<CharacteristicKey, Record<string, Measures>>;
};

// Each grouping set and the column it groups by; `born` is the month of birth (YYYY-MM), which is all
// a year group depends on.
const SETS: readonly [CharacteristicKey, string][] = [
  ["sex", `c.sex::text`],
  ["ethnicity", `c.ethnicity`],
  ["sen", `c.sen::text`],
  ["fsm", `c.fsm`],
  ["eal", `c.eal`],
  ["yearGroup", `to_char(c."dateOfBirth", 'YYYY-MM')`],
];

type GroupRow = MeasuresRow & { set: CharacteristicKey | "ALL"; sex: string | null; ethnicity: string | null; sen: string | null; fsm: boolean | null; eal: boolean | null; born: string | null };

function addMeasures(a: Measures, b: Measures): Measures {
  const sum = {
    children: a.children + b.children,
    possible: a.possible + b.possible,
    attended: a.attended + b.attended,
    authorised: a.authorised + b.authorised,
    unauthorised: a.unauthorised + b.unauthorised,
    persistent: a.persistent + b.persistent,
    severe: a.severe + b.severe,
  };
  return { ...sum, attendanceRate: attendanceRate({ ...sum, noMark: 0 }) };
}

/** The characteristic key's value of a row: characteristicValues of a child with the row's attributes. */
function valueOf(row: GroupRow, key: CharacteristicKey, academicYear: number): string {
  const child: ReportChild = {
    childId: "",
    sex: row.sex ?? "U",
    ethnicity: row.ethnicity,
    sen: row.sen ?? "N",
    fsm: row.fsm ?? false,
    eal: row.eal ?? false,
    dateOfBirth: `${row.born ?? "2000-01"}-01`,
  };
  return characteristicValues(child, academicYear)[key];
}

/** ALL and its characteristic breakdowns for the window, in one statement. Run inside withTenantRaw. */
export async function selectCharacteristicFigures(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
): Promise<CharacteristicFigures> {
  const source = await cohortCountsSource(tx, tenantId, window, attribution);
  const grouped = (i: number) => `GROUPING(${SETS[i]![1]}) = 0`;
  const { rows } = await tx.query<GroupRow>(
    `${source.sql},
all_child AS (
  SELECT "childId", ${COUNT_COLUMNS.map((k) => `sum("${k}")::int AS "${k}"`).join(", ")}
  FROM cohort_counts WHERE cohort IN ${sqlInList(SOCIAL_WORKER_STATUSES)} GROUP BY "childId"
)
SELECT CASE ${SETS.map(([key], i) => `WHEN ${grouped(i)} THEN '${key}'`).join(" ")} ELSE 'ALL' END AS "set",
  ${SETS.map(([key, col]) => `${col} AS ${key === "yearGroup" ? "born" : key}`).join(", ")},
  ${measuresColumnsSql("a")}
FROM all_child a JOIN "Child" c ON c."tenantId" = $1 AND c.id = a."childId"
GROUP BY GROUPING SETS ((), ${SETS.map(([, col]) => `(${col})`).join(", ")})`,
    source.params,
  );
  const academicYear = academicYearOf(window.to);
  const groups = new Map<CharacteristicKey, Map<string, Measures>>(CHARACTERISTIC_KEYS.map((k) => [k, new Map()]));
  let all = emptyMeasures();
  for (const row of rows) {
    if (row.set === "ALL") {
      all = measuresOf(row);
      continue;
    }
    const byValue = groups.get(row.set)!;
    const value = valueOf(row, row.set, academicYear);
    const m = measuresOf(row);
    const before = byValue.get(value);
    byValue.set(value, before ? addMeasures(before, m) : m);
  }
  const characteristics = Object.fromEntries(
    CHARACTERISTIC_KEYS.map((key) => {
      const byValue = groups.get(key)!;
      return [key, Object.fromEntries(orderGroupKeys(key, [...byValue.keys()]).map((v) => [v, byValue.get(v)!]))];
    }),
  ) as CharacteristicFigures["characteristics"];
  return { cohorts: { ALL: all }, characteristics };
}
