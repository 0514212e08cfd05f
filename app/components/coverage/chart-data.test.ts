import { describe, expect, it } from "vitest";
import {
  AXIS_LABEL_MAX,
  branchChart,
  branchLabel,
  CHART_BRANCH_LIMIT,
  chartAriaLabel,
  chartHeight,
  COVERAGE_SERIES,
  gapsHref,
  omittedNote,
  optionalMessage,
  rowTitle,
  seriesFill,
  shortenLabel,
} from "~/components/coverage/chart-data";
import type { BranchCoverage } from "~/modules/coverage/rules";

function branch(name: string | null, counts: Partial<Omit<BranchCoverage, "branch" | "total">> = {}): BranchCoverage {
  const direct = counts.direct ?? 0;
  const softOnly = counts.softOnly ?? 0;
  const none = counts.none ?? 0;
  return { branch: name, direct, softOnly, none, gaps: counts.gaps ?? 0, total: direct + softOnly + none };
}

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe("coverage series", () => {
  it("are stacked direct, soft only, none, with labels matching the table's columns", () => {
    expect(COVERAGE_SERIES.map((s) => [s.key, s.label])).toEqual([
      ["direct", "Directly assessed"],
      ["softOnly", "Soft evidence only"],
      ["none", "Not assessed"],
    ]);
  });

  it("have colours with at least 3:1 contrast against white (WCAG 1.4.11)", () => {
    for (const series of COVERAGE_SERIES) expect(contrastWithWhite(series.color)).toBeGreaterThanOrEqual(3);
  });

  it("differ without colour: distinct fills, the two warning series patterned", () => {
    const fills = COVERAGE_SERIES.map((s) => seriesFill(s, "p"));
    expect(new Set(fills).size).toBe(3);
    expect(fills).toEqual(["#1f5f8b", "url(#p-softOnly)", "url(#p-none)"]);
    expect(new Set(COVERAGE_SERIES.map((s) => s.pattern)).size).toBe(3);
  });
});

describe("branchChart", () => {
  it("keeps every branch in framework order, labelling the null branch", () => {
    const chart = branchChart([branch("Safety", { direct: 2, none: 1, gaps: 1 }), branch(null, { softOnly: 1 })]);
    expect(chart.omitted).toBe(0);
    expect(chart.branchCount).toBe(2);
    expect(chart.rows).toEqual([
      { key: "0", label: "Safety", axisLabel: "Safety", total: 3, direct: 2, softOnly: 0, none: 1, gaps: 1 },
      { key: "1", label: "No branch", axisLabel: "No branch", total: 1, direct: 0, softOnly: 1, none: 0, gaps: 0 },
    ]);
    expect(branchLabel("  ")).toBe("No branch");
  });

  it("gives two branches with the same name their own bars", () => {
    const chart = branchChart([branch("Tools", { direct: 1 }), branch("Tools", { none: 1 })]);
    expect(chart.rows.map((row) => row.key)).toEqual(["0", "1"]);
  });

  it("past the limit, charts the branches with most gaps, then most not assessed, in framework order", () => {
    const branches = Array.from({ length: 30 }, (_, i) => branch(`B${i}`, { direct: 5 }));
    branches[29] = branch("B29", { none: 4, gaps: 4 });
    branches[3] = branch("B3", { none: 1, gaps: 1 });
    branches[10] = branch("B10", { none: 3 });
    branches[20] = branch("B20", { softOnly: 2 });
    const chart = branchChart(branches);
    expect(chart.rows).toHaveLength(CHART_BRANCH_LIMIT);
    expect(chart.omitted).toBe(5);
    expect(chart.branchCount).toBe(30);
    const labels = chart.rows.map((row) => row.label);
    expect(labels).toEqual(expect.arrayContaining(["B29", "B3", "B10", "B20"]));
    // Ties keep the framework's first branches; drawn in framework order.
    expect(labels.slice(0, 4)).toEqual(["B0", "B1", "B2", "B3"]);
    expect(labels.at(-1)).toBe("B29");
    expect(chart.rows.map((row) => Number(row.key))).toEqual([...chart.rows.map((row) => Number(row.key))].sort((a, b) => a - b));
    expect(omittedNote(chart)).toBe("The chart shows the 25 of 30 branches with the most gaps and competencies not assessed; the table lists all of them.");
  });

  it("says nothing about omitted branches when all fit", () => {
    expect(omittedNote(branchChart([branch("A")]))).toBeNull();
  });
});

describe("labels", () => {
  it("shortens long axis labels, keeping the full name for the tooltip", () => {
    const long = "Safety › Hazard identification › Confined spaces and permits";
    expect(shortenLabel("Short")).toBe("Short");
    const short = shortenLabel(long);
    expect(short).toHaveLength(AXIS_LABEL_MAX);
    expect(short.endsWith("…")).toBe(true);
    const [row] = branchChart([branch(long, { none: 2, gaps: 2 })]).rows;
    expect(row!.axisLabel).toBe(short);
    expect(rowTitle(row!)).toBe(`${long} (2 gaps)`);
    expect(rowTitle({ ...row!, gaps: 1 })).toBe(`${long} (1 gap)`);
    expect(rowTitle({ ...row!, gaps: 0 })).toBe(long);
  });

  it("summarises the chart for its aria-label: totals and where the gaps are", () => {
    const chart = branchChart([branch("Safety", { direct: 3, softOnly: 1, none: 2, gaps: 2 }), branch(null, { direct: 1 })]);
    expect(chartAriaLabel(chart)).toBe(
      "Stacked bar chart of coverage for 2 framework branches: 4 competencies directly assessed, 1 by soft evidence only, 2 not assessed. Gaps in Safety (2). The numbers are in the table that follows.",
    );
    expect(chartAriaLabel(branchChart([branch("A", { direct: 1 })]))).toBe(
      "Stacked bar chart of coverage for 1 framework branch: 1 competency directly assessed, 0 by soft evidence only, 0 not assessed. No branch has gaps. The numbers are in the table that follows.",
    );
  });

  it("names at most five branches with gaps and says when the chart leaves branches out", () => {
    const branches = Array.from({ length: 27 }, (_, i) => branch(`B${i}`, { none: 1, gaps: 1 }));
    const label = chartAriaLabel(branchChart(branches));
    expect(label).toContain("for 25 of 27 framework branches");
    expect(label).toContain("Gaps in B0 (1), B1 (1), B2 (1), B3 (1), B4 (1) and 20 others.");
  });

  it("reports optional competencies, or nothing when there are none", () => {
    expect(optionalMessage({ total: 3, direct: 1, softOnly: 1, none: 1 })).toBe("3 optional competencies: 1 directly assessed");
    expect(optionalMessage({ total: 1, direct: 0, softOnly: 0, none: 1 })).toBe("1 optional competency: 0 directly assessed");
    expect(optionalMessage({ total: 0, direct: 0, softOnly: 0, none: 0 })).toBeNull();
  });

  it("links gaps to the matrix, or to this page, filtered and scrolled to coverage", () => {
    expect(gapsHref("/documents/d1/matrix")).toBe("/documents/d1/matrix?edit&coverage=gaps#section-coverage");
    expect(gapsHref("/documents/d1?tab=plan")).toBe("/documents/d1?tab=plan&edit&coverage=gaps#section-coverage");
    expect(gapsHref(undefined)).toBe("?edit&coverage=gaps#section-coverage");
  });

  it("sizes the chart from its number of bars alone", () => {
    expect(chartHeight(10)).toBeGreaterThan(chartHeight(2));
    expect(chartHeight(0)).toBe(chartHeight(1));
  });
});
