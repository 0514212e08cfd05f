import { describe, expect, it } from "vitest";
import { detectFormat } from "~/modules/frameworks/import/detect";
import { failed, FIXTURE, fixtureBytes, fixtureText, imported, ESCO_MAPPING } from "../../../../test/support/framework-fixtures";
import { importFrameworkFile, inspectCsvFile, previewCsvFile } from "~/modules/frameworks/import/import-framework";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";
import { MAX_COMPETENCIES, MAX_FILE_BYTES } from "~/modules/frameworks/import/types";


describe("importFrameworkFile: every real fixture, format detected from the content", () => {
  it.each([
    [FIXTURE.dqp, "ctdl-asn-jsonld", 83, "Degree Qualification Profile"],
    [FIXTURE.onet, "ctdl-asn-csv", 73, "O*NET Content Model"],
    [FIXTURE.act, "case", 28, "ACT Holistic Framework, Math"],
  ])("%s is %s with %i competencies", (file, format, competencies, name) => {
    const result = imported(importFrameworkFile(fixtureBytes(file)));
    expect(result.format).toBe(format);
    expect(result.competencies).toHaveLength(competencies);
    expect(result.framework.name).toBe(name);
    // The same content as a string (what a form field gives) imports the same.
    expect(importFrameworkFile(fixtureText(file))).toEqual(result);
  });

  it("asks for a column mapping for ESCO's CSV, then imports it with the mapping", () => {
    const bytes = fixtureBytes(FIXTURE.esco);
    const first = importFrameworkFile(bytes);
    expect(first).toEqual({
      status: "needs-mapping",
      format: "csv",
      columns: [
        ...[0, 1, 2, 3].flatMap((n) => [`Level ${n} URI`, `Level ${n} preferred term`]),
        "Description",
        "Scope note",
        ...[0, 1, 2, 3].map((n) => `Level ${n} code`),
      ],
    });
    const result = imported(importFrameworkFile(bytes, { mapping: ESCO_MAPPING, defaults: { name: "ESCO skills hierarchy" } }));
    expect(result.competencies).toHaveLength(640);
    expect(result.competencies.filter((c) => c.parentSourceId === null).map((c) => c.code)).toEqual(["L", "S", "T", "K"]);
    // ESCO ends rows early when their last cells are empty.
    expect(result.ignored).toEqual([
      "188 rows have fewer cells than the header: the missing cells were read as empty.",
      'Columns not imported: "Scope note".',
    ]);
  });

  it("inspects a CSV's columns and previews a mapping before importing", () => {
    const bytes = fixtureBytes(FIXTURE.esco);
    const inspection = inspectCsvFile(bytes);
    expect(inspection).toMatchObject({ status: "inspected", format: "csv", rowCount: 640, suggestion: ESCO_MAPPING });
    if (inspection.status !== "inspected") return;
    expect(inspection.columns.find((column) => column.name === "Level 1 code")!.samples).toEqual(["L1", "L2", "S6"]);

    const preview = previewCsvFile(bytes, ESCO_MAPPING, 3);
    expect(preview).toMatchObject({
      total: 640,
      problems: [],
      rows: [
        { line: 2, code: "L", statement: "language skills and knowledge", depth: 0 },
        { line: 3, code: "L1", statement: "languages", parentCode: "L", depth: 1 },
        { line: 4, code: "L2", statement: "classical languages", parentCode: "L", depth: 1 },
      ],
    });
    expect(inspectCsvFile(fixtureBytes(FIXTURE.act))).toMatchObject({
      status: "failed",
      problems: [{ kind: "unrecognised-format", message: "This is CASE JSON, not a CSV: it needs no column mapping." }],
    });
  });

  it("detects by content: a renamed file, leading whitespace or a BOM change nothing", () => {
    expect(detectFormat(`\uFEFF \n${fixtureText(FIXTURE.dqp)}`).format).toBe("ctdl-asn-jsonld");
    expect(detectFormat(`\n\n${fixtureText(FIXTURE.act)}`).format).toBe("case");
    expect(detectFormat(fixtureText(FIXTURE.onet)).format).toBe("ctdl-asn-csv");
    expect(detectFormat(fixtureText(FIXTURE.esco)).format).toBe("csv");
    expect(detectFormat("Code\tStatement\n1\tPlan\n").format).toBe("csv");
  });
});

