import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoAssessmentPlan, fillDemoCredentialSpec, fillDemoWblAgreement } from "~/modules/documents/kinds/demo/index";
import { readFields, readText } from "~/modules/documents/model/ydoc";
import { documentSummary, openingParagraphs, openingParagraphsFromHtml, SUMMARY_TEXT, type DocumentSummary, type SummaryBlock } from "~/modules/documents/summary";
import type { DocumentKind } from "~/modules/documents/model";

function summaryOf(ydoc: Y.Doc, kind: DocumentKind): DocumentSummary {
  return documentSummary(kind, readFields(ydoc), openingParagraphs(readText(ydoc, SUMMARY_TEXT[kind].key)));
}

function block<T extends SummaryBlock["type"]>(summary: DocumentSummary, type: T, heading?: string): Extract<SummaryBlock, { type: T }> {
  const found = summary.blocks.find((b) => b.type === type && (heading === undefined || (b.type === "table" ? b.table.heading : b.heading) === heading));
  if (!found) throw new Error(`no ${type} block ${heading ?? ""}`);
  return found as Extract<SummaryBlock, { type: T }>;
}

function factValues(summary: DocumentSummary, heading: string): Record<string, unknown> {
  return Object.fromEntries(block(summary, "facts", heading).facts.map((f) => [f.label, f.value]));
}

describe("documentSummary", () => {
  const spec = new Y.Doc();
  const competencies = fillDemoCredentialSpec(spec);
  const plan = new Y.Doc();
  fillDemoAssessmentPlan(plan, competencies);
  const wbl = new Y.Doc();
  fillDemoWblAgreement(wbl);

  it("opens the demo specification with its purpose, key facts, occupations and dates", () => {
    const summary = summaryOf(spec, "credential_spec");
    expect(summary.introLabel).toBe("Purpose");
    // The first two paragraphs; the list of what holders can do is left for the full text.
    expect(summary.intro).toHaveLength(2);
    expect(summary.intro[0]).toMatch(/^The Climate Adaptation Practitioner micro-credential is for people who already look after infrastructure/);
    expect(summary.intro[1]).toBe("Holders can:");
    const glance = factValues(summary, "At a glance");
    expect(glance).toMatchObject({ "Learning hours": 150, "Cost to the learner": 1450, "Qualification framework": "oqf", "Framework level": 8, "Learning mode": "hybrid" });
    const occupations = block(summary, "table", "Target occupations").table;
    expect(occupations.rows.map((r) => r.cells.code)).toEqual(["41400", "21202", "21300", "21310", "22300"]);
    expect(block(summary, "table", "Dates").table.columns.map((c) => c.key)).toEqual(["startDate", "seats", "location"]);
    expect(block(summary, "table", "Labour-market evidence").table.rows[0]?.cells.source).toBe("Northwind Energy workforce plan 2026–2030");
    expect(summary.blocks.some((b) => b.type === "coverage")).toBe(true);
  });

  it("groups the specification's competencies by framework branch, with counts", () => {
    const { total, groups } = block(summaryOf(spec, "credential_spec"), "competencies");
    expect(total).toBe(competencies.length);
    expect(groups.map((g) => g.name)).toEqual([
      "CAP.1 Climate information and projections",
      "CAP.2 Climate risk and vulnerability assessment",
      "CAP.3 Hazard and impact analysis",
      "CAP.4 Adaptation planning and integration",
      "CAP.5 Communication, engagement and evaluation",
    ]);
    expect(groups.reduce((n, g) => n + g.competencies.length, 0)).toBe(competencies.length);
    expect(groups[0]?.competencies[0]).toMatchObject({ code: "CAP.1.1", title: "Interpret climate projections and downscaled climate data for a site or asset" });
    for (const group of groups) expect(group.essential).toBe(group.competencies.filter((c) => c.essential).length);
  });

  it("follows a change to the fields: a custom competency gets its own group, last", () => {
    const fields = readFields(spec);
    const rows = [...(fields.competencies as object[]), { id: "x1", source: "custom", code: "OWN.1", title: "Our own", essential: false }];
    const { groups, total } = block(documentSummary("credential_spec", { ...fields, competencies: rows as never, learningHours: 180 }, []), "competencies");
    expect(total).toBe(competencies.length + 1);
    expect(groups.at(-1)).toEqual({ name: "Custom competencies", essential: 0, competencies: [{ id: "x1", code: "OWN.1", title: "Our own", essential: false }] });
    expect(factValues(documentSummary("credential_spec", { ...fields, learningHours: 180 }, []), "At a glance")["Learning hours"]).toBe(180);
  });

  it("sums up the demo assessment plan: its specification, each assessment with direct or soft evidence, coverage", () => {
    const summary = summaryOf(plan, "assessment_plan");
    expect(summary.introLabel).toBe("Approach to assessment");
    expect(summary.intro.length).toBeGreaterThan(0);
    expect(factValues(summary, "At a glance").Specification).toBe("demo-doc-spec");
    const assessments = block(summary, "table", "Assessments").table;
    expect(assessments.rows.map((r) => [r.cells.name, r.cells.method, r.cells.setting, r.evidence])).toContainEqual(["Site observation at Northwind Energy", "observation", "workplace", "direct"]);
    expect(assessments.rows.find((r) => r.cells.method === "logbook_signoff")?.evidence).toBe("soft");
    expect(summary.blocks.map((b) => b.type)).toContain("coverage");
  });

  it("sums up the demo agreement: parties, role and site, dates and hours, competencies at work, supervision", () => {
    const summary = summaryOf(wbl, "wbl_agreement");
    expect(block(summary, "table", "Parties").table.rows.map((r) => r.cells.organization)).toEqual(expect.arrayContaining(["Northwind Energy", "Lakeshore College"]));
    expect(factValues(summary, "Role and site")).toMatchObject({ "Workplace role": "Climate adaptation analyst (placement)", Learner: null });
    expect(factValues(summary, "Dates and hours")).toMatchObject({ "Start date": "2027-02-03", "End date": "2027-04-21", "Hours per week": 6, "Total hours of the placement": 60 });
    expect(block(summary, "table", "Competencies evidenced at work").table.rows.length).toBeGreaterThan(0);
    expect(factValues(summary, "Supervision")["Workplace supervisor"]).toBe("Samuel Kwan, P.Eng.");
  });

  it("an empty document has empty facts and tables, not errors", () => {
    const summary = documentSummary("wbl_agreement", {}, []);
    expect(block(summary, "table", "Parties").table.rows).toEqual([]);
    expect(factValues(summary, "Dates and hours")["Start date"]).toBeNull();
  });
});

