/**
 * The approval certificate as a PDF (pdf-lib, standard Helvetica: no font files to ship). Same
 * content as the printable page: what was approved (parties, key terms), the approved version's
 * full hash, its public verification URL with a QR code of it, every decision, the audit chain's
 * verification result at the time of download.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { Certificate } from "~/modules/signoff/read-models/certificate.server";
import type { TFunction } from "i18next";
import { translator } from "~/modules/i18n/i18n";
import { DECISION_LABELS } from "~/modules/signoff/format";
import { formatDateTime } from "~/modules/i18n/format";
import type { Locale } from "~/modules/i18n/locales";
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

/** A moment as the PDFs print it: "30 Nov 2026, 15:04:05 UTC" in English, Intl's fr-CA wording in French. */
export function pdfMoment(iso: string | null, locale: Locale = "en", precision: "second" | "minute" = "second"): string {
  return locale === "en" || !iso ? formatUtc(iso, precision) : `${formatDateTime(locale, iso, "UTC")} UTC`;
}

/**
 * `verificationUrl`: the absolute public URL of the certificate's check (origin + verificationPath).
 * `locale`: the reader's language for the certificate's own words (English by default); the names,
 * stage and decision words come from the certificate as its read model composed them.
 */
export async function certificatePdf(certificate: Certificate, options: { verificationUrl: string; locale?: Locale }): Promise<Uint8Array> {
  const t = translator(options.locale ?? "en");
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(t("signoff.pdf.documentTitle", { title: certificate.document.title })));
  pdf.setProducer("Concord");
  pdf.setCreationDate(new Date(certificate.generatedAt));
  drawCertificate(pdf, await embedFonts(pdf), certificate, options);
  return pdf.save();
}

/**
 * The read model words decisions and quorums in English (as English PDFs print them); other
 * languages word them again from the message keys, as the certificate page does.
 */
function decisionWord(english: string, t: TFunction): string {
  const decision = (Object.keys(DECISION_LABELS) as Array<keyof typeof DECISION_LABELS>).find((key) => DECISION_LABELS[key] === english);
  return decision ? t(`signoff.decision.${decision}`) : english;
}
function quorumWord(english: string, t: TFunction): string {
  if (english === "Must approve") return t("signoff.quorum.one");
  const all = /^All (\d+) must approve$/.exec(english);
  if (all) return t("signoff.quorum.all", { parties: Number(all[1]) });
  const some = /^(\d+) of (\d+) must approve$/.exec(english);
  if (some) return t("signoff.quorum.some", { k: Number(some[1]), parties: Number(some[2]) });
  return english;
}

/** Draws the certificate from a new page of `pdf` (alone, or appended to the document's PDF). */
export function drawCertificate(pdf: PDFDocument, fonts: PdfFonts, certificate: Certificate, options: { verificationUrl: string; locale?: Locale }): void {
  const locale = options.locale ?? "en";
  const t = translator(locale);
  const at = (iso: string | null) => pdfMoment(iso, locale);
  const w = new Writer(pdf, fonts);
  w.text(t("signoff.certificate.title"), { size: 20, bold: true });
  w.gap(4);
  w.text(certificate.document.title, { size: 13, bold: true });
  w.text(t("signoff.pdf.project", { title: certificate.document.projectTitle }));
  w.text(t("signoff.pdf.round", { number: certificate.round.number, requested: at(certificate.round.requestedAt), approved: at(certificate.round.approvedAt) }));
  w.gap();
  w.text(t("signoff.certificate.summary"), { bold: true });
  for (const item of certificate.summary) w.text(t("signoff.pdf.term", { label: item.label, value: item.value }), { indent: 10 });
  if (certificate.approvedVersion) w.text(t("signoff.pdf.inHistory", { number: certificate.approvedVersion.number, name: certificate.approvedVersion.name }), { indent: 10 });
  w.gap(4);
  // A stack (issue #18): each module it was approved with, at the version it references.
  if (certificate.modules && certificate.modules.length > 0) {
    w.text(t("signoff.certificate.modules"), { bold: true });
    for (const module of certificate.modules) {
      w.text(t("signoff.pdf.module", { title: module.title, owner: module.owner, version: module.version }), { indent: 10 });
      w.text(module.versionHash, { indent: 20, mono: true, size: 8 });
    }
    w.gap(4);
  }
  w.text(t("signoff.certificate.approvedBy"), { bold: true });
  if (certificate.parties.length === 0) w.text(t("signoff.certificate.noApproval"), { indent: 10 });
  for (const party of certificate.parties) w.text(t("signoff.pdf.party", { organization: party.organization, stage: party.stage, by: party.decidedBy, at: at(party.decidedAt) }), { indent: 10 });
  w.gap();
  w.text(t("signoff.certificate.check"), { bold: true });
  w.text(t("signoff.pdf.checkIntro"));
  w.text(options.verificationUrl, { mono: true, size: 8 });
  w.gap(4);
  w.qr(options.verificationUrl);
  w.gap();
  w.text(t("signoff.pdf.versionHeading"), { bold: true });
  w.text(certificate.versionHash, { mono: true, size: 9 });
  w.text(certificate.snapshotIntact ? t("signoff.pdf.snapshotIntact") : t("signoff.pdf.snapshotBroken"), {
    color: certificate.snapshotIntact ? [0.11, 0.42, 0.31] : [0.7, 0.14, 0.09],
  });
  w.gap();
  w.text(t("signoff.certificate.stages"), { bold: true });
  certificate.stages.forEach((stage, i) => w.text(t("signoff.pdf.stage", { number: i + 1, name: stage.name, quorum: locale === "en" ? stage.quorum : quorumWord(stage.quorum, t) }), { indent: 10 }));
  w.gap();
  w.text(t("signoff.certificate.decisions"), { bold: true });
  for (const d of certificate.decisions) {
    w.text(`${t("signoff.pdf.decision", { stage: d.stage, organization: d.organization, decision: locale === "en" ? d.decision : decisionWord(d.decision, t) })}${d.outdated ? t("signoff.certificate.outdated") : ""}`, { indent: 10, bold: !d.outdated });
    w.text(t("signoff.pdf.decidedBy", { by: d.decidedBy, at: at(d.decidedAt) }), { indent: 20 });
    w.text(t("signoff.pdf.decisionVersion", { hash: d.versionHash }), { indent: 20, mono: true, size: 8 });
    if (d.comment) w.text(t("signoff.pdf.comment", { comment: d.comment }), { indent: 20 });
    w.gap(4);
  }
  w.gap();
  w.text(t("signoff.pdf.audit"), { bold: true });
  if (certificate.chain.intact) {
    w.text(t("signoff.pdf.chainIntact", { count: certificate.chain.length }), { color: [0.11, 0.42, 0.31] });
    if (certificate.chain.headHash) w.text(t("signoff.pdf.latestHash", { hash: certificate.chain.headHash }), { mono: true, size: 8 });
  } else {
    w.text(t("signoff.certificate.chainBroken", { event: certificate.chain.brokenAt + 1, message: certificate.chain.message }), { color: [0.7, 0.14, 0.09] });
  }
  w.gap();
  w.text(t("signoff.pdf.generated", { at: at(certificate.generatedAt) }), { size: 8 });
}
