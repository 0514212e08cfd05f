/**
 * Text diff for history views: a line diff first, then a word diff inside each changed stretch.
 * Plain LCS (dynamic programming) on tokens after trimming the common prefix and suffix; the line
 * pass keeps each table small, and a stretch too large for a table (more than MAX_CELLS) is shown
 * as replaced — correct, just coarser — so a huge paste cannot stall the page.
 */

export type DiffOp = { op: "equal" | "insert" | "delete"; text: string };

const MAX_CELLS = 2_000_000;

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Words, runs of spaces and single punctuation marks: joined back, they give the text exactly. */
function words(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

function push(ops: DiffOp[], op: DiffOp["op"], text: string): void {
  if (!text) return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

function diffTokens(a: readonly string[], b: readonly string[]): DiffOp[] {
  const ops: DiffOp[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  push(ops, "equal", a.slice(0, start).join(""));
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) {
    push(ops, "delete", a.slice(start, endA).join(""));
    push(ops, "insert", b.slice(start, endB).join(""));
  } else {
    // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB), filled from the end.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        push(ops, "equal", a[start + i]!);
        i += 1;
        j += 1;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push(ops, "delete", a[start + i]!);
        i += 1;
      } else {
        push(ops, "insert", b[start + j]!);
        j += 1;
      }
    }
    while (i < n) push(ops, "delete", a[start + i++]!);
    while (j < m) push(ops, "insert", b[start + j++]!);
  }
  push(ops, "equal", a.slice(endA).join(""));
  return ops;
}

export function diffText(before: string, after: string, granularity: "word" | "line" = "word"): DiffOp[] {
  if (before === after) return before ? [{ op: "equal", text: before }] : [];
  const byLine = diffTokens(lines(before), lines(after));
  if (granularity === "line") return byLine;
  const out: DiffOp[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted) for (const op of diffTokens(words(deleted), words(inserted))) push(out, op.op, op.text);
    else {
      push(out, "delete", deleted);
      push(out, "insert", inserted);
    }
    deleted = "";
    inserted = "";
  };
  for (const op of byLine) {
    if (op.op === "delete") deleted += op.text;
    else if (op.op === "insert") inserted += op.text;
    else {
      flush();
      push(out, "equal", op.text);
    }
  }
  flush();
  return out;
}

/** The text on one side of a diff (for tests and for rendering "before" or "after" alone). */
export function sideOf(ops: readonly DiffOp[], side: "before" | "after"): string {
  return ops.filter((o) => o.op === "equal" || o.op === (side === "before" ? "delete" : "insert")).map((o) => o.text).join("");
}
