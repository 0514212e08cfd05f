import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addRow, addRows, fieldsMap, newDocumentFromTemplate, readFields, removeRow, setCoverage, setValue, type JsonValue } from "~/modules/documents/model";
import { LIVE_MATRIX, LiveFieldsReader, type StoredFields } from "~/components/document/live-fields";

function spec(rows: number) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate("credential_spec"));
  addRows(ydoc, "credential_spec", "competencies", Array.from({ length: rows }, (_, i) => ({ id: `r${i}`, code: `A.${i}`, title: `Task ${i}` })));
  return ydoc;
}

/** Follows the document the way useLiveFields does: one apply per observeDeep call. */
function follow(ydoc: Y.Doc, coverageKeys?: ReadonlySet<string>) {
  const reader = new LiveFieldsReader(fieldsMap(ydoc), coverageKeys);
  const state = { fields: reader.readAll({}) as StoredFields };
  fieldsMap(ydoc).observeDeep((events) => (state.fields = reader.apply(state.fields, events)));
  return state;
}

const rowsOf = (fields: StoredFields) => fields.competencies as Array<Record<string, JsonValue>>;

describe("LiveFieldsReader", () => {
  it("re-reads only the changed row and field; everything else keeps its object", () => {
    const ydoc = spec(300);
    const live = follow(ydoc);
    const before = live.fields;
    setValue(ydoc, "credential_spec", "competencies.r7.level", "Level 3");
    expect(live.fields).not.toBe(before);
    expect(rowsOf(live.fields)[7]).toMatchObject({ level: "Level 3" });
    expect(rowsOf(live.fields)[6]).toBe(rowsOf(before)[6]);
    expect(rowsOf(live.fields)[8]).toBe(rowsOf(before)[8]);
    expect(live.fields.languages).toBe(before.languages);

    const afterRow = live.fields;
    setValue(ydoc, "credential_spec", "title", "Plumber");
    expect(live.fields.title).toBe("Plumber");
    expect(live.fields.competencies).toBe(afterRow.competencies);
    expect(live.fields).toEqual(readFields(ydoc));
  });

  it("follows added and removed rows, multiselect cells and deleted values, and matches a full read", () => {
    const ydoc = spec(5);
    const live = follow(ydoc);
    removeRow(ydoc, "credential_spec", "competencies", "r2");
    setValue(ydoc, "credential_spec", "languages", ["en", "fr"]);
    setValue(ydoc, "credential_spec", "languages", ["fr"]);
    setValue(ydoc, "credential_spec", "title", "Welding");
    setValue(ydoc, "credential_spec", "title", null);
    addRows(ydoc, "credential_spec", "competencies", [{ id: "r9", code: "B.1", title: "New" }]);
    expect(rowsOf(live.fields).map((row) => row.id)).toEqual(["r0", "r1", "r3", "r4", "r9"]);
    expect(live.fields).toEqual(readFields(ydoc));
  });

  it("applies a remote update the same way as a local edit", () => {
    const ydoc = spec(20);
    const live = follow(ydoc);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    const before = live.fields;
    setValue(remote, "credential_spec", "competencies.r3.outcome", "Welds a joint");
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(ydoc)));
    expect(rowsOf(live.fields)[3]).toMatchObject({ outcome: "Welds a joint" });
    expect(rowsOf(live.fields)[4]).toBe(rowsOf(before)[4]);
    expect(live.fields).toEqual(readFields(ydoc));
  });
});

describe("LiveFieldsReader's first read", () => {
  it("keeps the page's stored row objects when the live rows are equal, and only those", () => {
    const ydoc = spec(4);
    const stored = JSON.parse(JSON.stringify(readFields(ydoc))) as StoredFields;
    setValue(ydoc, "credential_spec", "competencies.r2.level", "Level 4");
    const live = new LiveFieldsReader(fieldsMap(ydoc)).readAll(stored);
    expect(rowsOf(live)[0]).toBe(rowsOf(stored)[0]);
    expect(rowsOf(live)[3]).toBe(rowsOf(stored)[3]);
    expect(rowsOf(live)[2]).not.toBe(rowsOf(stored)[2]);
    expect(live).toEqual(readFields(ydoc));
  });

  it("leaves a plan's matrix to the coverage tracker: a tick changes no field", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, newDocumentFromTemplate("assessment_plan"));
    const a = addRow(ydoc, "assessment_plan", "assessments", { name: "A" });
    const live = follow(ydoc, new Set(["coverage"]));
    expect(live.fields.coverage).toBe(LIVE_MATRIX);
    const before = live.fields;
    setCoverage(ydoc, "assessment_plan", "coverage", a, ["c1", "c2"], true);
    expect(live.fields).toBe(before);
    // Other changes are read as ever.
    setValue(ydoc, "assessment_plan", "title", "Plan");
    expect(live.fields.title).toBe("Plan");
    expect(live.fields.coverage).toBe(LIVE_MATRIX);
  });
});
