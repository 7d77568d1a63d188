import { ETHNICITY_GROUP_LABELS, yearGroupLabel, type CharacteristicKey, type EthnicityGroup } from "@/lib/attendance";

// How the report's group keys read on screen and in exports.
const FIXED: Partial<Record<CharacteristicKey, Record<string, string>>> = {
  sex: { M: "Male", F: "Female", U: "Unknown" },
  sen: { N: "No SEN", K: "SEN support", E: "EHC plan" },
  fsm: { Y: "Eligible for free school meals", N: "Not eligible" },
  eal: { Y: "English as an additional language", N: "English first language" },
};

export function groupLabel(key: CharacteristicKey, value: string): string {
  if (key === "ethnicity") return ETHNICITY_GROUP_LABELS[value as EthnicityGroup] ?? value;
  if (key === "yearGroup") return Number.isInteger(Number(value)) && value !== "" ? yearGroupLabel(Number(value)) : value;
  return FIXED[key]?.[value] ?? value;
}
