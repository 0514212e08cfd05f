/**
 * /documents/<id>/pdf reads from the database: a draft prints its current content marked as a draft;
 * once approved, the approved version prints with its certificate appended; outsiders get 404.
 */
import { decodePDFRawStream, PDFDocument, PDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed/demo";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { testUser } from "../../../test/support/documents";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { DRAFT_MARK, loadDocumentPdf } from "~/modules/exports/document-pdf.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const COLLEGE = "demo-user-college";
const QA = "demo-user-qa";
const SPEC = "demo-doc-spec";
const URL_ = `https://concord.example/documents/${SPEC}/pdf`;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parsed = await PDFDocument.load(bytes);
  return parsed.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(object).decode()).toString("latin1")] : []))
    .join("\n");
}
const shown = (text: string) => `<${Buffer.from(text.replaceAll("—", "\x97"), "latin1").toString("hex").toUpperCase()}>`;

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}

beforeAll(async () => {
  await seedDemo(database().db);
});

describe("the document PDF", () => {
  it("prints a draft's current content, marked as a draft, with the linked specification's competencies by code", async () => {
    const { bytes, filename } = await loadDocumentPdf(COLLEGE, "demo-doc-assessment", URL_);
    expect(filename).toBe("climate-adaptation-practitioner-assessment-plan.pdf");
    const text = await pdfText(bytes);
    expect(text).toContain(shown(DRAFT_MARK));
    expect(text).toContain(shown("Status: Draft"));
    expect(text).toContain(shown("Project: Climate Adaptation Practitioner"));
    expect(text).not.toContain(shown("Approval certificate"));
    // The document field names the specification by its title, not its id.
    expect(text).toContain(shown("Climate Adaptation Practitioner"));
    expect(text).not.toContain(shown(SPEC));
  });

  it("404s to someone who may not view the document", async () => {
    const outsider = await testUser("Outsider");
    await expect(loadDocumentPdf(outsider.id, SPEC, URL_)).rejects.toMatchObject({ status: 404 });
  });

  it("prints the approved version with its approval certificate appended", async () => {
    const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
    expect(await saveTemplate(SPEC, COLLEGE, template, meta)).toEqual({ ok: true });
    ok(await runSignoffCommand(SPEC, COLLEGE, { type: "request_signoff" }, meta, NO_LIVE_DOCUMENTS));
    const hash = (await loadCurrentContent(database().db, SPEC, "credential_spec")).hash;
    ok(await runSignoffCommand(SPEC, QA, { type: "approve", organizationId: "demo-org-pqab", versionHash: hash }, meta, NO_LIVE_DOCUMENTS));

    const { bytes, filename } = await loadDocumentPdf(COLLEGE, SPEC, URL_);
    expect(filename).toBe("climate-adaptation-practitioner.pdf");
    const text = await pdfText(bytes);
    expect(text).toContain(shown("Status: Approved"));
    expect(text).toMatch(new RegExp(shown("Version: Version ").slice(0, -1)));
    expect(text).toContain(shown("Approval certificate"));
    expect(text).toContain(shown(`https://concord.example/verify/${hash}`));
    expect(text).not.toContain(shown(DRAFT_MARK));
  });
});
