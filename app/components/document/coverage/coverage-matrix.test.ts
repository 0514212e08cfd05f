import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { EditingContext } from "~/components/document/document-sections";
import { CoverageMatrixField } from "~/components/document/coverage/CoverageMatrix";
import { kindIndex } from "~/modules/documents/kinds/registry";
import { addRow, readFields, setCoverage, type CoverageFieldDef, type ProjectedCompetency } from "~/modules/documents/model";
import { useLiveCoverage } from "~/components/document/coverage/use-coverage";
import { i18nFor } from "~/modules/i18n/i18n";

/**
 * The matrix's first paint (server render: no effects, no Y.Doc unless given): what it says, and
 * that 3,000 × 60 renders a window of cells, not all of them. Keyboard and live updates need a
 * browser: the e2e test covers them.
 */

const COMPETENCIES: ProjectedCompetency[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `c${i}`,
  code: `C.${i}`,
  title: `Competency ${i}`,
  framework: null,
  level: null,
  essential: i % 3 !== 0,
  branch: `Branch ${Math.floor(i / 100)}`,
}));

const FIELD = kindIndex("assessment_plan").fields.find((f): f is CoverageFieldDef => f.type === "coverage")!;

function editing(change: Partial<EditingContext>): EditingContext {
  return {
    kind: "assessment_plan",
    session: null,
    editable: true,
    canComment: false,
    fields: {},
    issuesByPath: new Map(),
    fieldContext: {} as EditingContext["fieldContext"],
    linkedCompetencies: COMPETENCIES,
    linkedKeyFields: undefined,
    liveCoverage: null,
    withheld: {},
    visitorsAt: () => [],
    announce: () => {},
    firstPaint: {},
    ...change,
  };
}

/** The matrix as the page gives it its live coverage (use-live-document.ts). */
function Page({ context }: { context: EditingContext }) {
  const liveCoverage = useLiveCoverage({ kind: "assessment_plan", ydoc: context.session?.ydoc ?? null, fields: context.fields, competencies: context.linkedCompetencies, linkedKeyFields: undefined });
  return createElement(CoverageMatrixField, { field: FIELD, editing: { ...context, liveCoverage } });
}

const render = (context: EditingContext) => renderToString(createElement(I18nextProvider, { i18n: i18nFor("en") }, createElement(Page, { context })));
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe("CoverageMatrixField (first paint)", () => {
  it("reads the stored JSON before the Y.Doc exists", () => {
    const html = render(
      editing({
        fields: {
          assessments: [
            { id: "a1", name: "Site observation", method: "observation" },
            { id: "a2", name: "Log book", method: "logbook_signoff" },
          ],
          coverage: { "a1|c1": true, "a2|c2": true },
        },
      }),
    );
    expect(html).toContain("1 of 2,000 essential competencies directly assessed");
    expect(html).toContain("1,998 competencies have no direct assessment");
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-colcount="3"');
    expect(html).toContain("Site observation assesses C.1");
    expect(html).toContain('aria-label="Select C.1"');
    expect(html).toContain('aria-label="Select branch Branch 0"');
    expect(html).toContain("Map 0 competencies");
    expect(html).toContain("Soft evidence only");
  });

  it("renders a window of a 3,000 × 60 matrix from the live document", () => {
    const ydoc = new Y.Doc();
    const ids = Array.from({ length: 60 }, (_, i) => addRow(ydoc, "assessment_plan", "assessments", { name: `Assessment ${i}`, method: "observation" }));
    setCoverage(ydoc, "assessment_plan", "coverage", ids[0]!, COMPETENCIES.map((c) => c.id), true);
    const html = render(editing({ session: { ydoc } as unknown as EditingContext["session"], fields: readFields(ydoc) }));
    expect(html).toContain("2,000 of 2,000 essential competencies directly assessed");
    expect(html).toContain('aria-rowcount="3031"');
    expect(html).toContain('aria-colcount="61"');
    // A screenful plus overscan on each axis, not 180,000 cells.
    expect(count(html, /role="gridcell"/g)).toBeLessThan(300);
    expect(count(html, /role="gridcell"/g)).toBeGreaterThan(0);
  });

  it("is read-only for readers", () => {
    const html = render(editing({ editable: false, fields: { assessments: [{ id: "a1", name: "Exam", method: "written_examination" }], coverage: {} } }));
    expect(html).not.toContain("Select all shown");
    expect(html).toContain('aria-readonly="true"');
  });

  it("says what is missing", () => {
    expect(render(editing({ linkedCompetencies: undefined }))).toContain("Link a credential specification to see its competencies here.");
    expect(render(editing({ linkedCompetencies: [] }))).toContain("Link a credential specification to see its competencies here.");
    expect(render(editing({ fields: { coverage: {} } }))).toContain("Add an assessment above to start mapping.");
    // A big plan's page carries no cells: they come with the first sync.
    expect(render(editing({ fields: { assessments: [{ id: "a1", name: "Exam", method: "written_examination" }] } }))).toContain("Loading the coverage matrix…");
  });
});
