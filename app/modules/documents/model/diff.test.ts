import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoCredentialSpec } from "~/modules/documents/kinds/demo";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { diffCanonical } from "~/modules/documents/model/diff";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { addRow, moveRow, removeRow, setValue, writeText } from "~/modules/documents/model/ydoc";

const kind = "credential_spec" as const;

function demo(): Y.Doc {
  const ydoc = new Y.Doc();
  fillDemoCredentialSpec(ydoc);
  return ydoc;
}

describe("diffCanonical", () => {
  it("finds nothing between two versions with the same content", () => {
    const a = canonicalDocument(demo(), kind);
    const b = canonicalDocument(demo(), kind);
    expect(diffCanonical(a, b)).toEqual({ identical: true, fields: [], text: [] });
  });

  it("reports added, removed and changed fields with labels and previous values", () => {
    const ydoc = demo();
    const before = canonicalDocument(ydoc, kind);
    setValue(ydoc, kind, "costCad", 1595);
    setValue(ydoc, kind, "webpage", null);
    setValue(ydoc, kind, "languages", ["en", "fr"]);
    setValue(ydoc, kind, "creditValue", null);
    setValue(ydoc, kind, "creditValue", 3);
    const diff = diffCanonical(before, canonicalDocument(ydoc, kind));
    expect(diff.identical).toBe(false);
    expect(diff.fields.map((c) => [c.path, c.change, c.before, c.after])).toEqual([
      ["languages", "changed", ["en"], ["en", "fr"]],
      ["webpage", "removed", "https://lakeshorecollege.example/micro-credentials/climate-adaptation-practitioner", null],
      ["costCad", "changed", 1450, 1595],
    ]);
    expect(diff.fields[2]).toMatchObject({ label: "Cost to the learner (CAD)", sectionKey: "delivery", anchor: "field-costCad" });
  });

  it("reports rows added and removed, cells changed, and a reorder", () => {
    const ydoc = demo();
    const before = canonicalDocument(ydoc, kind);
    addRow(ydoc, kind, "competencies", { code: "CAP-D2", title: "Lead adaptation teams" }, { id: "new1" });
    removeRow(ydoc, kind, "competencies", "cap-c08");
    setValue(ydoc, kind, "competencies.cap-c01.level", "Level 4 — Advanced");
    moveRow(ydoc, kind, "modules", "cap-m4", 0);
    const diff = diffCanonical(before, canonicalDocument(ydoc, kind));
    expect(diff.fields.map((c) => [c.path, c.change])).toEqual([
      ["competencies.cap-c01.level", "changed"],
      ["competencies.new1", "added"],
      ["competencies.cap-c08", "removed"],
      ["modules", "reordered"],
    ]);
    expect(diff.fields[0]?.label).toBe("Competencies › CAP.1.1 Interpret climate projections and downscaled… › Proficiency level");
    expect(diff.fields[2]?.label).toBe("Competencies › CAP.5.3 Monitor and evaluate adaptation outcomes");
    expect(diff.fields[3]).toMatchObject({ before: ["cap-m1", "cap-m2", "cap-m3", "cap-m4"], after: ["cap-m4", "cap-m1", "cap-m2", "cap-m3"] });
  });

  it("diffs rich text per block, word by word, and notices formatting-only changes", () => {
    const ydoc = demo();
    const before = canonicalDocument(ydoc, kind);
    writeText(ydoc, "appeals", markdownToDoc("A learner may appeal within **twenty** working days."));
    writeText(ydoc, "labour_market_summary", markdownToDoc(before.text.labour_market_summary!.plain.replace("Demand is rising", "**Demand is rising**")));
    const diff = diffCanonical(before, canonicalDocument(ydoc, kind));
    expect(diff.text.map((t) => [t.path, t.change, t.formattingOnly])).toEqual([
      ["text:labour_market_summary", "changed", true],
      ["text:appeals", "changed", false],
    ]);
    expect(diff.text[1]).toMatchObject({ sectionKey: "quality", label: "Appeal process", anchor: "field-text-appeals" });
    expect(diff.text[1]!.ops.some((op) => op.op === "insert" && op.text === "twenty")).toBe(true);
  });

  it("refuses to diff two kinds", () => {
    const plan = new Y.Doc();
    expect(() => diffCanonical(canonicalDocument(demo(), kind), canonicalDocument(plan, "assessment_plan"))).toThrow();
  });
});
