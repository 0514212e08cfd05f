import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoCredentialSpec } from "~/modules/documents/kinds/demo";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { projectDocument } from "~/modules/documents/model/projection";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import { setValue } from "~/modules/documents/model/ydoc";

describe("projectDocument", () => {
  it("projects the title, key fields and competencies of a specification", () => {
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    const projection = projectDocument(canonicalDocument(ydoc, "credential_spec"));
    expect(projection.title).toBe("Climate Adaptation Practitioner");
    expect(projection.keyFields).toMatchObject({ shortCode: "CAP-101", learningHours: 150, costCad: 1450, learningMode: "hybrid", languages: ["en"] });
    expect(Object.keys(projection.keyFields)).toContain("occupations");
    expect(projection.competencies).toHaveLength(8);
    expect(projection.competencies[0]).toEqual({
      id: "cap-c01",
      code: "CAP.1.1",
      title: "Interpret climate projections and downscaled climate data for a site or asset",
      framework: "Climate Adaptation Practitioner Competency Framework (1.0)",
      level: "Level 3 — Proficient",
      essential: true,
      branch: "CAP.1 Climate information and projections",
    });
    expect(projection.completeness.percent).toBe(100);
    expect(projection.validationErrors).toEqual([]);
  });

  it("carries invalid values into validationErrors, keeps them in keyFields, and has no warnings", () => {
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    setValue(ydoc, "credential_spec", "learningHours", "150 h");
    setValue(ydoc, "credential_spec", "evidenceReviewDate", "2020-01-01");
    const projection = projectDocument(canonicalDocument(ydoc, "credential_spec"), "credential_spec", { today: "2026-11-28" } as never);
    expect(projection.keyFields.learningHours).toBe("150 h");
    expect(projection.validationErrors.map((i) => i.path)).toEqual(["learningHours"]);
  });

  it("gives an empty title for a blank document and refuses another kind", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, newDocumentFromTemplate("wbl_agreement"));
    const canonical = canonicalDocument(ydoc, "wbl_agreement");
    expect(projectDocument(canonical).title).toBe("");
    expect(projectDocument(canonical).competencies).toEqual([]);
    expect(() => projectDocument(canonical, "credential_spec")).toThrow();
  });
});
