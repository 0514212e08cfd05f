import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoCredentialSpec } from "~/modules/documents/kinds/demo";
import { canonicalDocument, canonicalFrom } from "~/modules/documents/model/canonical";
import { completeness } from "~/modules/documents/model/completeness";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import { setValue, writeText } from "~/modules/documents/model/ydoc";

function blank(kind: "credential_spec" | "assessment_plan" | "wbl_agreement") {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate(kind));
  return ydoc;
}

describe("completeness", () => {
  it("lists every required item of a blank document with its section and anchor, in document order", () => {
    const report = completeness("credential_spec", canonicalDocument(blank("credential_spec"), "credential_spec"));
    const paths = report.missing.map((m) => m.path);
    expect(paths.slice(0, 4)).toEqual(["title", "shortCode", "summary", "languages"]);
    expect(paths).toContain("text:purpose");
    expect(paths).not.toContain("version"); // the template fills it in
    expect(paths).not.toContain("cohortStarts"); // only required for a cohort schedule
    expect(paths).not.toContain("assessmentOnlyFeeCad"); // only when the route is offered
    const purpose = report.missing.find((m) => m.path === "text:purpose");
    expect(purpose).toMatchObject({ sectionKey: "purpose", label: "Who it is for and what holders can do", anchor: "field-text-purpose", message: "Write this section." });
    expect(report.missing.find((m) => m.path === "languages")?.message).toBe("Choose at least one.");
    expect(report.missing.find((m) => m.path === "competencies")?.message).toBe("Add a competency.");
    expect(report.percent).toBeLessThan(10);
    expect(report.filled + report.missing.length).toBe(report.required);
  });

  it("a stack lists approved module specifications, not free-text modules: the Modules rows are not asked of it", () => {
    const standalone = completeness("credential_spec", canonicalDocument(blank("credential_spec"), "credential_spec"));
    expect(standalone.missing.map((m) => m.path)).toContain("modules");
    const ydoc = blank("credential_spec");
    setValue(ydoc, "credential_spec", "credentialKind", "stack");
    const stack = completeness("credential_spec", canonicalDocument(ydoc, "credential_spec"));
    expect(stack.missing.map((m) => m.path)).not.toContain("modules");
  });

  it("requires the French title and short description only when the credential is published in both languages", () => {
    const ydoc = blank("credential_spec");
    expect(completeness("credential_spec", canonicalDocument(ydoc, "credential_spec")).missing.map((m) => m.path)).not.toContain("titleFr");
    setValue(ydoc, "credential_spec", "bilingual", true);
    expect(completeness("credential_spec", canonicalDocument(ydoc, "credential_spec")).missing.map((m) => m.path)).toEqual(expect.arrayContaining(["titleFr", "summaryFr"]));
  });

  it("requires the fields a condition reveals, and the required cells of each row", () => {
    const ydoc = blank("credential_spec");
    setValue(ydoc, "credential_spec", "schedule", "cohort");
    setValue(ydoc, "credential_spec", "assessmentOnlyRoute", true);
    const report = completeness("credential_spec", canonicalDocument(ydoc, "credential_spec"));
    expect(report.missing.map((m) => m.path)).toEqual(expect.arrayContaining(["cohortStarts", "assessmentOnlyFeeCad"]));

    const withRow = canonicalFrom("credential_spec", { laddersInto: [{ id: "l1", program: "MSc", transcriptable: true }] }, {});
    const ladder = completeness("credential_spec", withRow).missing.filter((m) => m.fieldKey === "laddersInto");
    expect(ladder.map((m) => [m.cellKey, m.label])).toEqual([
      ["institution", "Programs it ladders into › MSc › Institution"],
      ["creditGranted", "Programs it ladders into › MSc › Credit granted"],
    ]);
  });

  it("counts false as an answer and a filled rich-text block as done", () => {
    const ydoc = blank("credential_spec");
    setValue(ydoc, "credential_spec", "rplAvailable", false);
    writeText(ydoc, "purpose", markdownToDoc("For practitioners."));
    const paths = completeness("credential_spec", canonicalDocument(ydoc, "credential_spec")).missing.map((m) => m.path);
    expect(paths).not.toContain("rplAvailable");
    expect(paths).not.toContain("text:purpose");
  });

  it("asks for the minimum number of rows and the kind's own checks", () => {
    const canonical = canonicalFrom("wbl_agreement", { parties: [{ id: "p1", organization: "Northwind Energy", role: "employer", contactName: "M", contactEmail: "m@example.org" }] }, {});
    const messages = completeness("wbl_agreement", canonical).missing.filter((m) => m.fieldKey === "parties").map((m) => m.message);
    expect(messages).toEqual(["Add at least 2 entries (1 so far).", "Add at least one institution as a party."]);
  });

  it("reaches 100% on the demo specification", () => {
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    const report = completeness("credential_spec", canonicalDocument(ydoc, "credential_spec"));
    expect(report.missing).toEqual([]);
    expect(report.percent).toBe(100);
  });

  it("refuses a canonical form of another kind", () => {
    expect(() => completeness("wbl_agreement", canonicalDocument(blank("credential_spec"), "credential_spec"))).toThrow();
  });
});
