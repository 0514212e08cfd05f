/**
 * The approval certificate as a PDF (pdf-lib, standard Helvetica: no font files to ship). Same
 * content as the printable page: what was approved (parties, key terms), the approved version's
 * full hash, its public verification URL with a QR code of it, every decision, the audit chain's
 * verification result at the time of download.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { Certificate } from "~/modules/signoff/read-models/certificate.server";
import { formatUtc } from "~/utils/dates";

// The standard fonts encode WinAnsi (Latin-1 plus typographic punctuation); anything else would
// make pdf-lib throw, so it is replaced (names and comments are user text).
const WIN_ANSI_EXTRA = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"]);
/** Characters Concord's own formatting writes that WinAnsi lacks, and their plain equivalents. */
const WIN_ANSI_STAND_INS: Record<string, string> = { "\u2212": "-", "\u2011": "-", "\u2010": "-", "\u202f": " ", "\u2009": " ", "\u2007": " " };
export function pdfSafe(text: string): string {
  return [...text.normalize("NFC")]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (ch === "\n" || ch === "\t") return " ";
      const standIn = WIN_ANSI_STAND_INS[ch];
      if (standIn) return standIn;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : "?";
    })
    .join("");
}

export const PAGE = { width: 595.28, height: 841.89, margin: 50 };

export type PdfFonts = { font: PDFFont; bold: PDFFont; mono: PDFFont };

/** The standard fonts every Concord PDF draws with (certificate, document PDF). */
export async function embedFonts(pdf: PDFDocument): Promise<PdfFonts> {
  const [font, bold, mono] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.Courier),
  ]);
  return { font, bold, mono };
}

type Rgb = [number, number, number];
const INK: Rgb = [0.08, 0.13, 0.24];

/** Draws top to bottom from a new page, starting another page whenever the next line would not fit. */
export class Writer {
  private page: PDFPage;
  private y: number;
  private readonly font: PDFFont;
  private readonly bold: PDFFont;
  private readonly mono: PDFFont;
  constructor(
    private readonly pdf: PDFDocument,
    fonts: PdfFonts,
  ) {
    ({ font: this.font, bold: this.bold, mono: this.mono } = fonts);
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** Starts a new page unless `height` points still fit; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height < PAGE.margin) {
      this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - PAGE.margin;
      return true;
    }
    return false;
  }

  /** A table row: each cell wrapped to its column (`widths` in points from the left margin + indent). */
  row(cells: readonly string[], widths: readonly number[], options: { size?: number; bold?: boolean; indent?: number; header?: readonly string[] } = {}) {
    const size = options.size ?? 8;
    const lineHeight = size * 1.3;
    const indent = options.indent ?? 0;
    const font = options.bold ? this.bold : this.font;
    const wrapped = cells.map((cell, i) => wrap(pdfSafe(cell), font, size, (widths[i] ?? 100) - 6));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 4;
    if (height > PAGE.height - 2 * PAGE.margin - 40) {
      // Taller than a page (a very long cell): each cell as its own wrapped text instead.
      cells.forEach((cell, i) => this.text(`${options.header?.[i] ? `${options.header[i]}: ` : ""}${cell}`, { size, indent, bold: i === 0 }));
      this.gap(4);
      return;
    }
    // The column headings again at the top of a new page.
    if (this.ensure(height) && options.header) this.row(options.header, widths, { size, bold: true, indent });
    let x = PAGE.margin + indent;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, l) => {
        if (line) this.page.drawText(line, { x, y: this.y - size - l * lineHeight, size, font, color: rgb(...INK) });
      });
      x += widths[i] ?? 100;
    });
    this.y -= height;
    this.page.drawLine({ start: { x: PAGE.margin + indent, y: this.y + 2 }, end: { x: PAGE.width - PAGE.margin, y: this.y + 2 }, thickness: 0.3, color: rgb(0.75, 0.78, 0.83) });
  }

  /** Writes wrapped text; `indent` in points. */
  text(value: string, options: { size?: number; bold?: boolean; mono?: boolean; indent?: number; color?: Rgb } = {}) {
    const size = options.size ?? 10;
    const font = options.mono ? this.mono : options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    for (const line of wrap(pdfSafe(value), font, size, width)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y - size, size, font, color: rgb(...(options.color ?? INK)) });
      this.y -= size * 1.4;
    }
  }

  gap(points = 8) {
    this.y -= points;
  }

  /** Draws a QR code of `value`, `size` points wide, at the left margin. */
  qr(value: string, size = 96) {
    const { size: modules, path } = qrPath(value);
    const quiet = 4; // the white border scanners need, in modules
    const scale = size / (modules + 2 * quiet);
    this.ensure(size);
    // One filled path for the whole code (SVG coordinates: y grows downwards from the top left).
    this.page.drawSvgPath(path, { x: PAGE.margin + quiet * scale, y: this.y - quiet * scale, scale, color: rgb(0, 0, 0) });
    this.y -= size;
  }
}

