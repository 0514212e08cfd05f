import { describe, expect, it } from "vitest";
import { kindIndex, type FieldDef } from "~/modules/documents/model";
import { formatMoney, formatValue, groupThousands, inputText } from "~/modules/documents/format";

const field = (kind: "credential_spec" | "wbl_agreement", key: string): FieldDef => {
  const entry = kindIndex(kind).fieldByKey.get(key);
  if (!entry) throw new Error(key);
  return entry.field;
};

describe("formatting stored values for people", () => {
  it("writes dates out, and keeps what is not a date as stored", () => {
    expect(formatValue(field("wbl_agreement", "startDate"), "2027-02-03")).toBe("3 February 2027");
    expect(formatValue(field("wbl_agreement", "startDate"), "next spring")).toBe("next spring");
  });

  it("groups thousands and writes money in dollars", () => {
    expect(groupThousands(1234567.5)).toBe("1,234,567.5");
    expect(groupThousands(999)).toBe("999");
    expect(formatMoney(1450)).toBe("$1,450");
    expect(formatMoney(1450.5)).toBe("$1,450.50");
    expect(formatMoney(0.07)).toBe("$0.07");
  });

  it("uses option labels, units and Yes/No, and shows unreadable values exactly as stored", () => {
    expect(formatValue(field("credential_spec", "jurisdiction"), "ON")).toBe("Ontario");
    expect(formatValue(field("credential_spec", "languages"), ["en", "fr"])).toBe("English, French");
    expect(formatValue(field("credential_spec", "learningHours"), 150)).toBe("150 hours");
    expect(formatValue(field("credential_spec", "learningHours"), 1)).toBe("1 hour");
    expect(formatValue(field("credential_spec", "learningHours"), "12a")).toBe("12a");
    expect(formatValue(field("credential_spec", "costCad"), 2450)).toBe("$2,450");
    expect(formatValue(field("wbl_agreement", "paid"), false)).toBe("No");
    expect(formatValue(field("credential_spec", "shortCode"), null)).toBe("");
    expect(formatValue(field("wbl_agreement", "assessmentPlanId"), "doc-1", { documentTitles: new Map([["doc-1", "The plan"]]) })).toBe("The plan");
  });

  it("gives inputs the stored text, numbers as digits", () => {
    expect(inputText(12.5)).toBe("12.5");
    expect(inputText("12a")).toBe("12a");
    expect(inputText(null)).toBe("");
  });
});

describe("formatValue for French readers", () => {
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  it("writes money, numbers with units, dates and yes/no the French way", () => {
    expect(spaces(formatValue({ key: "c", type: "money_cad", label: "Coût" }, 1450.5, { locale: "fr" }))).toBe("1 450,50 $");
    expect(spaces(formatValue({ key: "h", type: "integer", label: "Heures", unit: "heures" }, 1200, { locale: "fr" }))).toBe("1 200 heures");
    expect(formatValue({ key: "h", type: "integer", label: "Heures", unit: "heures" }, 1, { locale: "fr" })).toBe("1 heure");
    expect(formatValue({ key: "d", type: "date", label: "Date" }, "2027-01-11", { locale: "fr" })).toBe("11 janvier 2027");
    expect(formatValue({ key: "b", type: "boolean", label: "Oui ?" }, true, { locale: "fr" })).toBe("Oui");
    // English stays as it was.
    expect(formatValue({ key: "c", type: "money_cad", label: "Cost" }, 1450.5)).toBe("$1,450.50");
  });
});
