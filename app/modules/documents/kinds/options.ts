import type { Option } from "~/modules/documents/model/types";

/** Option lists shared by several kinds. Values are stable identifiers; labels are for people. */

export const JURISDICTIONS: readonly Option[] = [
  { value: "CA", label: "Canada-wide (national)" },
  { value: "AB", label: "Alberta" },
  { value: "BC", label: "British Columbia" },
  { value: "MB", label: "Manitoba" },
  { value: "NB", label: "New Brunswick" },
  { value: "NL", label: "Newfoundland and Labrador" },
  { value: "NS", label: "Nova Scotia" },
  { value: "NT", label: "Northwest Territories" },
  { value: "NU", label: "Nunavut" },
  { value: "ON", label: "Ontario" },
  { value: "PE", label: "Prince Edward Island" },
  { value: "QC", label: "Quebec" },
  { value: "SK", label: "Saskatchewan" },
  { value: "YT", label: "Yukon" },
];

export const LANGUAGES: readonly Option[] = [
  { value: "en", label: "English" },
  { value: "fr", label: "French" },
];

export const DELIVERY_MODES: readonly Option[] = [
  { value: "online", label: "Online" },
  { value: "in_person", label: "In person" },
  { value: "hybrid", label: "Hybrid (online and in person)" },
];

/** Classifications an occupation code can come from, with the code shape each one uses. */
export const OCCUPATION_SYSTEMS: readonly Option[] = [
  { value: "noc_2021", label: "NOC 2021 (National Occupational Classification)" },
  { value: "oasis", label: "OaSIS (Occupational and Skills Information System)" },
  { value: "esco", label: "ESCO occupation" },
  { value: "onet", label: "O*NET-SOC" },
];

export const OCCUPATION_CODE_PATTERNS: Readonly<Record<string, { regex: RegExp; example: string }>> = {
  noc_2021: { regex: /^\d{5}$/, example: "41400" },
  oasis: { regex: /^\d{5}\.\d{2}$/, example: "41400.01" },
  esco: { regex: /^(\d{4}(\.\d+)*|http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36})$/, example: "2133.1" },
  onet: { regex: /^\d{2}-\d{4}\.\d{2}$/, example: "19-2041.00" },
};

/** Qualification frameworks and the levels each one has (checked when a level is entered). */
export const QUALIFICATION_FRAMEWORKS: readonly Option[] = [
  { value: "oqf", label: "Ontario Qualifications Framework (OQF)" },
  { value: "eqf", label: "European Qualifications Framework (EQF)" },
  { value: "cdqf", label: "Canadian Degree Qualifications Framework (CDQF)" },
  { value: "other", label: "Other framework" },
];

export const FRAMEWORK_LEVEL_RANGES: Readonly<Record<string, { min: number; max: number; name: string }>> = {
  oqf: { min: 1, max: 13, name: "The Ontario Qualifications Framework" },
  eqf: { min: 1, max: 8, name: "The European Qualifications Framework" },
  cdqf: { min: 1, max: 4, name: "The Canadian Degree Qualifications Framework" },
};
