// The breakdowns of the report's `characteristics` and the order their groups are listed in. JSON
// consumers must not rely on key order, but a stable order keeps reports, exports and diffs readable.
import { ETHNICITY_GROUPS } from "./characteristics";

export type CharacteristicKey = "sex" | "ethnicity" | "sen" | "fsm" | "eal" | "yearGroup";
export const CHARACTERISTIC_KEYS: readonly CharacteristicKey[] = ["sex", "ethnicity", "sen", "fsm", "eal", "yearGroup"];

export const SEX_VALUES = ["M", "F", "U"] as const;
export const SEN_VALUES = ["N", "K", "E"] as const;
export const YES_NO_VALUES = ["Y", "N"] as const;

export const CHARACTERISTIC_LABELS: Readonly<Record<CharacteristicKey, string>> = {
  sex: "Sex",
  ethnicity: "Ethnicity",
  sen: "Special educational needs",
  fsm: "Free school meals",
  eal: "English as an additional language",
  yearGroup: "Year group",
};

const KNOWN_ORDER: Readonly<Record<Exclude<CharacteristicKey, "yearGroup">, readonly string[]>> = {
  sex: SEX_VALUES,
  ethnicity: ETHNICITY_GROUPS,
  sen: SEN_VALUES,
  fsm: YES_NO_VALUES,
  eal: YES_NO_VALUES,
};

/** Group values in display order: the published order of known values, year groups numerically, others last. */
export function orderGroupKeys(key: CharacteristicKey, values: readonly string[]): string[] {
  if (key === "yearGroup") return [...values].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  const known = KNOWN_ORDER[key];
  const rank = (v: string) => {
    const i = known.indexOf(v);
    return i === -1 ? known.length : i;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
