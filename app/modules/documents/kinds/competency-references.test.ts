import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import {
  addPickedCompetencies,
  frameworkLabel,
  linkRows,
  referencedCompetencyIds,
  rowsAwaitingLink,
  sameStatement,
  type PickedCompetency,
} from "~/modules/documents/kinds/competency-references";
import { addRow, newDocumentFromTemplate, readFields, rowsOf } from "~/modules/documents/model";

function blankSpec(): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate("credential_spec"));
  return ydoc;
}

const picked = (code: string, branch = "A Work at height"): PickedCompetency => ({
  frameworkId: "fw-2",
  framework: frameworkLabel("Wind safety", "2024"),
  competencyId: `c-${code}`,
  code,
  statement: `Statement ${code}`,
  uri: `https://example.org/${code}`,
  branch,
});

describe("competency references", () => {
  it("adds picked competencies once each, in one update, with this credential's defaults", () => {
    const ydoc = blankSpec();
    const updates: Uint8Array[] = [];
    ydoc.on("update", (update: Uint8Array) => updates.push(update));
    expect(addPickedCompetencies(ydoc, [picked("A.1"), picked("A.2"), picked("A.1")], { essential: true })).toHaveLength(2);
    expect(updates).toHaveLength(1);
    expect(addPickedCompetencies(ydoc, [picked("A.2"), picked("A.3")])).toHaveLength(1);
    const rows = rowsOf(readFields(ydoc), "competencies");
    expect(rows.map((row) => row.code)).toEqual(["A.1", "A.2", "A.3"]);
    expect(rows[0]).toMatchObject({ source: "framework", frameworkId: "fw-2", competencyId: "c-A.1", framework: "Wind safety (2024)", title: "Statement A.1", essential: true });
    expect([...referencedCompetencyIds(ydoc)]).toEqual(["c-A.1", "c-A.2", "c-A.3"]);
  });

  it("awaits linking only rows without a source or framework rows without an id; never custom ones", () => {
    const ydoc = blankSpec();
    addPickedCompetencies(ydoc, [picked("A.1")]);
    addRow(ydoc, CREDENTIAL_SPEC, "competencies", { code: "X-1", title: "Typed by hand" });
    addRow(ydoc, CREDENTIAL_SPEC, "competencies", { source: "framework", framework: "Wind safety", code: "A.2", title: "Statement A.2" }, { id: "builder" });
    const legacy = new Y.Map<unknown>();
    legacy.set("id", "legacy");
    legacy.set("code", "A.3");
    (ydoc.getMap("fields").get("competencies") as Y.Array<unknown>).push([legacy]);
    expect(rowsAwaitingLink(ydoc).map((row) => row.rowId)).toEqual(["builder", "legacy"]);

    expect(linkRows(ydoc, new Map([["builder", picked("A.2")], ["legacy", null]]))).toBe(2);
    expect(rowsAwaitingLink(ydoc)).toEqual([]);
    // Linking again writes nothing: the repair is idempotent.
    expect(linkRows(ydoc, new Map([["builder", picked("A.2")], ["legacy", null]]))).toBe(0);
    const rows = new Map(rowsOf(readFields(ydoc), "competencies").map((row) => [row.id, row]));
    expect(rows.get("builder")).toMatchObject({ source: "framework", competencyId: "c-A.2", uri: "https://example.org/A.2" });
    expect(rows.get("legacy")).toMatchObject({ source: "custom", code: "A.3" });
  });

  it("compares statements as people read them", () => {
    expect(sameStatement("Rescue a colleague from height.", " rescue a  colleague from height")).toBe(true);
    expect(sameStatement("Rescue a colleague", "Rescue a colleague from height")).toBe(false);
  });
});
