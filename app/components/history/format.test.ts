import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, canonicalDocument, diffCanonical, newDocumentFromTemplate, setValue, writeText } from "~/modules/documents/model";
import { EMPTY, fieldOfChange, formatValue, groupBySection, summarize } from "~/components/history/format";

const TEMPLATE = newDocumentFromTemplate("credential_spec", { title: "Climate Adaptation Practitioner" });

function spec() {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, TEMPLATE);
  return ydoc;
}

describe("diff values for people", () => {
  it("shows option labels, yes/no, dollars, units and rows by their cells", () => {
    const before = spec();
    const after = spec();
    setValue(after, "credential_spec", "credentialStatus", "active");
    setValue(after, "credential_spec", "rplAvailable", true);
    setValue(after, "credential_spec", "costCad", 1450.5);
    setValue(after, "credential_spec", "learningHours", 120);
    addRow(after, "credential_spec", "competencies", { code: "CAP-1", title: "Assess flood risk" }, { id: "c1" });
    writeText(after, "purpose", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "For utility staff." }] }] });
    const diff = diffCanonical(canonicalDocument(before, "credential_spec"), canonicalDocument(after, "credential_spec"));
    const text = (path: string, side: "before" | "after") => {
      const change = diff.fields.find((c) => c.path === path)!;
      return formatValue(fieldOfChange("credential_spec", change), change[side]);
    };
    expect(text("credentialStatus", "before")).toBe("In development");
    expect(text("credentialStatus", "after")).toBe("Active — open for enrolment");
    expect(text("rplAvailable", "before")).toBe(EMPTY);
    expect(text("rplAvailable", "after")).toBe("Yes");
    expect(text("costCad", "after")).toBe("$1,450.50");
    expect(text("learningHours", "after")).toMatch(/^120 /);
    expect(text("competencies.c1", "after")).toContain("Code: CAP-1");

    const groups = groupBySection("credential_spec", diff);
    expect(groups.map((g) => g.title)[0]).toBe("Identity");
    // Every change appears once, text included.
    expect(groups.flatMap((g) => g.items)).toHaveLength(diff.fields.length + diff.text.length);
    expect(groups.flatMap((g) => g.items).some((i) => i.type === "text" && i.change.path === "text:purpose")).toBe(true);
    expect(summarize(diff)).toBe("1 field changed, 1 row added, 3 fields added, 1 text block added");
    expect(summarize({ fields: [], text: [] })).toBe("No differences.");
  });
});
