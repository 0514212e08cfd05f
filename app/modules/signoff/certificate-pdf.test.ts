import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificatePdf, pdfSafe } from "~/modules/signoff/certificate-pdf.server";
import type { Certificate } from "~/modules/signoff/read-models/certificate.server";

const H = "ab".repeat(32);

const certificate: Certificate = {
  document: { id: "d", title: "Climate Adaptation Practitioner — spec 🙂", kind: "credential_spec", projectTitle: "Climate" },
  round: { number: 2, requestedAt: "2026-05-01T10:00:00.000Z", approvedAt: "2026-05-02T10:00:00.000Z" },
  versionHash: H,
  snapshotIntact: true,
  stages: [{ name: "Partners", quorum: "All 4 must approve" }],
  decisions: Array.from({ length: 40 }, (_, i) => ({
    stage: "Partners",
    organization: `Organisation ${i} — Zürich 東京`,
    decision: "Approved",
    decidedBy: "Maya Okafor",
    decidedAt: "2026-05-02T09:00:00.000Z",
    versionHash: H,
    outdated: i % 3 === 0,
    comment: i === 1 ? "Looks good.\nShip it." : null,
  })),
  chain: { intact: true, length: 12, headHash: H },
  generatedAt: "2026-05-03T00:00:00.000Z",
};

describe("certificate PDF", () => {
  it("keeps WinAnsi text and replaces what the standard fonts cannot encode", () => {
    expect(pdfSafe("Zürich — “quoted” 東京 🙂\nnext")).toBe("Zürich — “quoted” ?? ? next");
  });

  it("renders a valid PDF, several pages for many decisions", async () => {
    const bytes = await certificatePdf(certificate);
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBeGreaterThan(1);
    expect(parsed.getTitle()).toContain("Approval certificate");
  });
});