describe("importFrameworkFile: files it refuses, and why", () => {
  it("a file over 20 MiB, before reading it", () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    const expected = {
      status: "failed",
      format: null,
      problems: [{ kind: "too-large", message: "The file is larger than 20 MiB (20,971,521 bytes), the limit." }],
    };
    expect(importFrameworkFile(new Uint8Array(MAX_FILE_BYTES + 1))).toEqual(expected);
    expect(importFrameworkFile("x".repeat(MAX_FILE_BYTES + 1))).toEqual(expected);
    // Characters are not bytes: 7 Mi three-byte characters are 21 MiB.
    expect(failed(importFrameworkFile("€".repeat(7 * 1024 * 1024))).problems[0]!.kind).toBe("too-large");
  });

  it("more than 50,000 competencies, in every format", () => {
    expect(MAX_COMPETENCIES).toBe(50_000);
    const n = MAX_COMPETENCIES + 1;
    const rows = Array.from({ length: n }, (_, i) => `C${i},Competency ${i}`);
    const csv = ["Code,Statement", ...rows].join("\n");
    expect(
      failed(importFrameworkFile(csv, { mapping: { code: "Code", statement: "Statement" }, defaults: { name: "Big" } })).problems,
    ).toEqual([{ kind: "too-large", message: "The file holds 50,001 rows; the limit is 50,000 competencies." }]);
    const longer = ["Code,Statement", ...rows, ...rows.slice(0, 10)].join("\n");
    expect(failed(importFrameworkFile(longer, { mapping: { code: "Code", statement: "Statement" } })).problems).toEqual([
      { kind: "too-large", message: "The file holds more than 50,000 competencies, the limit." },
    ]);
    const graph = Array.from({ length: n }, (_, i) => ({
      "@id": `https://ex.org/${i}`,
      "@type": "ceasn:Competency",
      "ceasn:competencyText": "x",
    }));
    expect(failed(importFrameworkFile(JSON.stringify({ "@graph": graph }))).problems).toEqual([
      { kind: "too-large", message: "The file holds 50,001 competencies; the limit is 50,000." },
    ]);
    const items = Array.from({ length: n }, (_, i) => ({ identifier: String(i), fullStatement: "x" }));
    expect(failed(importFrameworkFile(JSON.stringify({ CFDocument: { title: "Big" }, CFItems: items }))).problems).toEqual([
      { kind: "too-large", message: "The package holds 50,001 CFItems; the limit is 50,000." },
    ]);
  });

  it.each([
    ["empty", "", "The file is empty."],
    ["blank", " \n\t\n", "The file is empty."],
    [
      "other JSON",
      '{"name": "not a framework", "items": []}',
      "This JSON is neither CTDL-ASN JSON-LD (it has no ceasn:CompetencyFramework or ceasn:Competency node) nor a CASE package (it has no CFDocument).",
    ],
    ["XML", '<?xml version="1.0"?><CFPackage/>', "XML is not supported: export the framework as CTDL-ASN JSON-LD, CASE JSON or CSV."],
  ])("an unrecognised format: %s", (_, content, message) => {
    // An empty file's problem also carries its translation key (issue #20).
    const code = message === "The file is empty." ? { code: "frameworks.problems.fileEmpty" } : {};
    expect(importFrameworkFile(content)).toEqual({ status: "failed", format: null, problems: [{ kind: "unrecognised-format", message, ...code }] });
  });

  it.each([
    [
      "an Excel workbook",
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00],
      "This is a ZIP archive (an Excel or Word file is one), not a framework file: export it as CSV, CTDL-ASN JSON-LD or CASE JSON.",
    ],
    [
      "a PDF",
      [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31],
      "This is a PDF, not a framework file: export it as CSV, CTDL-ASN JSON-LD or CASE JSON.",
    ],
    [
      "binary data",
      [0x01, 0x00, 0x02, 0x00, 0x41],
      "This is a binary file, not a framework file: export it as CSV, CTDL-ASN JSON-LD or CASE JSON.",
    ],
  ])("an unrecognised format: %s", (_, bytes, message) => {
    expect(failed(importFrameworkFile(new Uint8Array(bytes))).problems).toEqual([{ kind: "unrecognised-format", message }]);
  });

  it("broken JSON and an unclosed CSV quote, with their line", () => {
    const [problem] = failed(importFrameworkFile('{\n  "@graph": [\n    {"@id": "x",}\n  ]\n}')).problems;
    expect(problem).toMatchObject({ kind: "malformed", line: 3 });
    expect(problem!.message).toMatch(/^Line 3: the file is not valid JSON \(/);
    expect(failed(importFrameworkFile('Code,Statement\n1,"Plan\n2,Install\n')).problems).toEqual([
      { kind: "malformed", line: 2, message: "Line 2: a quoted cell opened on line 2 is never closed." },
    ]);
  });

  it("a file that holds no competencies", () => {
    const onlyFramework = fixtureText(FIXTURE.onet).split("\n").slice(0, 2).join("\n");
    expect(failed(importFrameworkFile(onlyFramework)).problems).toEqual([
      { kind: "malformed", message: "The file holds no competencies (read as CTDL-ASN CSV).", code: "frameworks.problems.noCompetencies", params: { format: "CTDL-ASN CSV" } },
    ]);
  });
});

describe("importFrameworkFile: encodings spreadsheets write", () => {
  const mapping: ColumnMapping = { code: "Code", statement: "Statement" };
  const defaults = { name: "Soudage" };

  it("reads Windows-1252 (Excel's CSV) and says so", () => {
    // "Préparer les joints" with é as the single byte 0xE9.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("Code,Statement\n1,Pr"),
      0xe9,
      ...new TextEncoder().encode("parer les joints\n"),
    ]);
    const result = imported(importFrameworkFile(bytes, { mapping, defaults }));
    expect(result.competencies[0]!.statement).toBe("Préparer les joints");
    expect(result.ignored[0]).toBe(
      "The file is not UTF-8: it was read as Windows-1252 (Excel's CSV encoding). Check accented letters in the preview.",
    );
  });

  it("reads UTF-16 with its BOM (Excel's Unicode text) and UTF-8 with a BOM", () => {
    const text = "Code\tStatement\r\n1\tPréparer les joints\r\n";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(imported(importFrameworkFile(utf16, { mapping, defaults })).competencies[0]!.statement).toBe("Préparer les joints");
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Code,Statement\n1,Préparer\n")]);
    const result = imported(importFrameworkFile(utf8, { mapping, defaults }));
    expect(result.competencies[0]!.code).toBe("1");
    expect(result.ignored).toEqual([]);
  });
});