/**
 * A QR code of `value` as one SVG path in module units: a rectangle per horizontal run of dark
 * modules. Medium error correction survives a smudged printout and keeps a ~90-character URL small.
 */
export function qrPath(value: string): { size: number; path: string } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size, path: parts.join("") };
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word longer than the line (a hash): cut it.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** `verificationUrl`: the absolute public URL of the certificate's check (origin + verificationPath). */
export async function certificatePdf(certificate: Certificate, options: { verificationUrl: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(`Approval certificate — ${certificate.document.title}`));
  pdf.setProducer("Concord");
  pdf.setCreationDate(new Date(certificate.generatedAt));
  drawCertificate(pdf, await embedFonts(pdf), certificate, options);
  return pdf.save();
}

/** Draws the certificate from a new page of `pdf` (alone, or appended to the document's PDF). */
export function drawCertificate(pdf: PDFDocument, fonts: PdfFonts, certificate: Certificate, options: { verificationUrl: string }): void {
  const w = new Writer(pdf, fonts);
  w.text("Approval certificate", { size: 20, bold: true });
  w.gap(4);
  w.text(certificate.document.title, { size: 13, bold: true });
  w.text(`Project: ${certificate.document.projectTitle}`);
  w.text(`Sign-off round ${certificate.round.number}, requested ${formatUtc(certificate.round.requestedAt)}, approved ${formatUtc(certificate.round.approvedAt)}`);
  w.gap();
  w.text("What was approved", { bold: true });
  for (const item of certificate.summary) w.text(`${item.label}: ${item.value}`, { indent: 10 });
  if (certificate.approvedVersion) w.text(`In the document's history: Version ${certificate.approvedVersion.number} — ${certificate.approvedVersion.name}`, { indent: 10 });
  w.gap(4);
  // A stack (issue #18): each module it was approved with, at the version it references.
  if (certificate.modules && certificate.modules.length > 0) {
    w.text("Modules of this stack", { bold: true });
    for (const module of certificate.modules) {
      w.text(`${module.title} — ${module.owner}: ${module.version}`, { indent: 10 });
      w.text(module.versionHash, { indent: 20, mono: true, size: 8 });
    }
    w.gap(4);
  }
  w.text("Approved by", { bold: true });
  if (certificate.parties.length === 0) w.text("No live approval is recorded.", { indent: 10 });
  for (const party of certificate.parties) w.text(`${party.organization} (${party.stage}): ${party.decidedBy}, ${formatUtc(party.decidedAt)}`, { indent: 10 });
  w.gap();
  w.text("Check this certificate", { bold: true });
  w.text("Anyone can check that this certificate matches an approval recorded by Concord at:");
  w.text(options.verificationUrl, { mono: true, size: 8 });
  w.gap(4);
  w.qr(options.verificationUrl);
  w.gap();
  w.text("Approved version (SHA-256 of the canonical content)", { bold: true });
  w.text(certificate.versionHash, { mono: true, size: 9 });
  w.text(certificate.snapshotIntact ? "The stored snapshot of this version matches its hash." : "WARNING: the stored snapshot does not match this hash.", {
    color: certificate.snapshotIntact ? [0.11, 0.42, 0.31] : [0.7, 0.14, 0.09],
  });
  w.gap();
  w.text("Stages", { bold: true });
  certificate.stages.forEach((stage, i) => w.text(`${i + 1}. ${stage.name} — ${stage.quorum}`, { indent: 10 }));
  w.gap();
  w.text("Decisions", { bold: true });
  for (const d of certificate.decisions) {
    w.text(`${d.stage} · ${d.organization}: ${d.decision}${d.outdated ? " (outdated by a later edit)" : ""}`, { indent: 10, bold: !d.outdated });
    w.text(`by ${d.decidedBy}, ${formatUtc(d.decidedAt)}`, { indent: 20 });
    w.text(`version ${d.versionHash}`, { indent: 20, mono: true, size: 8 });
    if (d.comment) w.text(`“${d.comment}”`, { indent: 20 });
    w.gap(4);
  }
  w.gap();
  w.text("Audit trail", { bold: true });
  if (certificate.chain.intact) {
    w.text(`Chain intact: ${certificate.chain.length} events verified.`, { color: [0.11, 0.42, 0.31] });
    if (certificate.chain.headHash) w.text(`Latest event hash ${certificate.chain.headHash}`, { mono: true, size: 8 });
  } else {
    w.text(`Chain broken at event ${certificate.chain.brokenAt + 1}: ${certificate.chain.message}`, { color: [0.7, 0.14, 0.09] });
  }
  w.gap();
  w.text(`Generated ${formatUtc(certificate.generatedAt)} by Concord.`, { size: 8 });
}
