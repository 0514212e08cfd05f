/**
 * A document of any kind as a PDF (issue #17, "PDF of each document kind with its approval
 * certificate appended"): a title block, then every section of the kind in order with each field's
 * label and value as text, rich text as paragraphs, headings and lists, rows as compact tables or
 * label/value blocks. An approved document prints its approved version and gets its approval
 * certificate appended (the same drawing as the certificate's own PDF); anything else is marked
 * "Draft — not approved" on every page. Same library and fonts as the certificate (pdf-lib,
 * standard Helvetica).
 *
 * documentPdf() is pure (content and facts in, bytes out); loadDocumentPdf() reads them for a
 * person who may view the document.
 */
import { and, eq } from "drizzle-orm";
import { PDFDocument, rgb } from "pdf-lib";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { projects } from "../../../db/schema/projects";
import { signoffVersions } from "../../../db/schema/signoff";
import { kindIndex } from "~/modules/documents/kinds/registry";
import { parseCoverageKey } from "~/modules/documents/model/coverage-cells";
import type { CanonicalDocument, CanonicalRow, JsonValue, ProjectedCompetency, ProseMirrorJSON, RowsFieldDef } from "~/modules/documents/model/types";
import { isShown, rowsOf } from "~/modules/documents/model/values";
import { linkedContextFor } from "~/modules/documents/projection.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { requireDocument } from "~/modules/permissions/require.server";
import { drawCertificate, embedFonts, PAGE, pdfMoment, pdfSafe, Writer, type PdfFonts } from "~/modules/signoff/certificate-pdf.server";
import { approvalCertificate, type Certificate } from "~/modules/signoff/read-models/certificate.server";
import { loadCurrentContent } from "~/modules/signoff/signoff.server";
import { slugify } from "~/modules/exports/context";
import { formatValue, type DisplayContext } from "~/modules/documents/format";
import { loadVersionNamer } from "~/modules/versions/version-names.server";
import { versionWords } from "~/modules/versions/version-names";
import { formatUtc } from "~/utils/dates";
import type { TFunction } from "i18next";
import { translator } from "~/modules/i18n/i18n";
import { localizedKindDefinition, rowNoun } from "~/modules/i18n/kind-text";
import { labelsFor } from "~/modules/i18n/labels";
import type { Locale } from "~/modules/i18n/locales";

export const DRAFT_MARK = "Draft — not approved";

export type DocumentPdfInput = {
  content: CanonicalDocument;
  title: string;
  projectTitle: string;
  /** The status in the reader's language: "Approved", "Draft"… */
  status: string;
  /** The printed version in words: "Version 4 — approved 2 Dec 2026, 10:00 EST". */
  version: string;
  /** Titles of the project's documents (document fields) and the competencies competency fields name. */
  documentTitles?: ReadonlyMap<string, string>;
  competencies?: readonly ProjectedCompetency[];
  /** Appended after the content; none means the document is printed as a draft. */
  certificate?: { certificate: Certificate; verificationUrl: string } | null;
  generatedAt?: string;
  /** The reader's language (issue #20): fixed words, labels and values; English by default. */
  locale?: Locale;
};

/** What the drawing helpers need besides the writer: values' context and the words of the locale. */
type Display = DisplayContext & { t: TFunction };

const MUTED: [number, number, number] = [0.35, 0.4, 0.48];
const DRAFT_RED: [number, number, number] = [0.7, 0.14, 0.09];
const WIDTH = PAGE.width - 2 * PAGE.margin;

/** Multi-line text (longtext, addresses) as separate lines: the writer turns newlines into spaces. */
function lines(w: Writer, text: string, options: Parameters<Writer["text"]>[1] = {}) {
  for (const line of text.split(/\r?\n/)) w.text(line, options);
}

