import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Moment } from "~/components/ui/moment";

describe("Moment", () => {
  it("paints in UTC, named, on the server (the reader's zone follows in the browser)", () => {
    const html = renderToStaticMarkup(createElement(Moment, { iso: "2026-12-01T12:40:57.000Z" }));
    expect(html).toBe('<time dateTime="2026-12-01T12:40:57.000Z">1 Dec 2026, 12:40 UTC</time>');
    expect(renderToStaticMarkup(createElement(Moment, { iso: "2026-12-01T12:40:57.000Z", seconds: true }))).toContain("12:40:57 UTC");
    expect(renderToStaticMarkup(createElement(Moment, { iso: null }))).toBe("—");
  });
});
