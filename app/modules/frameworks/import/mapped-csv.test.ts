import { describe, expect, it } from "vitest";
import { readCsv } from "~/modules/frameworks/import/csv-reader";
import { byCode, childrenOf, expectWellFormedTree, failed, FIXTURE, fixtureText, imported, ESCO_MAPPING } from "../../../../test/support/framework-fixtures";
import {
  ColumnMappingSchema,
  describeColumns,
  parseMappedCsv,
  previewMappedCsv,
  suggestColumnMapping,
  type ColumnMapping,
} from "~/modules/frameworks/import/mapped-csv";

const named = { defaults: { name: "ESCO skills hierarchy", version: "1.2.0", language: "en" } };
const rowsOf = (text: string) => readCsv(text).rows;

describe("Level columns: the ESCO v1.2.0 skills hierarchy (real file)", () => {
  const rows = rowsOf(fixtureText(FIXTURE.esco));
  const result = imported(parseMappedCsv(rows, ESCO_MAPPING, named));
  const codes = byCode(result.competencies);

  it("imports 640 nodes in four levels, each row's node being its deepest non-empty level", () => {
    expect(result.format).toBe("csv");
    expect(result.framework).toEqual({ name: "ESCO skills hierarchy", version: "1.2.0", language: "en" });
    expect(result.competencies).toHaveLength(640);
    expectWellFormedTree(result.competencies);
    const depths: Record<number, number> = {};
    for (const c of result.competencies) depths[c.depth] = (depths[c.depth] ?? 0) + 1;
    expect(depths).toEqual({ 0: 4, 1: 28, 2: 156, 3: 452 });
  });

  it("puts language skills, skills, transversal skills and knowledge at the top, in file order", () => {
    expect(childrenOf(result.competencies, null).map((c) => [c.code, c.statement])).toEqual([
      ["L", "language skills and knowledge"],
      ["S", "skills"],
      ["T", "transversal skills and competences"],
      ["K", "knowledge"],
    ]);
  });

  it("links each node to the level above and keeps the file's sibling order", () => {
    expect(childrenOf(result.competencies, codes.get("S")!.sourceId).map((c) => c.code)).toEqual([
      "S6",
      "S2",
      "S5",
      "S7",
      "S4",
      "S8",
      "S3",
      "S1",
    ]);
    expect(codes.get("S6.13")).toEqual({
      sourceId: "http://data.europa.eu/esco/skill/15dfca7a-5dde-4199-bad3-c00600387258",
      sourceUri: "http://data.europa.eu/esco/skill/15dfca7a-5dde-4199-bad3-c00600387258",
      code: "S6.13",
      statement: "handling and disposing of waste and hazardous materials",
      description:
        "Collecting, storing and disposing of unwanted materials or hazardous, according to established waste management procedures.",
      parentSourceId: codes.get("S6")!.sourceId,
      order: expect.any(Number),
      depth: 2,
    });
    // Knowledge uses ISCED-F fields: 0011 under 001 under 00 under K.
    expect(["0011", "001", "00", "K"].map((code) => codes.get(code)!.depth)).toEqual([3, 2, 1, 0]);
    expect(codes.get("0011")!.parentSourceId).toBe(codes.get("001")!.sourceId);
  });

  it("reads descriptions that span several lines, and says which column it left out", () => {
    expect(codes.get("L2")!.description).toMatch(/^All dead languages, no longer actively used/);
    expect(result.ignored).toEqual(['Columns not imported: "Scope note".']);
  });

  it("suggests exactly this mapping from ESCO's column names", () => {
    expect(suggestColumnMapping(rows[0]!.cells)).toEqual(ESCO_MAPPING);
  });

  it("creates a level that has no row of its own from the rows below it", () => {
    // Drop the rows of S and S6: S6.13's row still names both in its level columns.
    const deepestCode = (cells: string[]) => cells.slice(10, 14).filter(Boolean).pop();
    const trimmed = rows.filter((row) => !["S", "S6"].includes(deepestCode(row.cells) ?? ""));
    expect(trimmed).toHaveLength(rows.length - 2);
    const result = imported(parseMappedCsv(trimmed, ESCO_MAPPING, named));
    expect(result.competencies).toHaveLength(640);
    const codes = byCode(result.competencies);
    expect(codes.get("S6")).toMatchObject({ statement: "handling and moving", depth: 1, parentSourceId: codes.get("S")!.sourceId });
    expect(codes.get("S")!.sourceUri).toBe("http://data.europa.eu/esco/skill/335228d2-297d-4e0e-a6ee-bc6a8dc110d9");
    expect(result.ignored).toEqual([
      "2 levels have no row of their own (S and S6): created from the level columns of the rows below.",
      'Columns not imported: "Scope note".',
    ]);
  });
});