function inlineText(node: ProseMirrorJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/** Rich text: paragraphs, headings, bullet and numbered lists (nested by indent), quotes. */
function richText(w: Writer, doc: ProseMirrorJSON, indent = 0) {
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case "heading": {
        const level = typeof node.attrs?.level === "number" ? node.attrs.level : 2;
        w.gap(3);
        w.ensure(30);
        lines(w, inlineText(node), { bold: true, size: level <= 2 ? 11 : 10, indent });
        break;
      }
      case "bulletList":
      case "orderedList": {
        const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
        (node.content ?? []).forEach((item, i) => {
          const marker = node.type === "bulletList" ? "•" : `${start + i}.`;
          const [first, ...rest] = item.content ?? [];
          const firstText = first && first.type === "paragraph" ? inlineText(first) : "";
          lines(w, `${marker} ${firstText}`, { indent: indent + 8 });
          richText(w, { type: "doc", content: first && first.type !== "paragraph" ? [first, ...rest] : rest }, indent + 18);
        });
        w.gap(2);
        break;
      }
      case "blockquote":
        richText(w, node, indent + 12);
        break;
      case "horizontalRule":
        w.gap(6);
        break;
      default:
        lines(w, inlineText(node), { indent });
        w.gap(3);
    }
  }
}

/** A row's name in full (the locator's rowTitle shortens long ones for messages). */
function fullRowTitle(field: RowsFieldDef, row: CanonicalRow, position: number, display: DisplayContext = {}): string {
  const parts = field.titleFields.map((key) => formatValue(field.fields.find((cell) => cell.key === key) ?? { key, label: key, type: "text" }, row[key], { locale: display.locale })).filter(Boolean);
  return parts.length > 0 ? parts.join(" — ") : `${field.itemLabel[0]?.toUpperCase() ?? ""}${field.itemLabel.slice(1)} ${position + 1}`;
}

/**
 * The specification's competencies: one compact table, grouped by framework and branch as the page
 * groups them, outcome under the competency's title. Thousands of rows stay a few lines each.
 */
function competencyTable(w: Writer, rows: CanonicalRow[], t: TFunction) {
  const header = [t("documents.pdf.code"), t("documents.pdf.competencyOutcome"), t("documents.pdf.level"), t("documents.pdf.essential")];
  const widths = [70, WIDTH - 70 - 110 - 55, 110, 55];
  let group: string | null = null;
  w.row(header, widths, { bold: true });
  for (const row of rows) {
    const str = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : "");
    const rowGroup = [str("framework"), str("branch")].filter(Boolean).join(" › ") || t("documents.pdf.customCompetencies");
    if (rowGroup !== group) {
      group = rowGroup;
      w.gap(3);
      w.ensure(30);
      w.text(rowGroup, { bold: true, size: 9 });
    }
    const title = [str("title"), str("outcome")].filter(Boolean).join(" — ");
    w.row([str("code"), title, str("level"), row.essential === true ? t("documents.pdf.yes") : row.essential === false ? t("documents.pdf.no") : ""], widths, { header });
  }
}

function rowsBlock(w: Writer, kind: CanonicalDocument["kind"], field: RowsFieldDef, rows: CanonicalRow[], display: Display) {
  const { t } = display;
  if (rows.length === 0) {
    // English keeps the PDF's own plural ("No partners yet."); other languages the noun's singular.
    const locale = display.locale ?? "en";
    const noun = locale === "en" ? `${field.itemLabel}s` : (rowNoun(kind, field.key, locale)?.singular ?? field.itemLabel);
    w.text(field.emptyText ?? t("documents.sections.noRows", { noun, gender: rowNoun(kind, field.key, locale)?.gender ?? "other" }), { indent: 10, color: MUTED });
    return;
  }
  if (field.competencyTable) return competencyTable(w, rows, t);
  // Columns that hold something in some row; few short columns read best as a table.
  const used = field.fields.filter((cell) => rows.some((row) => isShown(cell.showWhen, row) && formatValue(cell, row[cell.key], display) !== ""));
  if (used.length <= 4 && used.every((cell) => cell.type !== "longtext")) {
    const header = used.map((cell) => cell.label);
    const widths = used.map(() => WIDTH / used.length);
    w.row(header, widths, { bold: true });
    for (const row of rows) w.row(used.map((cell) => formatValue(cell, row[cell.key], display)), widths, { header });
    return;
  }
  rows.forEach((row, i) => {
    w.ensure(40);
    w.text(fullRowTitle(field, row, i, display), { bold: true, indent: 10 });
    for (const cell of used) {
      if (field.titleFields.length === 1 && field.titleFields[0] === cell.key) continue;
      if (!isShown(cell.showWhen, row)) continue;
      const value = formatValue(cell, row[cell.key], display);
      if (value) lines(w, t("documents.pdf.labelValue", { label: cell.label, value }), { indent: 20, size: 9 });
    }
    w.gap(4);
  });
}

