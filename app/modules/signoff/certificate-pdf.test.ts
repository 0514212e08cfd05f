import { decodePDFRawStream, PDFDocument, PDFRawStream } from "pdf-lib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { certificatePdf, pdfSafe, qrPath } from "~/modules/signoff/certificate-pdf.server";
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
  parties: [{ organization: "Northwind Energy", stage: "Partners", decidedBy: "Maya Okafor", decidedAt: "2026-05-02T09:00:00.000Z" }],
  summary: [
    { label: "Credential title", value: "Climate Adaptation Practitioner" },
    { label: "Notional learning hours", value: "150 hours" },
  ],
  approvedVersion: { number: 3, name: "Approved" },
  verificationPath: `/verify/${H}`,
};

const URL_ = `https://concord.example.org/verify/${H}`;

/** Every content stream of the PDF, decoded (pdf-lib deflates them), as Latin-1 text. */
async function contentStreams(bytes: Uint8Array): Promise<string[]> {
  const parsed = await PDFDocument.load(bytes);
  return parsed.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(object).decode()).toString("latin1")] : []));
}

/** Text as pdf-lib writes it with the standard fonts: a hex string of its WinAnsi bytes. */
function shown(text: string): string {
  return `<${Buffer.from(text, "latin1").toString("hex").toUpperCase()}>`;
}

describe("certificate PDF", () => {
  it("keeps WinAnsi text and replaces what the standard fonts cannot encode", () => {
    expect(pdfSafe("Zürich — “quoted” 東京 🙂\nnext")).toBe("Zürich — “quoted” ?? ? next");
    // What Concord's own formatting writes (a minus sign, narrow spaces) reads as its plain equivalent.
    expect(pdfSafe("\u2212$1,450 on 1\u202fDec")).toBe("-$1,450 on 1 Dec");
  });

  it("renders a valid PDF, several pages for many decisions", async () => {
    const bytes = await certificatePdf(certificate, { verificationUrl: URL_ });
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBeGreaterThan(1);
    expect(parsed.getTitle()).toContain("Approval certificate");
  });

  it("says what was approved, by whom, and where to check it, with a QR code of that URL", async () => {
    const streams = await contentStreams(await certificatePdf({ ...certificate, decisions: certificate.decisions.slice(0, 2) }, { verificationUrl: URL_ }));
    const text = streams.join("\n");
    expect(text).toContain(shown("Credential title: Climate Adaptation Practitioner"));
    expect(text).toContain(shown("Notional learning hours: 150 hours"));
    expect(text).toContain(shown("In the document's history: Version 3 — Approved".replace("—", "\x97")));
    expect(text).toContain(shown("Northwind Energy (Partners): Maya Okafor, 2 May 2026, 09:00:00 UTC"));
    expect(text).toContain(shown(URL_));
    // The QR code: one rectangle (a moveTo) per run of dark modules of the URL's code.
    const runs = (qrPath(URL_).path.match(/M/g) ?? []).length;
    expect(runs).toBeGreaterThan(50);
    expect((text.match(/ m\n/g) ?? []).length).toBe(runs);
  });

  it("lists a stack's modules with the version each was approved at; nothing for a credential that is not a stack", async () => {
    const hash = "c".repeat(64);
    const stack = await contentStreams(
      await certificatePdf({ ...certificate, decisions: [], modules: [{ title: "Flood-Risk Modelling", owner: "Prairie University", versionHash: hash, version: "Version 2 - approved" }] }, { verificationUrl: URL_ }),
    );
    expect(stack.join("\n")).toContain(shown("Modules of this stack"));
    expect(stack.join("\n")).toContain(shown("Flood-Risk Modelling ".concat("\x97", " Prairie University: Version 2 - approved")));
    expect(stack.join("\n")).toContain(shown(hash));
    const single = await contentStreams(await certificatePdf({ ...certificate, decisions: [] }, { verificationUrl: URL_ }));
    expect(single.join("\n")).not.toContain(shown("Modules of this stack"));
  });

  it("draws exactly the dark modules of the URL's QR code", () => {
    const { size, path } = qrPath(URL_);
    const drawn = new Set<string>();
    for (const [, col, row, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(width); i++) drawn.add(`${row}:${Number(col) + i}`);
    }
    const { modules } = QRCode.create(URL_, { errorCorrectionLevel: "M" });
    const dark = new Set<string>();
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (modules.get(r, c)) dark.add(`${r}:${c}`);
    expect(modules.size).toBe(size);
    expect(drawn).toEqual(dark);
  });

  it("words the certificate in French for a French reader", async () => {
    const bytes = await certificatePdf(certificate, { verificationUrl: `https://concord.example.org/verify/${H}`, locale: "fr" });
    const text = (await contentStreams(bytes)).join("\n");
    // WinAnsi bytes of the typographic characters, as pdf-lib's standard fonts draw them.
    const shownFr = (value: string) => shown([...pdfSafe(value)].map((ch) => ({ "’": "\x92", "—": "\x97", "·": "\xb7" })[ch] ?? ch).join(""));
    for (const words of ["Certificat d’approbation", "Ce qui a été approuvé", "Approuvé par", "Vérifier ce certificat", "Piste d’audit", "Décisions", "Étapes"]) expect(text, words).toContain(shownFr(words));
    expect(text).toContain(shownFr("1. Partners — Les 4 doivent approuver"));
    expect(text).toContain(shownFr("Partners · Organisation 1 — Zürich ??\u00a0: Approuvé"));
    expect(text).toContain(shownFr("Chaîne intacte\u00a0: 12 événements vérifiés."));
    expect(text).not.toContain(shownFr("Approval certificate"));
  });
});