describe("Level columns: a trade standard laid out as section / task / sub-task", () => {
  const csv = [
    "Section,Section title,Task,Task title,Sub-task,Sub-task title",
    "A,Common occupational skills,A-1,Performs safety-related functions,A-1.01,Uses personal protective equipment",
    "A,Common occupational skills,A-1,Performs safety-related functions,A-1.02,Maintains a safe work environment",
    "A,Common occupational skills,A-2,Uses tools and equipment,A-2.01,Uses hand tools",
    "B,Rough-in,B-3,Installs piping,B-3.01,Lays out piping",
  ].join("\n");
  const mapping: ColumnMapping = {
    levelColumns: ["Section", "Task", "Sub-task"],
    statement: ["Section title", "Task title", "Sub-task title"],
    levelNames: ["Major work activity", "Task", "Sub-task"],
  };

  it("builds the three levels from one row per sub-task and labels each level", () => {
    const result = imported(parseMappedCsv(rowsOf(csv), mapping, { defaults: { name: "Plumber" } }));
    expect(result.competencies.map((c) => [c.code, c.depth, c.order, c.typeLabel])).toEqual([
      ["A", 0, 0, "Major work activity"],
      ["A-1", 1, 0, "Task"],
      ["A-1.01", 2, 0, "Sub-task"],
      ["A-1.02", 2, 1, "Sub-task"],
      ["A-2", 1, 1, "Task"],
      ["A-2.01", 2, 0, "Sub-task"],
      ["B", 0, 1, "Major work activity"],
      ["B-3", 1, 0, "Task"],
      ["B-3.01", 2, 0, "Sub-task"],
    ]);
    expect(result.competencies.find((c) => c.code === "A-2")!.sourceId).toBe("A-2");
  });

  it("with one statement column, needs a row per level, and a code on every row", () => {
    const oneStatement: ColumnMapping = { levelColumns: ["Section", "Task", "Sub-task"], statement: "Sub-task title" };
    const rows = rowsOf(`${csv}\n,,,,,A title without any code`);
    expect(failed(parseMappedCsv(rows, oneStatement, { defaults: { name: "Plumber" } })).problems).toEqual([
      { kind: "malformed", line: 6, message: 'Line 6: none of the level columns ("Section", "Task" and "Sub-task") has a code.' },
    ]);
    const { problems } = failed(parseMappedCsv(rowsOf(csv), oneStatement, { defaults: { name: "Plumber" } }));
    expect(problems[0]).toEqual({
      kind: "unknown-parent",
      line: 2,
      message: 'Line 2: its parent "A-1" (the level columns) is not a competency of this file.',
    });
  });

  it("refuses a row that puts a node under another parent than an earlier row did", () => {
    const conflicting = `${csv}\nB,Rough-in,A-2,Uses tools and equipment,A-2.02,Uses power tools`;
    expect(failed(parseMappedCsv(rowsOf(conflicting), mapping, { defaults: { name: "Plumber" } })).problems).toEqual([
      { kind: "conflicting-parent", line: 6, message: 'Line 6: "A-2" is under "B" here but under "A" on line 4.' },
    ]);
  });
});