/** A plan's coverage matrix as text: each assessment and the competencies it assesses. */
function coverageBlock(w: Writer, content: CanonicalDocument, columnsFrom: string, value: JsonValue | undefined, display: Display) {
  const { t } = display;
  const rowsDef = localizedKindDefinition(content.kind, display.locale ?? "en")
    .sections.flatMap((section) => section.items)
    .find((item) => item.key === columnsFrom && item.type !== "richtext");
  const columns = rowsOf(content.fields, columnsFrom);
  const ticked = new Map<string, string[]>();
  for (const key of Array.isArray(value) ? value : []) {
    const pair = typeof key === "string" ? parseCoverageKey(key) : null;
    if (pair) ticked.set(pair[0], [...(ticked.get(pair[0]) ?? []), pair[1]]);
  }
  if (ticked.size === 0) {
    w.text(t("documents.pdf.noCoverage"), { indent: 10, color: MUTED });
    return;
  }
  const competencyName = (id: string) => {
    const found = display.competencies?.find((c) => c.id === id);
    return found ? found.code || found.title || id : id;
  };
  columns.forEach((column, i) => {
    const ids = column.id ? (ticked.get(column.id) ?? []) : [];
    const name = rowsDef?.type === "rows" ? fullRowTitle(rowsDef, column, i, display) : t("documents.pdf.assessment", { number: i + 1 });
    w.text(t("documents.pdf.labelValue", { label: name, value: ids.length === 0 ? t("documents.pdf.noCompetency") : ids.map(competencyName).join(", ") }), { indent: 10, size: 9 });
  });
}

/** The document as a PDF; with `certificate`, the approval certificate follows the content. */
export async function documentPdf(input: DocumentPdfInput): Promise<Uint8Array> {
  const { content } = input;
  const locale = input.locale ?? "en";
  const t = translator(locale);
  const display: Display = { documentTitles: input.documentTitles, competencies: input.competencies, locale, t };
  const generatedAt = input.generatedAt ?? new Date().toISOString();
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(input.title));
  pdf.setProducer("Concord");
  pdf.setCreationDate(new Date(generatedAt));
  const fonts = await embedFonts(pdf);
  const w = new Writer(pdf, fonts);
  const kindLabel = labelsFor(t).documentKind(content.kind);
  const draft = !input.certificate;

  w.text(kindLabel, { size: 10, color: MUTED });
  w.text(input.title, { size: 18, bold: true });
  w.gap(2);
  w.text(t("documents.pdf.project", { title: input.projectTitle }));
  w.text(t("documents.pdf.status", { status: input.status }));
  w.text(t("documents.pdf.version", { version: input.version }));
  if (draft) w.text(t("documents.pdf.draftNote"), { bold: true, color: DRAFT_RED });
  else w.text(t("documents.pdf.approvedNote"));
  w.gap(10);

  const sections = localizedKindDefinition(content.kind, locale).sections;
  sections.forEach((section, s) => {
    w.gap(6);
    w.ensure(60);
    w.text(`${s + 1}. ${section.title}`, { size: 14, bold: true });
    w.gap(4);
    for (const item of section.items) {
      if (item.type === "richtext") {
        const text = content.text[item.key];
        w.ensure(36);
        w.text(item.label, { bold: true, size: 10 });
        if (!text || text.plain.trim() === "") w.text(t("documents.pdf.notFilled"), { indent: 10, color: MUTED });
        else richText(w, text.doc, 10);
        w.gap(4);
        continue;
      }
      if (!isShown(item.showWhen, content.fields)) continue;
      const value = content.fields[item.key];
      if (item.type === "rows") {
        w.ensure(36);
        const rows = rowsOf(content.fields, item.key);
        w.text(`${item.label} (${rows.length})`, { bold: true });
        rowsBlock(w, content.kind, item, rows, display);
      } else if (item.type === "coverage") {
        w.ensure(36);
        w.text(item.label, { bold: true });
        coverageBlock(w, content, item.columnsFrom, value, display);
      } else {
        const text = formatValue(item, value, display);
        w.ensure(24);
        w.text(item.label, { bold: true, size: 9 });
        if (text) lines(w, text, { indent: 10 });
        else w.text(t("documents.pdf.notFilled"), { indent: 10, color: MUTED });
      }
      w.gap(4);
    }
  });
  w.gap(8);
  w.text(t("documents.pdf.generated", { at: pdfMoment(generatedAt, locale) }), { size: 8, color: MUTED });
  if (input.certificate) drawCertificate(pdf, fonts, input.certificate.certificate, { verificationUrl: input.certificate.verificationUrl, locale });
  footers(pdf, fonts, input.title, draft ? t("documents.pdf.draftMark") : null, t);
  return pdf.save();
}

