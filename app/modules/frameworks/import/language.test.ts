import { describe, expect, it } from "vitest";
import { frameworkLanguage, normaliseLanguageTag, TextPicker } from "~/modules/frameworks/import/language";

describe("language tags", () => {
  it.each([
    ["en-US", "en-US"],
    ["en-us", "en-US"],
    ["EN", "en"],
    ["fr_CA", "fr-CA"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["es-419", "es-419"],
    ["eng", "en"],
    ["http://id.loc.gov/vocabulary/iso639-2/eng", "en"],
    ["http://id.loc.gov/vocabulary/iso639-2/fre/", "fr"],
    ["English", "en"],
    ["", undefined],
    ["not a language", undefined],
  ])("%s → %s", (raw, tag) => {
    expect(normaliseLanguageTag(raw)).toBe(tag);
  });

  it("refines the declared language with the text's region, never replaces it", () => {
    expect(frameworkLanguage("en", "en-US")).toBe("en-US");
    expect(frameworkLanguage("fr", "en-US")).toBe("fr");
    expect(frameworkLanguage(undefined, "en-US")).toBe("en-US");
    expect(frameworkLanguage("en-CA", "en")).toBe("en-CA");
  });
});

describe("TextPicker", () => {
  it("reads strings, language maps in any tag case, value objects and arrays", () => {
    const picker = new TextPicker("en-US");
    expect(picker.text("  Plain  ")).toBe("Plain");
    expect(picker.text({ "en-US": "Upper" })).toBe("Upper");
    expect(picker.text({ "en-us": "Lower" })).toBe("Lower");
    expect(picker.text({ en: ["Array value"] })).toBe("Array value");
    expect(picker.text({ "@value": "Value object", "@language": "en" })).toBe("Value object");
    expect(
      picker.text([
        { "@value": "Texte", "@language": "fr" },
        { "@value": "Text", "@language": "en-US" },
      ]),
    ).toBe("Text");
    expect(picker.text(undefined)).toBeUndefined();
    expect(picker.text({ "en-US": "" })).toBeUndefined();
  });

  it("counts the text left out in other languages", () => {
    const picker = new TextPicker("en");
    expect(picker.text({ "en-CA": "Plumbing", "fr-CA": "Plomberie" })).toBe("Plumbing");
    expect(picker.text({ "fr-CA": "Soudage" })).toBe("Soudage");
    expect(picker.text({ en: "Welding", "fr-ca": "Soudage" })).toBe("Welding");
    expect(picker.leftOut).toEqual(new Map([["fr-CA", 2]]));
    expect(picker.note()).toBe("Text in fr-CA (2 values) was not imported: the framework is imported in en.");
  });
});
