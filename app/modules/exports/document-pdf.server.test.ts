import { decodePDFRawStream, PDFDocument, PDFRawStream } from "pdf-lib";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { fillDemoWblAgreement } from "~/modules/documents/kinds/demo/index";
import { kindIndex } from "~/modules/documents/kinds/registry";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import type { CanonicalDocument, CanonicalRow } from "~/modules/documents/model/types";
import { rowsOf } from "~/modules/documents/model/values";
import { demoContent } from "~/modules/exports/demo-fixture";
import { documentPdf, DRAFT_MARK, type DocumentPdfInput } from "~/modules/exports/document-pdf.server";
import { formatMoney } from "~/modules/i18n/format";
import { localizedKindDefinition } from "~/modules/i18n/kind-text";
import { pdfSafe } from "~/modules/signoff/certificate-pdf.server";
import type { Certificate } from "~/modules/signoff/read-models/certificate.server";

const H = "cd".repeat(32);
const VERIFY = `https://concord.example.org/verify/${H}`;

const certificate: Certificate = {
  document: { id: "demo-doc-spec", title: "Climate Adaptation Practitioner", kind: "credential_spec", projectTitle: "Climate Adaptation Practitioner" },
  round: { number: 1, requestedAt: "2026-11-28T10:00:00.000Z", approvedAt: "2026-11-30T15:04:05.000Z" },
  versionHash: H,
  snapshotIntact: true,
  stages: [{ name: "Partners", quorum: "All 3 must approve" }],
  decisions: [{ stage: "Partners", organization: "Northwind Energy", decision: "Approved", decidedBy: "Maya Okafor", decidedAt: "2026-11-30T15:00:00.000Z", versionHash: H, outdated: false, comment: null }],
  chain: { intact: true, length: 7, headHash: H },
  generatedAt: "2026-12-01T00:00:00.000Z",
  parties: [{ organization: "Northwind Energy", stage: "Partners", decidedBy: "Maya Okafor", decidedAt: "2026-11-30T15:00:00.000Z" }],
  summary: [{ label: "Credential title", value: "Climate Adaptation Practitioner" }],
  approvedVersion: { number: 4, name: "Approved" },
  verificationPath: `/verify/${H}`,
};

/** Every content stream of the PDF, decoded, as Latin-1 text (as certificate-pdf.test.ts reads it). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const parsed = await PDFDocument.load(bytes);
  return parsed.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(object).decode()).toString("latin1")] : []))
    .join("\n");
}

// The WinAnsi bytes of the typographic characters the demo content uses.
const WIN_ANSI: Record<string, string> = { "—": "\x97", "–": "\x96", "’": "\x92", "‘": "\x91", "“": "\x93", "”": "\x94", "•": "\x95", "›": "\x9b" };
/** Text as pdf-lib draws it with the standard fonts: a hex string of its WinAnsi bytes. */
function shown(text: string): string {
  const bytes = [...text].map((ch) => WIN_ANSI[ch] ?? ch).join("");
  return `<${Buffer.from(bytes, "latin1").toString("hex").toUpperCase()}>`;
}

function wblContent(): CanonicalDocument {
  const ydoc = new Y.Doc();
  try {
    fillDemoWblAgreement(ydoc, { assessmentPlanId: "demo-doc-assessment" });
    return canonicalDocument(ydoc, "wbl_agreement");
  } finally {
    ydoc.destroy();
  }
}

function input(content: CanonicalDocument, overrides: Partial<DocumentPdfInput> = {}): DocumentPdfInput {
  return { content, title: String(content.fields.title), projectTitle: "Climate Adaptation Practitioner", status: "Draft", version: "Edits after version 2 — current draft, not yet saved", ...overrides };
}

/** Every section heading of the kind, as the PDF numbers them. */
function headings(content: CanonicalDocument): string[] {
  return kindIndex(content.kind).definition.sections.map((section, i) => `${i + 1}. ${section.title}`);
}

function firstRow(content: CanonicalDocument, key: string): CanonicalRow {
  const row = rowsOf(content.fields, key)[0];
  if (!row) throw new Error(`The demo has no ${key}`);
  return row;
}