describe("opening paragraphs", () => {
  it("reads the same paragraphs from the server's first-paint HTML", () => {
    const html = '<h2>Why</h2><p>One &amp; <strong>two</strong></p><ul><li><p>a list</p></li></ul><p></p><p>Three<br>four</p><p>Five</p>';
    expect(openingParagraphsFromHtml(html)).toEqual(["One & two", "Three four"]);
    expect(
      openingParagraphs({
        type: "doc",
        content: [
          { type: "heading", content: [{ type: "text", text: "Why" }] },
          { type: "paragraph", content: [{ type: "text", text: "One & " }, { type: "text", text: "two" }] },
          { type: "bulletList", content: [] },
          { type: "paragraph" },
          { type: "paragraph", content: [{ type: "text", text: "Three" }, { type: "hardBreak" }, { type: "text", text: "four" }] },
        ],
      }),
    ).toEqual(["One & two", "Three four"]);
  });
});

describe("in French", () => {
  it("takes the French field labels and the words it is given", async () => {
    const { localizedKindDefinition } = await import("~/modules/i18n/kind-text");
    const { translator } = await import("~/modules/i18n/i18n");
    const t = translator("fr");
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    const summary = documentSummary("credential_spec", readFields(ydoc), [], localizedKindDefinition("credential_spec", "fr"), {
      word: (key) => t(`documents.summary.words.${key}`),
      nothingYet: (_key, item) => t("documents.sections.noRows", { noun: item, gender: "feminine" }),
    });
    expect(summary.introLabel).toBe("Objet");
    const glance = summary.blocks[0]!;
    expect(glance.type === "facts" && glance.heading).toBe("En bref");
    expect(glance.type === "facts" && glance.facts.map((f) => f.label)).toContain("Coût pour la personne apprenante");
    expect(glance.type === "facts" && glance.facts.find((f) => f.key === "jurisdiction")?.label).toBe("Territoire visé");
  });
});
