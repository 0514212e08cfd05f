import { describe, expect, it } from "vitest";
import { readCsv, sniffDelimiter, writeCsv } from "~/modules/frameworks/import/csv-reader";

const cells = (text: string) => readCsv(text).rows.map((row) => row.cells);
const lines = (text: string) => readCsv(text).rows.map((row) => row.line);

describe("readCsv (RFC 4180, with line numbers)", () => {
  it("reads quoted cells with delimiters, doubled quotes and line ends inside them", () => {
    const text = 'code,statement\r\nA,"Plan, lay out and ""rough in"" piping"\r\nB,"First line\r\nsecond line\nthird line"\r\nC,plain\r\n';
    expect(cells(text)).toEqual([
      ["code", "statement"],
      ["A", 'Plan, lay out and "rough in" piping'],
      ["B", "First line\r\nsecond line\nthird line"],
      ["C", "plain"],
    ]);
    // Row C starts on line 6: row B's cell spans lines 3 to 5.
    expect(lines(text)).toEqual([1, 2, 3, 6]);
  });

  it("drops a BOM, accepts LF, CRLF and lone CR line ends, and skips blank lines", () => {
    expect(cells("\uFEFFa,b\nc,d\r\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
    const withBlanks = "a,b\n\n1,2\r\n\r\n3,4\n";
    expect(cells(withBlanks)).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(lines(withBlanks)).toEqual([1, 3, 5]);
  });

  it("keeps empty cells, a trailing empty cell and a quoted empty row", () => {
    expect(cells('a,,c,\n"",x\n""\n')).toEqual([["a", "", "c", ""], ["", "x"], [""]]);
  });

  it("is lenient with quotes a spreadsheet writes loosely", () => {
    // A quote inside an unquoted cell is a character; text after a closing quote is kept.
    expect(cells('5" pipe,"quoted"tail,x\n')).toEqual([['5" pipe', "quotedtail", "x"]]);
  });

  it("reports a quoted cell that never closes with the line it opened on", () => {
    const result = readCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(result.rows.map((row) => row.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(result.error).toEqual({ line: 3, message: "a quoted cell opened on line 3 is never closed" });
  });

  it("sniffs comma, semicolon and tab from the header, ignoring quoted text", () => {
    expect(sniffDelimiter("code;statement;parent\n1;x;\n")).toBe(";");
    expect(sniffDelimiter("code\tstatement\n")).toBe("\t");
    expect(sniffDelimiter('"a;b;c",d\n')).toBe(",");
    expect(cells("code;statement\n1;Plan, lay out\n")).toEqual([
      ["code", "statement"],
      ["1", "Plan, lay out"],
    ]);
  });

  it("stops at maxRows and says the file goes on", () => {
    const result = readCsv("h\n1\n2\n3\n", { maxRows: 2 });
    expect(result.rows).toHaveLength(2);
    expect(result.truncated).toBe(true);
    expect(readCsv("h\n1\n", { maxRows: 2 }).truncated).toBe(false);
  });

  it("round-trips what writeCsv writes", () => {
    const rows = [
      ["@id", "text", "note"],
      ["x", 'She said "hi", then left', "line one\nline two"],
      ["y", "", "trailing space "],
      ["z", "semi;colon", "tab\there"],
    ];
    const written = writeCsv(rows);
    expect(written.endsWith("\r\n")).toBe(true);
    expect(cells(written)).toEqual(rows);
  });
});
