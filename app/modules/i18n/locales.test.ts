import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage } from "./locales";

describe("fromAcceptLanguage", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"],
    ["en;q=0.4,fr;q=0.6", "fr"],
    ["fr;q=0,en", "en"],
    ["*", null],
    ["es, de", null],
    ["", null],
    [null, null],
  ] as const)("%s → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe("chooseLocale", () => {
  it("prefers the account's choice, then the visitor's cookie, then the browser, then English", () => {
    expect(chooseLocale({ account: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(chooseLocale({ account: null, cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(chooseLocale({ cookie: "xx", acceptLanguage: "fr-CA" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "es" })).toBe("en");
    expect(chooseLocale({})).toBe("en");
  });
});
