import { describe, expect, it } from "vitest";
import { parseCtdlAsnCsv } from "~/modules/frameworks/import/ctdl-asn-csv";
import { readCsv } from "~/modules/frameworks/import/csv-reader";
import { byCode, childrenOf, expectWellFormedTree, failed, FIXTURE, fixtureText, imported } from "../../../../test/support/framework-fixtures";

const parse = (text: string, defaults = {}) => parseCtdlAsnCsv(readCsv(text).rows, { defaults });
const RESOURCES = "https://credentialengineregistry.org/resources/";

describe("CTDL-ASN CSV: the O*NET content model (real file)", () => {
  const text = fixtureText(FIXTURE.onet);
  const result = imported(parse(text));
  const codes = byCode(result.competencies);

  it("imports the framework row and 73 competencies in five levels", () => {
    expect(result.format).toBe("ctdl-asn-csv");
    expect(result.framework).toEqual({
      name: "O*NET Content Model",
      ctid: "ce-2b824fc9-954a-11e8-b852-782bcb5df6ac",
      sourceUri: `${RESOURCES}ce-2b824fc9-954a-11e8-b852-782bcb5df6ac`,
      sourceIdentifier: "ce-2b824fc9-954a-11e8-b852-782bcb5df6ac",
    });
    expect(result.competencies).toHaveLength(73);
    expectWellFormedTree(result.competencies);
    const depths: Record<number, number> = {};
    for (const c of result.competencies) depths[c.depth] = (depths[c.depth] ?? 0) + 1;
    expect(depths).toEqual({ 0: 1, 1: 1, 2: 4, 3: 15, 4: 52 });
    expect(result.ignored).toEqual([]);
  });

  it("has one top-level competency, marked by ceasn:isTopChildOf", () => {
    expect(childrenOf(result.competencies, null).map((c) => c.code)).toEqual(["1"]);
    expect(codes.get("1")).toMatchObject({ statement: "Worker Characteristics", depth: 0 });
    // Its comment only repeats the statement.
    expect(codes.get("1")!.description).toBeUndefined();
  });

  it("follows ceasn:isChildOf URIs to parents and keeps the file's sibling order", () => {
    for (const c of result.competencies) {
      if (c.code === "1") continue;
      // O*NET codes spell the path: 1.A.1.b.3's parent is 1.A.1.b.
      const parent = result.competencies.find((p) => p.sourceId === c.parentSourceId)!;
      expect(parent.code).toBe(c.code!.split(".").slice(0, -1).join("."));
    }
    expect(childrenOf(result.competencies, codes.get("1.A.1")!.sourceId).map((c) => c.code)).toEqual([
      "1.A.1.a",
      "1.A.1.b",
      "1.A.1.c",
      "1.A.1.d",
      "1.A.1.e",
      "1.A.1.f",
      "1.A.1.g",
    ]);
    expect(childrenOf(result.competencies, codes.get("1.A.1.b")!.sourceId).map((c) => c.statement)).toEqual([
      "Fluency of Ideas",
      "Originality",
      "Problem Sensitivity",
      "Deductive Reasoning",
      "Inductive Reasoning",
      "Information Ordering",
      "Category Flexibility",
    ]);
  });

  it("keeps ids, CTIDs, categories and comments", () => {
    expect(codes.get("1.A.1.a.1")).toEqual({
      sourceId: `${RESOURCES}ce-07c25988-9119-11e8-b852-782bcb5df6ac`,
      sourceUri: `${RESOURCES}ce-07c25988-9119-11e8-b852-782bcb5df6ac`,
      ctid: "ce-07c25988-9119-11e8-b852-782bcb5df6ac",
      code: "1.A.1.a.1",
      statement: "Oral Comprehension",
      description: "The ability to listen to and understand information and ideas presented through spoken words and sentences.",
      typeLabel: "Abilities",
      parentSourceId: codes.get("1.A.1.a")!.sourceId,
      order: 0,
      depth: 4,
    });
    expect(result.competencies.filter((c) => c.typeLabel === "Abilities")).toHaveLength(52);
  });

  it("lists every bad row with its line", () => {
    const rows = text.split("\n");
    // Line 4 (1.A) becomes a child of 1.A.1 (line 5): a cycle. Line 7 loses its text, line 9
    // points at a parent that is not in the file, line 11 repeats line 10's code, and line 12
    // takes line 13's @id.
    const edit = (line: number, change: (cells: string[]) => void) => {
      const cells = readCsv(rows[line - 1]!).rows[0]!.cells;
      change(cells);
      rows[line - 1] = cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",");
    };
    edit(4, (cells) => (cells[3] = `${RESOURCES}ce-07c258c1-9119-11e8-b852-782bcb5df6ac`));
    edit(7, (cells) => (cells[6] = ""));
    edit(9, (cells) => (cells[3] = `${RESOURCES}ce-00000000-0000-0000-0000-000000000000`));
    edit(11, (cells) => (cells[5] = "1.A.1.a.4"));
    edit(12, (cells) => ([cells[0], cells[1]] = [readCsv(rows[12]!).rows[0]!.cells[0]!, readCsv(rows[12]!).rows[0]!.cells[1]!]));
    const { problems } = failed(parse(rows.join("\n")));
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ["cycle", 4],
      ["missing-statement", 7],
      ["unknown-parent", 9],
      ["duplicate-code", 11],
      ["duplicate-id", 13],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "Lines 4 and 5 form a cycle through ceasn:isChildOf: 1.A → 1.A.1 → 1.A.",
      "Line 7: no statement (the ceasn:competencyText column is empty).",
      `Line 9: its parent "${RESOURCES}ce-00000000-0000-0000-0000-000000000000" (ceasn:isChildOf) is not a competency of this file.`,
      'Line 11: ceasn:codedNotation "1.A.1.a.4" is also used by line 10.',
      `Line 13: @id "${RESOURCES}ce-07c25bc3-9119-11e8-b852-782bcb5df6ac" is also used by line 12.`,
    ]);
  });
});