describe("document PDF", () => {
  const { spec, plan } = demoContent();
  const wbl = wblContent();

  it("prints every section of the demo specification with its values, and appends the approval certificate when approved", async () => {
    const bytes = await documentPdf(input(spec, { status: "Approved", version: "Version 4 — approved 30 Nov 2026, 15:04 UTC", certificate: { certificate, verificationUrl: VERIFY } }));
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const heading of headings(spec)) expect(text, heading).toContain(shown(heading));
    expect(text).toContain(shown("Climate Adaptation Practitioner"));
    expect(text).toContain(shown("Credential specification"));
    expect(text).toContain(shown("Version: Version 4 — approved 30 Nov 2026, 15:04 UTC"));
    // A competency of the table, by its code; the learning hours with their unit.
    const competency = rowsOf(spec.fields, "competencies")[0] as CanonicalRow;
    expect(text).toContain(shown(String(competency.code)));
    expect(text).toContain(shown(`${String(spec.fields.learningHours)} hours`));
    // The certificate follows: its heading, the verification URL, the approver.
    expect(text).toContain(shown("Approval certificate"));
    expect(text).toContain(shown(VERIFY));
    expect(text).toContain(shown("Northwind Energy (Partners): Maya Okafor, 30 Nov 2026, 15:00:00 UTC"));
    expect(text).not.toContain(shown(DRAFT_MARK));
    const parsed = await PDFDocument.load(bytes);
    expect(text).toContain(shown(`Page ${parsed.getPageCount()} of ${parsed.getPageCount()}`));
  });

  it("prints the demo assessment plan: sections, assessments, coverage; a draft is marked on every page", async () => {
    const competencies = kindIndex("credential_spec").definition.competencies(spec.fields);
    const bytes = await documentPdf(input(plan, { competencies }));
    const text = await pdfText(bytes);
    for (const heading of headings(plan)) expect(text, heading).toContain(shown(heading));
    const assessment = String(firstRow(plan, "assessments").name);
    expect(text).toContain(shown(assessment));
    expect(text).toContain(shown("Method: Written examination").slice(0, -1));
    // The coverage: a line per assessment naming the competencies it assesses, by code.
    const start = shown(assessment.split(" ").slice(0, 2).join(" ")).slice(0, -1);
    expect(text.split(start).length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain(Buffer.from(String(competencies[0]?.code), "latin1").toString("hex").toUpperCase());
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    // Twice a page (top and bottom), and once in the title block.
    expect(text.split(shown(DRAFT_MARK)).length - 1).toBe(2 * pages);
    expect(text).not.toContain(shown("Approval certificate"));
  });

  it("prints the demo work-based learning agreement with its parties, dates and rich text", async () => {
    const text = await pdfText(await documentPdf(input(wbl)));
    for (const heading of headings(wbl)) expect(text, heading).toContain(shown(heading));
    expect(text).toContain(shown("Climate adaptation analyst (placement)"));
    expect(text).toContain(shown(String(firstRow(wbl, "parties").organization)));
    expect(text).toContain(shown("What the learner will do"));
    const firstWords = wbl.text.role_description?.plain.split(/\s+/).slice(0, 3).join(" ") ?? "missing";
    expect(text).toContain(firstWords.length > 3 ? Buffer.from([...firstWords].map((ch) => WIN_ANSI[ch] ?? ch).join(""), "latin1").toString("hex").toUpperCase() : "missing");
  });

  it("renders a 3,000-competency specification", async () => {
    const template = rowsOf(spec.fields, "competencies")[0] as CanonicalRow;
    const competencies = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      id: `c${i}`,
      code: `BIG-${i + 1}`,
      branch: `Branch ${Math.floor(i / 100)}`,
      title: `Generated competency ${i + 1}`,
      outcome: "The learner applies the method to a real site and explains the trade-offs to the client in plain terms.",
    }));
    const big: CanonicalDocument = { ...spec, fields: { ...spec.fields, competencies } };
    const started = performance.now();
    const bytes = await documentPdf(input(big));
    const ms = Math.round(performance.now() - started);
    console.log(`document PDF of 3,000 competencies: ${ms} ms, ${(await PDFDocument.load(bytes)).getPageCount()} pages, ${Math.round(bytes.length / 1024)} KiB`);
    const text = await pdfText(bytes);
    expect(text).toContain(shown("BIG-1"));
    expect(text).toContain(shown("BIG-3000"));
    expect(text).toContain(shown("Competencies (3000)"));
  }, 60_000);

  it("prints in French for a French reader: the kind's French labels, fr-CA money and the certificate's French words", async () => {
    const bytes = await documentPdf(input(spec, { locale: "fr", status: "Approuvé", certificate: { certificate, verificationUrl: VERIFY } }));
    const text = await pdfText(bytes);
    // pdf-lib draws through WinAnsi: the narrow no-break spaces of French typography become spaces.
    const fr = (value: string) => shown(pdfSafe(value));
    expect(text).toContain(fr("Spécification du microtitre"));
    const sections = localizedKindDefinition("credential_spec", "fr").sections;
    sections.forEach((section, i) => expect(text, section.title).toContain(fr(`${i + 1}. ${section.title}`)));
    const cost = sections.flatMap((section) => section.items).find((item) => item.key === "costCad");
    expect(cost?.label).toMatch(/[Cc]oût/);
    expect(text).toContain(fr(cost?.label ?? "missing"));
    expect(typeof spec.fields.costCad).toBe("number");
    const money = formatMoney("fr", spec.fields.costCad as number);
    expect(money).toMatch(/\s\$$/);
    expect(text).toContain(fr(money));
    expect(text).toContain(fr("Projet\u00a0: Climate Adaptation Practitioner"));
    expect(text).toContain(fr("Certificat d’approbation"));
    expect(text).toContain(fr("Ce qui a été approuvé"));
    const parsed = await PDFDocument.load(bytes);
    expect(text).toContain(fr(`Page ${parsed.getPageCount()} de ${parsed.getPageCount()}`));
    expect(text).not.toContain(shown("Not filled in."));
    expect(text).not.toContain(shown("Approval certificate"));
  });
});
