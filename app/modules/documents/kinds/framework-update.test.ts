import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPickedCompetencies, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import { applyFrameworkUpdate, referencesFrameworkVersion } from "~/modules/documents/kinds/framework-update";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import { addRow, readFields, setValue } from "~/modules/documents/model/ydoc";

const kind = "credential_spec" as const;

function spec(): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate(kind));
  return ydoc;
}

const picked = (frameworkId: string, competencyId: string, code: string, statement: string, framework = "Climate (1.0)"): PickedCompetency => ({
  frameworkId,
  framework,
  competencyId,
  code,
  statement,
  uri: `https://example.org/c/${code}`,
  branch: "A Adaptation",
});

const rows = (ydoc: Y.Doc) => readFields(ydoc).competencies as Array<Record<string, unknown>>;

describe("applyFrameworkUpdate", () => {
  it("moves every row of the old version to the new one in one transaction, keeping the credential's own cells", () => {
    const ydoc = spec();
    const [kept, reworded, removed] = addPickedCompetencies(
      ydoc,
      [picked("v1", "c1", "A.1", "Assess risk"), picked("v1", "c2", "A.2", "Plan adaptation"), picked("v1", "c3", "A.3", "Monitor outcomes")],
      { essential: true },
    );
    addRow(ydoc, kind, "competencies", { source: "custom", code: "X.1", title: "Our own", level: "2" });
    addPickedCompetencies(ydoc, [picked("other", "o1", "B.1", "Another framework's")]);
    setValue(ydoc, kind, `competencies.${reworded}.level`, "Level 3");
    setValue(ydoc, kind, `competencies.${reworded}.outcome`, "Writes a plan");
    setValue(ydoc, kind, `competencies.${kept}.essential`, false);
    const otherBefore = rows(ydoc)[4];

    let transactions = 0;
    ydoc.on("afterTransaction", () => (transactions += 1));
    const result = applyFrameworkUpdate(ydoc, {
      fromFrameworkId: "v1",
      replacements: [
        { fromCompetencyId: "c1", to: picked("v2", "n1", "A.1", "Assess risk", "Climate (2.0)") },
        { fromCompetencyId: "c2", to: picked("v2", "n2", "A.2", "Plan adaptation measures", "Climate (2.0)") },
        { fromCompetencyId: "c3", to: null },
      ],
    });

    expect(transactions).toBe(1);
    expect(result).toEqual({ updated: 2, madeCustom: 1 });
    const after = rows(ydoc);
    const byId = new Map(after.map((row) => [row.id, row]));
    expect(byId.get(kept)).toMatchObject({ source: "framework", frameworkId: "v2", competencyId: "n1", framework: "Climate (2.0)", essential: false });
    expect(byId.get(reworded)).toMatchObject({
      source: "framework",
      frameworkId: "v2",
      competencyId: "n2",
      title: "Plan adaptation measures",
      code: "A.2",
      level: "Level 3",
      outcome: "Writes a plan",
      essential: true,
    });
    // Removed in the new version: a custom competency with every word it had.
    const custom = byId.get(removed)!;
    expect(custom).toMatchObject({ source: "custom", code: "A.3", title: "Monitor outcomes", uri: "https://example.org/c/A.3", essential: true });
    expect(custom).not.toHaveProperty("frameworkId");
    expect(custom).not.toHaveProperty("competencyId");
    // Rows of other frameworks and custom rows are untouched.
    expect(after[3]).toMatchObject({ source: "custom", code: "X.1", title: "Our own" });
    expect(after[4]).toEqual(otherBefore);
    expect(referencesFrameworkVersion(readFields(ydoc), "v1")).toBe(false);
    expect(referencesFrameworkVersion(readFields(ydoc), "v2")).toBe(true);
  });

  it("leaves a row the update does not list (picked after it was computed) on its version", () => {
    const ydoc = spec();
    const [listed, unlisted] = addPickedCompetencies(ydoc, [picked("v1", "c1", "A.1", "Assess risk"), picked("v1", "c9", "A.9", "Picked later")]);
    const result = applyFrameworkUpdate(ydoc, { fromFrameworkId: "v1", replacements: [{ fromCompetencyId: "c1", to: picked("v2", "n1", "A.1", "Assess risk") }] });
    expect(result).toEqual({ updated: 1, madeCustom: 0 });
    const byId = new Map(rows(ydoc).map((row) => [row.id, row]));
    expect(byId.get(listed)).toMatchObject({ frameworkId: "v2" });
    expect(byId.get(unlisted)).toMatchObject({ frameworkId: "v1", competencyId: "c9" });
    expect(referencesFrameworkVersion(readFields(ydoc), "v1")).toBe(true);
  });

  it("writes nothing when no row references the old version", () => {
    const ydoc = spec();
    addPickedCompetencies(ydoc, [picked("other", "o1", "B.1", "Another")]);
    let updates = 0;
    ydoc.on("update", () => (updates += 1));
    expect(applyFrameworkUpdate(ydoc, { fromFrameworkId: "v1", replacements: [{ fromCompetencyId: "o1", to: null }] })).toEqual({ updated: 0, madeCustom: 0 });
    expect(updates).toBe(0);
  });
});
