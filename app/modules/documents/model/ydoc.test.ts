import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import {
  addRow,
  documentKindOf,
  ensureLayout,
  fieldsMap,
  moveRow,
  readFields,
  removeRow,
  removeRows,
  RowNotFoundError,
  rowMap,
  setCellOnRows,
  setValue,
  setValues,
} from "~/modules/documents/model/ydoc";

const kind = "credential_spec" as const;

function docFrom(update: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc;
}

/** Two replicas of a template document, to make concurrent edits and then exchange them. */
function twoReplicas(): [Y.Doc, Y.Doc] {
  const template = newDocumentFromTemplate(kind);
  return [docFrom(template), docFrom(template)];
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe("writing fields", () => {
  it("sets scalars, clears them with null, and writes nothing for an equal value", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    setValue(ydoc, kind, "shortCode", "CAP-101");
    expect(readFields(ydoc).shortCode).toBe("CAP-101");
    let updates = 0;
    ydoc.on("update", () => (updates += 1));
    setValue(ydoc, kind, "shortCode", "CAP-101");
    expect(updates).toBe(0);
    setValue(ydoc, kind, "shortCode", null);
    expect(readFields(ydoc).shortCode).toBeUndefined();
    expect(updates).toBe(1);
  });

  it("keeps an unreadable number as typed", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    setValue(ydoc, kind, "learningHours", "150h");
    expect(readFields(ydoc).learningHours).toBe("150h");
  });

  it("refuses unknown fields, whole rows lists and objects in scalar fields", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    expect(() => setValue(ydoc, kind, "nope", 1)).toThrow(/no field/);
    expect(() => setValue(ydoc, kind, "competencies", [])).toThrow(/rows/);
    expect(() => setValue(ydoc, kind, "title", { a: 1 })).toThrow();
    expect(() => setValue(ydoc, kind, "text:purpose", "x")).toThrow(/editor/);
  });
});

describe("concurrent edits merge", () => {
  it("keeps both people's ticks of different options of a multiselect", () => {
    const [alice, bob] = twoReplicas();
    setValue(alice, kind, "languages", ["en"]);
    setValue(bob, kind, "languages", ["fr"]);
    exchange(alice, bob);
    expect([...(readFields(alice).languages as string[])].sort()).toEqual(["en", "fr"]);
    expect(readFields(bob)).toEqual(readFields(alice));
  });

  it("keeps one untick while someone else ticks another option", () => {
    const [alice, bob] = twoReplicas();
    setValue(alice, kind, "languages", ["en", "fr"]);
    exchange(alice, bob);
    setValue(alice, kind, "languages", ["fr"]); // alice unticks English
    setValue(bob, kind, "languages", ["en", "fr"]); // bob leaves the list as he sees it
    exchange(alice, bob);
    expect(readFields(alice).languages).toEqual(["fr"]);
  });

  it("keeps rows added by two people at once, and edits of different cells of one row", () => {
    const [alice, bob] = twoReplicas();
    const shared = addRow(alice, kind, "competencies", { code: "A1" });
    exchange(alice, bob);
    addRow(alice, kind, "competencies", { code: "A2" });
    addRow(bob, kind, "competencies", { code: "B1" });
    setValue(alice, kind, `competencies.${shared}.title`, "Interpret projections");
    setValue(bob, kind, `competencies.${shared}.level`, "Level 3");
    exchange(alice, bob);
    const rows = readFields(alice).competencies as Record<string, unknown>[];
    expect(rows.map((r) => r.code).sort()).toEqual(["A1", "A2", "B1"]);
    expect(rows.find((r) => r.id === shared)).toMatchObject({ title: "Interpret projections", level: "Level 3" });
    expect(readFields(bob)).toEqual(readFields(alice));
  });

  it("loses one of two arrays created lazily at the same moment — why the template creates them", () => {
    // Documents the race that newDocumentFromTemplate/ensureLayout exist to prevent.
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    fieldsMap(alice).set("competencies", new Y.Array());
    (fieldsMap(alice).get("competencies") as Y.Array<string>).push(["alice's row"]);
    fieldsMap(bob).set("competencies", new Y.Array());
    (fieldsMap(bob).get("competencies") as Y.Array<string>).push(["bob's row"]);
    exchange(alice, bob);
    expect((fieldsMap(alice).get("competencies") as Y.Array<string>).toArray()).toHaveLength(1);
  });
});

