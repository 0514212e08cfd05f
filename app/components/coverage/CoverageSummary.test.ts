import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { CoverageSummary } from "~/components/coverage/CoverageSummary";
import type { BranchCoverage, CoverageSummary as Summary } from "~/modules/coverage/rules";
import { i18nFor } from "~/modules/i18n/i18n";

const tally = (direct: number, softOnly: number, none: number) => ({ total: direct + softOnly + none, direct, softOnly, none });
const branch = (name: string | null, direct: number, softOnly: number, none: number, gaps = none): BranchCoverage => ({ branch: name, gaps, ...tally(direct, softOnly, none) });

function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    essential: tally(5, 1, 2),
    optional: tally(1, 0, 2),
    gaps: 2,
    routeGaps: 0,
    softOnly: 1,
    branches: [branch("Safety › Hazards", 3, 1, 2), branch(null, 2, 0, 0)],
    complete: false,
    ...overrides,
  };
}

const render = (props: Parameters<typeof CoverageSummary>[0], locale: "en" | "fr" = "en") =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(CoverageSummary, props)));

describe("CoverageSummary", () => {
  it("server-renders the headline, gaps link, soft-only warning and optional line", () => {
    const html = render({ summary: summary(), matrixHref: "/documents/d1/matrix" });
    expect(html).toContain("5 of 8 essential competencies directly assessed");
    expect(html).toContain('<a href="/documents/d1/matrix?edit&amp;coverage=gaps#section-coverage">2 competencies have no direct assessment</a>');
    expect(html).toContain("<strong>Warning:</strong> 1 essential competency is assessed by soft evidence only");
    expect(html).toContain("3 optional competencies: 1 directly assessed");
    expect(html).not.toMatch(/undefined|NaN|\[object/);
  });

  it("links gaps on the same page without a matrix link, and says when nothing blocks", () => {
    expect(render({ summary: summary() })).toContain('href="?edit&amp;coverage=gaps#section-coverage"');
    const complete = render({ summary: summary({ gaps: 0, softOnly: 0, essential: tally(8, 0, 0), optional: tally(0, 0, 0), complete: true }) });
    expect(complete).toContain("Every essential competency is assessed.");
    expect(complete).not.toContain("coverage=gaps");
    expect(complete).not.toContain("Warning:");
    expect(complete).not.toContain("optional");
  });

  it("has an img-role chart with a text alternative, a legend, and the numbers as a table", () => {
    const html = render({ summary: summary(), title: "Plan coverage" });
    expect(html).toContain("Plan coverage</h3>");
    expect(html).toMatch(/role="img" aria-label="Stacked bar chart of coverage for 2 framework branches: 5 competencies directly assessed, 1 by soft evidence only, 2 not assessed\. Gaps in Safety › Hazards \(2\)\./);
    for (const label of ["Directly assessed", "Soft evidence only", "Not assessed"]) expect(html).toContain(label);
    expect(html).toContain("<summary>Show the numbers as a table</summary>");
    expect(html).toContain("<caption>Coverage by framework branch</caption>");
    expect(html).toContain('<th scope="col">Branch</th><th scope="col">Directly assessed</th><th scope="col">Soft evidence only</th><th scope="col">Not assessed</th><th scope="col">Gaps</th>');
    expect(html).toContain('<th scope="row">Safety › Hazards</th><td>3</td><td>1</td><td>2</td><td>2</td>');
    expect(html).toContain('<th scope="row">No branch</th><td>2</td><td>0</td><td>0</td><td>0</td>');
    // The chart box has its final size before recharts draws into it (no layout shift on hydration).
    expect(html).toMatch(/class="coverage-chart__plot"[^>]*style="width:640px;height:\d+px"/);
  });

  it("charts at most 25 branches and says so, while the table lists them all", () => {
    const branches = Array.from({ length: 30 }, (_, i) => branch(`Branch ${i}`, 2, 0, i % 3, i % 3));
    const html = render({ summary: summary({ branches }) });
    expect(html).toContain("The chart shows the 25 of 30 branches with the most gaps");
    expect(html.match(/<th scope="row">/g)).toHaveLength(30);
  });

  it("draws no chart for a specification without competencies", () => {
    const html = render({ summary: summary({ branches: [], essential: tally(0, 0, 0), optional: tally(0, 0, 0), gaps: 0, softOnly: 0, complete: true }) });
    expect(html).toContain("0 of 0 essential competencies directly assessed");
    expect(html).not.toContain("<table");
    expect(html).not.toContain('role="img"');
  });

  it("reads in French, with French plurals and numbers (issue #20)", () => {
    const html = render({ summary: summary({ essential: tally(1200, 1, 2), gaps: 1 }) }, "fr");
    expect(html).toContain("Couverture de l’évaluation</h3>");
    expect(html).toMatch(/1\s200 compétences essentielles sur 1\s203 évaluées directement/);
    expect(html).toMatch(/3 compétences facultatives\s: 1 évaluée directement/);
    expect(html).toContain("1 compétence n’a aucune évaluation directe</a>");
    expect(html).toContain('<th scope="row">Sans branche</th>');
    expect(html).not.toMatch(/coverage\.|competenc(y|ies)/);
  });
});
