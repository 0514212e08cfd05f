import { describe, expect, it } from "vitest";
import type { RowFieldDef } from "~/modules/documents/model/types";
import { checkValue, issuesByPath, validateFields } from "~/modules/documents/model/validate";

const f = <T extends RowFieldDef>(field: T) => field;
const hours = f({ key: "h", label: "Hours", type: "integer", min: 1, max: 2000, unit: "hours" });
const cost = f({ key: "c", label: "Cost", type: "money_cad", min: 0, max: 100_000 });
const ratio = f({ key: "r", label: "Ratio", type: "number", max: 1 });
const date = f({ key: "d", label: "Date", type: "date" });
const select = f({ key: "s", label: "Mode", type: "select", options: [{ value: "online", label: "Online" }] });
const multi = f({ key: "m", label: "Langs", type: "multiselect", options: [{ value: "en", label: "English" }] });
const code = f({ key: "code", label: "Code", type: "text", maxLength: 8, pattern: { source: "^[A-Z]+$", message: "Capitals only." } });

describe("checkValue", () => {
  it.each<[string, RowFieldDef, unknown, string | null]>([
    ["empty is fine (completeness handles required)", hours, null, null],
    ["whole number", hours, 120, null],
    ["fraction in an integer field", hours, 1.5, "Enter a whole number."],
    ["text in an integer field, shown back", hours, "12a", "“12a” is not a number. Enter a whole number, e.g. 120."],
    ["below the minimum, with unit", hours, 0, "Must be at least 1 hour."],
    ["above the maximum", hours, 2001, "Must be at most 2,000 hours."],
    ["money with cents", cost, 1450.5, null],
    ["money with fractions of cents", cost, 12.345, "Use at most two decimals (cents)."],
    ["negative money", cost, -5, "Must be at least $0."],
    ["text in a money field", cost, "twelve", "“twelve” is not a number. Enter an amount in dollars, e.g. 1450 or 1450.50."],
    ["number above max", ratio, 1.5, "Must be at most 1."],
    ["valid date", date, "2027-01-11", null],
    ["date in another format", date, "11/01/2027", "Enter a date as YYYY-MM-DD, e.g. 2027-01-11."],
    ["impossible date", date, "2027-02-30", "This date does not exist."],
    ["implausible year", date, "0202-01-11", "Check the year."],
    ["known option", select, "online", null],
    ["unknown option", select, "mail", "“mail” is not one of the choices."],
    ["multiselect ok", multi, ["en"], null],
    ["multiselect unknown", multi, ["en", "de"], "Not among the choices: “de”."],
    ["multiselect not a list", multi, "en", "Choose from the list."],
    ["boolean", f({ key: "b", label: "B", type: "boolean" }), "yes", "Answer yes or no."],
    ["url ok", f({ key: "u", label: "U", type: "url" }), "https://example.org/x", null],
    ["url without scheme", f({ key: "u", label: "U", type: "url" }), "example.org", "Enter a full web address, starting with https://"],
    ["url of another scheme", f({ key: "u", label: "U", type: "url" }), "ftp://example.org", "Enter a web address starting with https://"],
    ["email", f({ key: "e", label: "E", type: "email" }), "maya@example", "Enter an email address like name@example.org."],
    ["pattern", code, "cap", "Capitals only."],
    ["max length", code, "ABCDEFGHIJ", "Too long: 10 characters, at most 8."],
  ])("%s", (_name, field, value, message) => {
    expect(checkValue(field, value as never)).toBe(message);
  });
});

describe("validateFields", () => {
  it("names each issue by path, with section, label and anchor", () => {
    const issues = validateFields("credential_spec", {
      learningHours: "150h",
      competencies: [{ id: "c1", code: "A1", title: "Interpret projections", uri: "not a url" }],
    });
    const byPath = issuesByPath(issues);
    expect(byPath.get("learningHours")?.[0]).toMatchObject({
      sectionKey: "size_level",
      fieldKey: "learningHours",
      label: "Notional learning hours",
      anchor: "field-learningHours",
      severity: "error",
    });
    expect(byPath.get("competencies.c1.uri")?.[0]).toMatchObject({
      sectionKey: "competencies",
      rowId: "c1",
      cellKey: "uri",
      label: "Competencies › A1 Interpret projections › Framework URI",
      anchor: "field-competencies-c1-uri",
    });
  });

  it("skips fields hidden by their condition", () => {
    expect(validateFields("credential_spec", { assessmentOnlyRoute: false, assessmentOnlyFeeCad: "n/a" })).toEqual([]);
    expect(validateFields("credential_spec", { assessmentOnlyRoute: true, assessmentOnlyFeeCad: "n/a" }).map((i) => i.path)).toEqual(["assessmentOnlyFeeCad"]);
  });

  it("flags rows without ids and duplicated ids instead of dropping them", () => {
    const issues = validateFields("credential_spec", { modules: [{ code: "A" }, { id: "m1" }, { id: "m1" }] });
    expect(issues.map((i) => i.message)).toEqual(["Two module entries share the id m1; remove one of them.", "1 module entry has no id and cannot be edited; add them again."]);
  });

  it("runs the kind's rules: codes of the right shape, levels within the framework, dates in order", () => {
    const spec = validateFields("credential_spec", {
      occupations: [{ id: "o1", system: "noc_2021", code: "2131" }],
      framework: "eqf",
      frameworkLevel: 9,
      creditValue: 3,
      creditSystem: "not_for_credit",
    });
    expect(spec.map((i) => [i.path, i.message])).toEqual([
      ["occupations.o1.code", "This is not a code of that classification; codes look like 41400."],
      ["frameworkLevel", "The European Qualifications Framework has levels 1 to 8."],
      ["creditSystem", "A credential with a credit value needs a credit system."],
    ]);
    const wbl = validateFields("wbl_agreement", { startDate: "2027-04-01", endDate: "2027-03-01" });
    expect(wbl.map((i) => i.message)).toEqual(["The end date must be after the start date."]);
  });

  it("asks for each learning outcome in French when the credential is published in English and French", () => {
    const competencies = [
      { id: "c1", title: "Assess risk", outcome: "Assesses flood exposure.", outcomeFr: "" },
      { id: "c2", title: "Plan", outcome: "Plans measures.", outcomeFr: "Planifie les mesures." },
      { id: "c3", title: "No outcome yet", outcome: null, outcomeFr: null },
    ];
    expect(validateFields("credential_spec", { bilingual: false, competencies })).toEqual([]);
    expect(validateFields("credential_spec", { bilingual: true, competencies }).map((i) => [i.path, i.severity])).toEqual([["competencies.c1.outcomeFr", "error"]]);
  });

  it("warns about stale evidence only when told what day it is", () => {
    const fields = { evidenceReviewDate: "2026-01-31", demandSignals: [{ id: "d1", source: "S", figure: "F", date: "2025-01-01", reviewBy: "2025-12-31" }] };
    expect(validateFields("credential_spec", fields)).toEqual([]);
    const warnings = validateFields("credential_spec", fields, { today: "2026-11-28" });
    expect(warnings.map((i) => [i.path, i.severity])).toEqual([
      ["demandSignals.d1.reviewBy", "warning"],
      ["evidenceReviewDate", "warning"],
    ]);
  });

  it("flags a demand signal pointing at a competency that was removed", () => {
    const issues = validateFields("credential_spec", { competencies: [{ id: "c1" }], demandSignals: [{ id: "d1", competencyId: "c9" }] });
    expect(issues.map((i) => i.path)).toEqual(["demandSignals.d1.competencyId"]);
  });
});
