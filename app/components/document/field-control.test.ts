import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldControl, type FieldControlProps } from "~/components/document/field-control";
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
  return renderToStaticMarkup(createElement(FieldControl, props));
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
