import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { Moment } from "~/components/ui/moment";
import { i18nFor } from "~/modules/i18n/i18n";

describe("Moment", () => {
  it("paints in UTC, named, on the server (the reader's zone follows in the browser)", () => {
    const html = renderToStaticMarkup(createElement(Moment, { iso: "2026-12-01T12:40:57.000Z" }));
    expect(html).toBe('<time dateTime="2026-12-01T12:40:57.000Z">1 Dec 2026, 12:40 UTC</time>');
    expect(renderToStaticMarkup(createElement(Moment, { iso: "2026-12-01T12:40:57.000Z", seconds: true }))).toContain("12:40:57 UTC");
    expect(renderToStaticMarkup(createElement(Moment, { iso: null }))).toBe("—");
  });

  it("writes the moment in the page's language", () => {
    const inLanguage = (locale: "en" | "fr") => renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(Moment, { iso: "2026-12-01T12:40:57.000Z" })));
    expect(inLanguage("en")).toBe('<time dateTime="2026-12-01T12:40:57.000Z">1 Dec 2026, 12:40 UTC</time>');
    expect(inLanguage("fr")).toBe('<time dateTime="2026-12-01T12:40:57.000Z">1 déc. 2026, 12:40 UTC</time>');
  });
});