describe("CTDL-ASN CSV: what real bulk-upload files do", () => {
  const header = "@id,ceterms:ctid,ceasn:isTopChildOf,ceasn:isChildOf,ceasn:codedNotation,ceasn:competencyText,@type,ceasn:name";
  const fw = "https://ex.org/fw";

  it("references parents by CTID, by URI with a trailing slash or http/https swapped, and tolerates a missing @type column", () => {
    const csv = [
      "@id,ceterms:ctid,ceasn:isChildOf,ceasn:codedNotation,ceasn:competencyText,ceasn:name,ceasn:inLanguage",
      `${fw},,,,,Trade standard,en-CA`,
      `https://ex.org/a,ce-aaaaaaaa-0000-0000-0000-000000000001,${fw}/,A,Section A,,`,
      `https://ex.org/a1,,ce-aaaaaaaa-0000-0000-0000-000000000001,A-1,Task A-1,,`,
      `https://ex.org/a2,,HTTP://EX.ORG/a/,A-2,Task A-2,,`,
      `https://ex.org/a21,,http://ex.org/a2,A-2.01,Sub-task A-2.01,,`,
    ].join("\r\n");
    const result = imported(parse(csv));
    expect(result.framework).toMatchObject({ name: "Trade standard", language: "en-CA", sourceIdentifier: fw });
    expect(result.competencies.map((c) => [c.code, c.depth, c.order])).toEqual([
      ["A", 0, 0],
      ["A-1", 1, 0],
      ["A-2", 1, 1],
      ["A-2.01", 2, 0],
    ]);
  });

  it("reads language-tagged columns in the framework's language and says what it left out", () => {
    const csv = [
      "@type,@id,ceasn:name@en,ceasn:name@fr,ceasn:inLanguage,ceasn:competencyText@en,ceasn:competencyText@fr,ceasn:isChildOf",
      `ceasn:CompetencyFramework,${fw},Welding,Soudage,en,,,`,
      `ceasn:Competency,https://ex.org/a,,,,Prepare joints,Préparer les joints,${fw}`,
    ].join("\n");
    const result = imported(parse(csv));
    expect(result.framework).toMatchObject({ name: "Welding", language: "en" });
    expect(result.competencies[0]!.statement).toBe("Prepare joints");
    expect(result.ignored).toEqual(["Text in fr (2 values) was not imported: the framework is imported in en."]);
  });

  it("keeps the first of several parents in one cell and says so", () => {
    const csv = [
      header,
      `${fw},,,,,,ceasn:CompetencyFramework,Small`,
      `https://ex.org/a,,${fw},,A,A,ceasn:Competency,`,
      `https://ex.org/b,,${fw},,B,B,ceasn:Competency,`,
      `https://ex.org/c,,,https://ex.org/a|https://ex.org/b,C,C,ceasn:Competency,`,
    ].join("\n");
    const result = imported(parse(csv));
    expect(result.competencies.find((c) => c.code === "C")!.parentSourceId).toBe("https://ex.org/a");
    expect(result.ignored).toEqual(["1 competency has more than one parent (ceasn:isChildOf): only the first is kept."]);
  });

  it("needs a name when the file has no framework row", () => {
    const csv = [header, `https://ex.org/a,,,,A,A,ceasn:Competency,`].join("\n");
    expect(failed(parse(csv)).problems).toEqual([
      { kind: "missing-framework", message: "The file has no ceasn:CompetencyFramework row, so the framework has no name: give one." },
    ]);
    expect(imported(parse(csv, { name: "From the form" })).framework.name).toBe("From the form");
  });

  it("refuses a layout without a competency text column", () => {
    expect(failed(parse("@id,ceasn:codedNotation,ceterms:ctid\nx,1,\n")).problems).toEqual([
      { kind: "missing-column", line: 1, message: "Line 1: there is no ceasn:competencyText column.", code: "frameworks.problems.noCompetencyText", params: { line: 1 } },
    ]);
  });
});