describe("rows", () => {
  it("adds rows with a stable id, initial values and empty multiselect cells", () => {
    const ydoc = docFrom(newDocumentFromTemplate("assessment_plan"));
    const id = addRow(ydoc, "assessment_plan", "assessments", { name: "Site visit" });
    expect(id).toMatch(/^[a-z0-9]+$/);
    const row = rowMap(ydoc, "assessments", id);
    expect(row?.get("evidence")).toBeInstanceOf(Y.Array);
    setValue(ydoc, "assessment_plan", `assessments.${id}.evidence`, ["video", "log"]);
    expect(readFields(ydoc).assessments).toEqual([{ id, name: "Site visit", evidence: ["video", "log"] }]);

    const specDoc = docFrom(newDocumentFromTemplate(kind));
    const competency = addRow(specDoc, kind, "competencies");
    expect(rowMap(specDoc, "competencies", competency)?.get("essential")).toBe(true);
  });

  it("inserts at an index, moves and removes rows", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    const a = addRow(ydoc, kind, "modules", { code: "A" });
    const b = addRow(ydoc, kind, "modules", { code: "B" });
    const c = addRow(ydoc, kind, "modules", { code: "C" }, { index: 0 });
    const codes = () => (readFields(ydoc).modules as { code: string }[]).map((r) => r.code);
    expect(codes()).toEqual(["C", "A", "B"]);
    setValue(ydoc, kind, `modules.${b}.title`, "Kept through the move");
    expect(moveRow(ydoc, kind, "modules", b, 0)).toBe(true);
    expect(codes()).toEqual(["B", "C", "A"]);
    expect(rowMap(ydoc, "modules", b)?.get("title")).toBe("Kept through the move");
    expect(removeRow(ydoc, kind, "modules", c)).toBe(true);
    expect(removeRow(ydoc, kind, "modules", c)).toBe(false);
    expect(codes()).toEqual(["B", "A"]);
    expect(a).not.toBe(b);
  });

  it("reports an edit to a row someone else deleted", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    expect(() => setValue(ydoc, kind, "modules.gone.title", "x")).toThrow(RowNotFoundError);
    expect(() => addRow(ydoc, kind, "modules", {}, { id: "a.b" })).toThrow(/dots/);
  });

  it("sets many fields in one transaction", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    let updates = 0;
    ydoc.on("update", () => (updates += 1));
    setValues(ydoc, kind, { title: "T", learningHours: 150, languages: ["en"] });
    expect(updates).toBe(1);
    expect(readFields(ydoc)).toMatchObject({ title: "T", learningHours: 150, languages: ["en"] });
  });
});

describe("bulk row changes", () => {
  it("set one cell on many rows and remove many rows, each in one update, skipping rows gone meanwhile", () => {
    const ydoc = docFrom(newDocumentFromTemplate(kind));
    for (const id of ["a", "b", "c", "d"]) addRow(ydoc, kind, "competencies", { code: id.toUpperCase(), title: id }, { id });
    const updates: Uint8Array[] = [];
    ydoc.on("update", (update: Uint8Array) => updates.push(update));
    expect(setCellOnRows(ydoc, kind, "competencies", ["a", "c", "gone"], "essential", false)).toBe(2);
    expect(removeRows(ydoc, kind, "competencies", ["b", "d", "gone"])).toBe(2);
    expect(updates).toHaveLength(2);
    const rows = readFields(ydoc).competencies as Array<Record<string, unknown>>;
    expect(rows.map((row) => [row.id, row.essential])).toEqual([
      ["a", false],
      ["c", false],
    ]);
    expect(() => setCellOnRows(ydoc, kind, "competencies", ["a"], "nope", 1)).toThrow(/no cell/);
  });
});

describe("ensureLayout", () => {
  it("repairs a document written without the template, keeping values found as JSON arrays", () => {
    const ydoc = new Y.Doc();
    fieldsMap(ydoc).set("languages", ["fr"]);
    expect(ensureLayout(ydoc, CREDENTIAL_SPEC)).toBe(true);
    expect(fieldsMap(ydoc).get("languages")).toBeInstanceOf(Y.Array);
    expect(fieldsMap(ydoc).get("competencies")).toBeInstanceOf(Y.Array);
    expect(readFields(ydoc).languages).toEqual(["fr"]);
    expect(documentKindOf(ydoc)).toBe("credential_spec");
    expect(ensureLayout(ydoc, CREDENTIAL_SPEC)).toBe(false);
  });

  it("gives multiselect cells of existing rows their arrays", () => {
    const ydoc = new Y.Doc();
    const rows = new Y.Array<Y.Map<unknown>>();
    fieldsMap(ydoc).set("assessments", rows);
    const row = new Y.Map<unknown>();
    row.set("id", "r1");
    row.set("evidence", ["video"]);
    rows.push([row]);
    ensureLayout(ydoc, "assessment_plan");
    expect(rowMap(ydoc, "assessments", "r1")?.get("evidence")).toBeInstanceOf(Y.Array);
    expect(readFields(ydoc).assessments).toEqual([{ id: "r1", evidence: ["video"] }]);
    // …and the plan its coverage matrix, as a map.
    expect(fieldsMap(ydoc).get("coverage")).toBeInstanceOf(Y.Map);
  });
});
