import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import { touchedPaths, type TouchedPath } from "~/modules/documents/model/touched";
import { addRow, moveRow, removeRow, setCoverage, setValue, writeText } from "~/modules/documents/model/ydoc";
import type { DocumentKind } from "~/modules/documents/model/types";

/**
 * A server replica and a client replica of one template document, as the collaboration server
 * sees them: the client edits through the model, the server applies the client's update with the
 * connection as origin and reports what the transaction touched.
 */
function replicas(kind: DocumentKind) {
  const template = newDocumentFromTemplate(kind);
  const server = new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(server, template);
  Y.applyUpdate(client, template);
  const origin = { connection: "c1" };
  let touched: TouchedPath[] = [];
  server.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.origin === origin) touched = touchedPaths(tr);
  });
  /** Runs `edit` on the client, sends its update to the server, returns what the server saw. */
  const edit = (change: (doc: Y.Doc) => void): TouchedPath[] => {
    touched = [];
    const before = Y.encodeStateVector(client);
    change(client);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before), origin);
    return [...touched].sort((a, b) => `${a.field}|${a.row}`.localeCompare(`${b.field}|${b.row}`));
  };
  return { server, client, edit };
}

describe("touchedPaths", () => {
  it("names a top-level field that was set, then cleared", () => {
    const { edit } = replicas("credential_spec");
    expect(edit((doc) => setValue(doc, "credential_spec", "shortCode", "CAP-101"))).toEqual([{ field: "shortCode", row: null }]);
    expect(edit((doc) => setValue(doc, "credential_spec", "shortCode", null))).toEqual([{ field: "shortCode", row: null }]);
  });

  it("names a multiselect field whose options were ticked", () => {
    const { edit } = replicas("credential_spec");
    expect(edit((doc) => setValue(doc, "credential_spec", "languages", ["en", "fr"]))).toEqual([{ field: "languages", row: null }]);
  });

  it("names the row of a list field: added, cell edited, moved and removed", () => {
    const { edit, client } = replicas("credential_spec");
    let first = "";
    expect(edit((doc) => (first = addRow(doc, "credential_spec", "occupations", { code: "2131" })))).toEqual([{ field: "occupations", row: first }]);
    let second = "";
    edit((doc) => (second = addRow(doc, "credential_spec", "occupations", { code: "2132" })));
    expect(edit((doc) => setValue(doc, "credential_spec", `occupations.${second}.title`, "Planner"))).toEqual([{ field: "occupations", row: second }]);
    expect(edit((doc) => moveRow(doc, "credential_spec", "occupations", second, 0))).toEqual([{ field: "occupations", row: second }]);
    expect(edit((doc) => removeRow(doc, "credential_spec", "occupations", first))).toEqual([{ field: "occupations", row: first }]);
    expect(client.getMap("fields").toJSON().occupations).toHaveLength(1);
  });

  it("names every field and row of one transaction once", () => {
    const { edit } = replicas("credential_spec");
    const touched = edit((doc) =>
      doc.transact(() => {
        setValue(doc, "credential_spec", "title", "Grid operations");
        setValue(doc, "credential_spec", "title", "Grid operations technician");
        addRow(doc, "credential_spec", "occupations", { code: "2241" }, { id: "occ1" });
        setValue(doc, "credential_spec", "occupations.occ1.title", "Technician");
      }),
    );
    expect(touched).toEqual([
      { field: "occupations", row: "occ1" },
      { field: "title", row: null },
    ]);
  });

  it("names a rich-text block by its path", () => {
    const { edit } = replicas("credential_spec");
    const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    expect(edit((doc) => writeText(doc, "purpose", paragraph("Why this credential exists.")))).toEqual([{ field: "text:purpose", row: null }]);
  });

  it("names a coverage cell as the coverage field and the cell's competency", () => {
    const { edit } = replicas("assessment_plan");
    edit((doc) => addRow(doc, "assessment_plan", "assessments", { title: "Field task" }, { id: "a1" }));
    expect(edit((doc) => setCoverage(doc, "assessment_plan", "coverage", "a1", ["comp-1", "comp-2"], true))).toEqual([
      { field: "coverage", row: "comp-1" },
      { field: "coverage", row: "comp-2" },
    ]);
  });

  it("ignores transactions that change nothing in the fields or text", () => {
    const { edit } = replicas("credential_spec");
    expect(edit((doc) => doc.getMap("meta").set("note", "x"))).toEqual([]);
  });
});