/** Page numbers (and the draft mark, top and bottom) on every page, once the page count is known. */
function footers(pdf: PDFDocument, fonts: PdfFonts, title: string, draftMark: string | null, t: TFunction) {
  const pages = pdf.getPages();
  const size = 8;
  const short = pdfSafe(title.length > 70 ? `${title.slice(0, 67)}...` : title);
  pages.forEach((page, i) => {
    const number = t("documents.pdf.page", { page: i + 1, pages: pages.length });
    page.drawText(short, { x: PAGE.margin, y: 25, size, font: fonts.font, color: rgb(...MUTED) });
    page.drawText(number, { x: PAGE.width - PAGE.margin - fonts.font.widthOfTextAtSize(number, size), y: 25, size, font: fonts.font, color: rgb(...MUTED) });
    if (draftMark) {
      const mark = pdfSafe(draftMark);
      const width = fonts.bold.widthOfTextAtSize(mark, 9);
      page.drawText(mark, { x: (PAGE.width - width) / 2, y: PAGE.height - 30, size: 9, font: fonts.bold, color: rgb(...DRAFT_RED) });
      page.drawText(mark, { x: (PAGE.width - width) / 2, y: 12, size: 9, font: fonts.bold, color: rgb(...DRAFT_RED) });
    }
  });
}

/**
 * The PDF of a document for someone who may view it (404 otherwise): the approved version with its
 * certificate for an approved document, else the current durable content marked as a draft.
 */
export async function loadDocumentPdf(userId: string, documentId: string, requestUrl: string, locale: Locale = "en"): Promise<{ bytes: Uint8Array; filename: string }> {
  const q = db();
  const document = await requireDocument(await loadActor(userId, q), documentId, "document.view", q);
  const [row] = await q.select({ kind: documents.kind, status: documents.status, title: documents.title }).from(documents).where(eq(documents.id, documentId));
  if (!row) throw new Response("Not found", { status: 404 });
  const [project] = await q.select({ title: projects.title }).from(projects).where(eq(projects.id, document.projectId));
  const certificate = row.status === "approved" ? await approvalCertificate(userId, documentId, undefined, locale) : null;
  const approved = certificate ? await approvedContent(q, documentId, certificate.versionHash) : null;
  const current = approved ? null : await loadCurrentContent(q, documentId, row.kind);
  const content = approved ?? current!.canonical;
  const hash = current?.hash ?? certificate!.versionHash;
  const [name, titles, context] = await Promise.all([
    loadVersionNamer(q, documentId),
    q.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.projectId, document.projectId)),
    linkedContextFor(q, document.projectId, row.kind, content.fields),
  ]);
  const own = kindIndex(row.kind).definition.competencies(content.fields, context);
  const bytes = await documentPdf({
    content,
    title: row.title,
    projectTitle: project?.title ?? "",
    status: labelsFor(translator(locale)).documentStatus(row.status),
    // The version's words ("Version 4 — approved …") are still composed in English (versions module).
    version: versionWords(name(hash), (at) => formatUtc(at, "minute")),
    documentTitles: new Map(titles.map((t) => [t.id, t.title])),
    competencies: [...own, ...(context.linkedCompetencies ?? [])],
    certificate: approved && certificate ? { certificate, verificationUrl: new URL(certificate.verificationPath, requestUrl).toString() } : null,
    locale,
  });
  return { bytes, filename: `${slugify(row.title) || "document"}.pdf` };
}

/** The canonical content sign-off stored for the approved version; null when it is missing. */
async function approvedContent(q: Queryable, documentId: string, versionHash: string): Promise<CanonicalDocument | null> {
  const [snapshot] = await q
    .select({ canonical: signoffVersions.canonical })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, versionHash)));
  return snapshot ? (JSON.parse(snapshot.canonical) as CanonicalDocument) : null;
}
