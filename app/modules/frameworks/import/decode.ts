/**
 * Bytes → text for an uploaded framework file, and the size limit. UTF-8 is expected; a UTF-16
 * file (Excel's "Unicode text") is recognised by its BOM, and a file that is not valid UTF-8 is
 * read as Windows-1252 (what Excel on Windows writes for "CSV") and said so. Binary files people
 * upload by mistake — a workbook, a PDF — are named rather than read as garbage.
 */
import { MAX_FILE_BYTES, type ImportProblem } from "~/modules/frameworks/import/types";

export type FileInput = string | Uint8Array | ArrayBuffer;

export type Decoded = { ok: true; text: string; notes: string[] } | { ok: false; problem: ImportProblem };

export function decodeFile(input: FileInput, maxBytes = MAX_FILE_BYTES): Decoded {
  const size = typeof input === "string" ? utf8Length(input) : input.byteLength;
  if (size > maxBytes) {
    return {
      ok: false,
      problem: {
        kind: "too-large",
        message: `The file is larger than ${mebibytes(maxBytes)} (${size.toLocaleString("en-CA")} bytes), the limit.`,
      },
    };
  }
  if (typeof input === "string") return { ok: true, text: stripBom(input), notes: [] };

  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const binary = binaryKind(bytes);
  if (binary) {
    return {
      ok: false,
      problem: {
        kind: "unrecognised-format",
        message: `This is ${binary}, not a framework file: export it as CSV, CTDL-ASN JSON-LD or CASE JSON.`,
      },
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes), notes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes), notes: [] };
  try {
    // TextDecoder drops a UTF-8 BOM itself.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), notes: [] };
  } catch {
    return {
      ok: true,
      text: new TextDecoder("windows-1252").decode(bytes),
      notes: ["The file is not UTF-8: it was read as Windows-1252 (Excel's CSV encoding). Check accented letters in the preview."],
    };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The UTF-8 byte length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("en-CA", { maximumFractionDigits: 1 })} MiB`;
}

function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "a ZIP archive (an Excel or Word file is one)";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "an old-style Office file (.xls or .doc)";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF";
  // Text never holds NUL bytes, except UTF-16, which is recognised by its BOM.
  const head = bytes.subarray(0, 4096);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && head.includes(0)) return "a binary file";
  return null;
}
