import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/modules/i18n/i18n";
import { describe, expect, it } from "vitest";
import { FieldControl, LONG_VALUE_CHARS, oneLine, showsWhole, type FieldControlProps } from "~/components/document/field-control";
import type { ProjectedCompetency } from "~/modules/documents/model";

const competencies = (n: number): ProjectedCompetency[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, code: `A.${i}`, title: `Task ${i}`, framework: "Plumber", level: null, essential: true }));

function render(count: number, value: string | null): string {
  const props: FieldControlProps = {
    field: { key: "competencyId", type: "competency", label: "Competency" },
    path: "demandSignals.r1.competencyId",
    value,
    issues: [],
    editable: true,
    write: () => {},
    context: { documents: [], competencies: competencies(count) },
    visitors: [],
    onFocusChange: () => {},
  };
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor("en") }, createElement(FieldControl, props)));
}

const optionCount = (html: string) => html.match(/<option/g)?.length ?? 0;

describe("a select with thousands of choices", () => {
  it("renders every choice when the list is short", () => {
    expect(optionCount(render(150, "c3"))).toBe(151);
  });

  it("renders only the chosen one (and the empty choice) until someone goes to choose", () => {
    const html = render(3000, "c2999");
    expect(optionCount(html)).toBe(2);
    expect(html).toContain("A.2999");
    expect(optionCount(render(3000, null))).toBe(1);
  });
});

describe("long values shown whole", () => {
  const title = { key: "title", type: "text", label: "Credential title", maxLength: 200 } as const;
  const renderText = (value: string, editable = true, commentable = false) =>
    renderToStaticMarkup(
      // In English, as the page's provider (root.tsx) gives it.
      createElement(
        I18nextProvider,
        { i18n: i18nFor("en") },
        createElement(FieldControl, {
          field: title,
          path: "title",
          value,
          issues: [],
          editable,
          write: () => {},
          context: { documents: [] },
          visitors: [],
          onFocusChange: () => {},
          commentable,
        }),
      ),
    );

  it("keeps a short value in a one-line input", () => {
    const html = renderText("Climate Adaptation Practitioner");
    expect(html).toMatch(/<input[^>]*id="field-title"/);
    expect(html).not.toContain("<textarea");
  });

  it("shows a long value whole in a growing box with the same id and label", () => {
    const long = "Climate Adaptation Practitioner for Utilities, Municipalities and Regional Planning Bodies";
    const html = renderText(long);
    expect(html).toMatch(/<textarea[^>]*id="field-title"[^>]*>/);
    expect(html).toContain(`>${long}</textarea>`);
    expect(html).toMatch(/<label[^>]*for="field-title"[^>]*>Credential title<\/label>/);
    expect(html).not.toMatch(/<input[^>]*id="field-title"/);
  });

  it("decides by length, or by a limit that makes the field long by nature; never for numbers", () => {
    expect(showsWhole(title, "x".repeat(LONG_VALUE_CHARS))).toBe(false);
    expect(showsWhole(title, "x".repeat(LONG_VALUE_CHARS + 1))).toBe(true);
    expect(showsWhole({ key: "q", type: "text", label: "Qualification", maxLength: 300 }, "")).toBe(true);
    expect(showsWhole({ key: "u", type: "url", label: "Link" }, `https://example.org/${"a".repeat(60)}`)).toBe(true);
    expect(showsWhole({ key: "h", type: "number", label: "Hours" }, "1".repeat(80))).toBe(false);
  });

  it("keeps a one-line value on one line when line breaks are pasted into it", () => {
    expect(oneLine("Assess climate risks\r\n  to substations\nand lines")).toBe("Assess climate risks to substations and lines");
  });

  it("puts a “Comment on” button beside the label, for editors and readers who may comment", () => {
    for (const editable of [true, false]) {
      const html = renderText("Title", editable, true);
      expect(html).toContain('<span class="visually-hidden">Comment on Credential title</span>');
    }
    expect(renderText("Title", true, false)).not.toContain("Comment on");
  });
});
