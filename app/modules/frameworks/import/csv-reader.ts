/**
 * A small RFC 4180 reader that keeps line numbers, so an import can say "line 12" about a row
 * whose earlier cells spanned several lines. Lenient where spreadsheets are: LF, CRLF or CR line
 * ends, a BOM, comma / semicolon / tab delimiters (sniffed from the header), a quote inside an
 * unquoted cell taken literally, text after a closing quote kept, blank lines skipped. The one
 * thing it cannot guess is where an unclosed quoted cell ends: that is reported with its line.
 */

export interface CsvRow {
  /** Physical line (1-based) the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvReadResult {
  /** Every row, the header first. */
  rows: CsvRow[];
  delimiter: string;
  /** Set when reading stopped at `maxRows`: the file holds more rows than were read. */
  truncated: boolean;
  /** A quoted cell that never closes: the rows before it were read. */
  error?: { line: number; message: string };
}

export interface CsvReadOptions {
  /** Forced delimiter; sniffed from the first row otherwise. */
  delimiter?: string;
  /** Stop after this many rows (header included). */
  maxRows?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CANDIDATE_DELIMITERS = [",", ";", "\t"] as const;

export function readCsv(input: string, options: CsvReadOptions = {}): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const delimiterCode = delimiter.charCodeAt(0);
  const maxRows = options.maxRows ?? Infinity;
  const rows: CsvRow[] = [];
  const length = text.length;

  let i = 0;
  let line = 1;
  while (i < length) {
    if (rows.length >= maxRows) return { rows, delimiter, truncated: true };
    const rowLine = line;
    const cells: string[] = [];
    let sawQuote = false;
    // One row: cells until a line end outside quotes, or the end of the text.
    for (;;) {
      let cell = "";
      if (text.charCodeAt(i) === QUOTE) {
        sawQuote = true;
        const openedOn = line;
        i++;
        let closed = false;
        while (i < length) {
          const next = text.indexOf('"', i);
          if (next === -1) break;
          const chunk = text.slice(i, next);
          cell += chunk;
          line += countLineEnds(chunk);
          if (text.charCodeAt(next + 1) === QUOTE) {
            cell += '"';
            i = next + 2;
          } else {
            i = next + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          return {
            rows,
            delimiter,
            truncated: false,
            error: { line: openedOn, message: `a quoted cell opened on line ${openedOn} is never closed` },
          };
        }
      }
      // Unquoted cell, or what follows a closing quote (kept as written).
      const start = i;
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code === delimiterCode || code === LF || code === CR) break;
        i++;
      }
      cell += text.slice(start, i);
      cells.push(cell);
      if (i >= length) break;
      const code = text.charCodeAt(i);
      if (code === delimiterCode) {
        i++;
        continue;
      }
      // A line end: CRLF, LF or a lone CR.
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    const blank = cells.length === 1 && cells[0] === "" && !sawQuote;
    if (!blank) rows.push({ line: rowLine, cells });
  }
  return { rows, delimiter, truncated: false };
}

function countLineEnds(chunk: string): number {
  let lines = 0;
  for (let j = 0; j < chunk.length; j++) {
    const code = chunk.charCodeAt(j);
    if (code === LF) lines++;
    else if (code === CR && chunk.charCodeAt(j + 1) !== LF) lines++;
  }
  return lines;
}

/**
 * The delimiter the header row uses most: comma (RFC 4180), semicolon (spreadsheets in locales
 * whose decimal mark is a comma) or tab. Quoted text is skipped so a comma inside a quoted column
 * name does not count.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) break;
    else if (!inQuotes && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
}

/** RFC 4180 output: a cell is quoted when it holds the delimiter, a quote or a line end. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ","): string {
  const needsQuotes = new RegExp(`[${delimiter === "\t" ? "\\t" : delimiter}"\\r\\n]`);
  return rows
    .map((row) => row.map((cell) => (needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter))
    .join("\r\n")
    .concat("\r\n");
}