describe("Parent-code columns", () => {
  const csv = [
    "Code;Competency;Parent;Notes;Owner",
    "1;Plan the installation;;Read drawings first;x",
    "1.1;Read drawings;1;;x",
    "1.2;Estimate materials;1;;x",
    "2;Install;;;x",
    "2.1;Rough in;2;;x",
    "1.3;Order materials;1;;x",
  ].join("\r\n");
  const mapping: ColumnMapping = { code: "Code", statement: "Competency", parentCode: "Parent", description: "Notes" };
  const parse = (text: string, m: ColumnMapping = mapping) => parseMappedCsv(rowsOf(text), m, { defaults: { name: "Plumbing" } });

  it("imports a semicolon-separated sheet: parents by code, siblings in file order", () => {
    const result = imported(parse(csv));
    expect(result.competencies.map((c) => [c.code, c.depth, c.order])).toEqual([
      ["1", 0, 0],
      ["1.1", 1, 0],
      ["1.2", 1, 1],
      ["1.3", 1, 2],
      ["2", 0, 1],
      ["2.1", 1, 0],
    ]);
    expect(result.competencies[0]).toMatchObject({ sourceId: "1", description: "Read drawings first" });
    expect(result.ignored).toEqual(['Columns not imported: "Owner".']);
  });

  it("lists every bad row with its line: duplicate code, unknown parent, missing statement, cycle", () => {
    const bad = [
      "Code,Competency,Parent",
      "1,Plan,",
      "1.1,Read drawings,1",
      "1.1,Read drawings again,1",
      "1.2,,1",
      "1.3,Order,9",
      "3,Loop one,4",
      "4,Loop two,3",
    ].join("\n");
    expect(failed(parse(bad, { code: "Code", statement: "Competency", parentCode: "Parent" })).problems).toEqual([
      { kind: "duplicate-code", line: 4, message: 'Line 4: code "1.1" is also used by line 3.' },
      { kind: "missing-statement", line: 5, message: 'Line 5: no statement (the "Competency" column is empty).' },
      { kind: "unknown-parent", line: 6, message: 'Line 6: its parent "9" (the "Parent" column) is not a competency of this file.' },
      { kind: "cycle", line: 7, message: 'Lines 7 and 8 form a cycle through the "Parent" column: 3 → 4 → 3.' },
    ]);
  });

  it("names a mapped column that is not in the file, and a parent column without a code column", () => {
    expect(failed(parse(csv, { ...mapping, description: "Details" })).problems).toEqual([
      {
        kind: "missing-column",
        line: 1,
        message:
          'Line 1: there is no column "Details" (chosen for the description); the columns are "Code", "Competency", "Parent", "Notes" and "Owner".',
      },
    ]);
    expect(failed(parse(csv, { statement: "Competency", parentCode: "Parent" })).problems).toEqual([
      { kind: "missing-column", message: "Choose a code column too: the parent column holds codes.", code: "frameworks.problems.chooseCodeColumn" },
    ]);
  });

  it("imports a flat list without codes, each row identified by its line", () => {
    const result = imported(parse("Skill\nWelding\nBrazing\n", { statement: "Skill" }));
    expect(result.competencies.map((c) => [c.sourceId, c.statement, c.depth])).toEqual([
      ["line-2", "Welding", 0],
      ["line-3", "Brazing", 0],
    ]);
  });

  it("needs the framework's name from the form", () => {
    expect(failed(parseMappedCsv(rowsOf(csv), mapping)).problems).toEqual([
      { kind: "missing-framework", message: "Name the framework: a CSV file does not carry its name.", code: "frameworks.problems.nameFramework" },
    ]);
  });

  it("previews the first rows as they will be imported, with the problems the import would report", () => {
    const preview = previewMappedCsv(rowsOf(csv), mapping, 3);
    expect(preview).toEqual({
      columns: ["Code", "Competency", "Parent", "Notes", "Owner"],
      rows: [
        { line: 2, code: "1", statement: "Plan the installation", description: "Read drawings first", depth: 0 },
        { line: 3, code: "1.1", statement: "Read drawings", parentCode: "1", depth: 1 },
        { line: 4, code: "1.2", statement: "Estimate materials", parentCode: "1", depth: 1 },
      ],
      total: 6,
      problems: [],
      ignored: ['Columns not imported: "Owner".'],
    });
    // The same file under a wrong choice: the preview shows why before anything is stored.
    const wrong = previewMappedCsv(rowsOf(csv), { code: "Code", statement: "Competency", parentCode: "Notes" }, 2);
    expect(wrong.rows[0]).toEqual({ line: 2, code: "1", statement: "Plan the installation", parentCode: "Read drawings first" });
    expect(wrong.problems.map((p) => [p.kind, p.line])).toEqual([["unknown-parent", 2]]);
  });

  it("describes columns with sample values and suggests a mapping from their names", () => {
    expect(describeColumns(rowsOf(csv), 2).slice(0, 3)).toEqual([
      { name: "Code", samples: ["1", "1.1"] },
      { name: "Competency", samples: ["Plan the installation", "Read drawings"] },
      { name: "Parent", samples: ["1", "1"] },
    ]);
    expect(suggestColumnMapping(["Code", "Competency", "Parent code", "Description"])).toEqual({
      code: "Code",
      statement: "Competency",
      parentCode: "Parent code",
      description: "Description",
    });
    expect(suggestColumnMapping(["A", "B"])).toBeUndefined();
  });
});

describe("ColumnMappingSchema (the mapping form)", () => {
  it("reads either layout and treats an unchosen column as none", () => {
    expect(ColumnMappingSchema.parse({ code: "Code", statement: "Competency", parentCode: "", description: "" })).toEqual({
      code: "Code",
      statement: "Competency",
    });
    expect(ColumnMappingSchema.parse({ levelColumns: ["Level 0 code", "Level 1 code"], statement: "Title", uri: "" })).toEqual({
      levelColumns: ["Level 0 code", "Level 1 code"],
      statement: "Title",
    });
    expect(ColumnMappingSchema.safeParse({ code: "Code" }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ levelColumns: [], statement: "Title" }).success).toBe(false);
  });
});
