/**
 * Integration: who sees where an audit event came from, on the demo workspace (real database).
 * Maya Okafor requests sign-off for Northwind Energy from a known IP address and browser, Lakeshore
 * College approves from another; the trail then carries each request's details only to the admins
 * of the organization the actor acted for and to the QA reviewer — and the approval certificate
 * (data, printable page data, PDF) carries none to anyone.
 */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { memberships } from "../../../../db/schema/organizations";
import { DEMO_PROJECT_ID, seedDemo } from "../../../../db/seed/demo";
import { editDocument, testDocument, testUser } from "../../../../test/support/documents";
import { useTestDatabase } from "../../../../test/support/use-test-database";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { certificatePdf } from "~/modules/signoff/certificate-pdf.server";
import { documentAuditTrail, type AuditRow } from "~/modules/signoff/read-models/audit-trail.server";
import { approvalCertificate } from "~/modules/signoff/read-models/certificate.server";
import { loadCurrentContent, runSignoffCommand, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();

const NORTHWIND_REQUEST = { ip: "198.51.100.23", userAgent: "PrivacyProbe/7.3 (X11; Linux x86_64) Northwind" };
const LAKESHORE_REQUEST = { ip: "203.0.113.99", userAgent: "PrivacyProbe/7.3 (Macintosh) Lakeshore" };
const OTHER_REQUEST = { ip: "192.0.2.50", userAgent: "PrivacyProbe/7.3 (Windows) partner" };
const SECRETS = [NORTHWIND_REQUEST.ip, NORTHWIND_REQUEST.userAgent, LAKESHORE_REQUEST.ip, LAKESHORE_REQUEST.userAgent, OTHER_REQUEST.ip, "PrivacyProbe"];

const DEMO = {
  employer: { user: "demo-user-employer", org: "demo-org-northwind" },
  college: { user: "demo-user-college", org: "demo-org-lakeshore" },
  university: { user: "demo-user-university", org: "demo-org-prairie" },
  profbody: { user: "demo-user-profbody", org: "demo-org-ccpa" },
  qa: { user: "demo-user-qa", org: "demo-org-pqab" },
} as const;

let documentId = "";
/** Another admin of Northwind Energy (not the actor) and a plain member of it. */
let northwindAdmin = "";
let northwindMember = "";

function ok(result: CommandResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
  return result;
}

const run = (who: keyof typeof DEMO, command: SignoffCommand, meta: { ip: string | null; userAgent: string | null }) =>
  runSignoffCommand(documentId, DEMO[who].user, command, meta, NO_LIVE_DOCUMENTS);

async function approve(who: keyof typeof DEMO, meta = OTHER_REQUEST) {
  const { hash } = await loadCurrentContent(db(), documentId, "credential_spec");
  return ok(await run(who, { type: "approve", organizationId: DEMO[who].org, versionHash: hash }, meta));
}

/** Each row's request details as the viewer receives them: "hidden" when the fields are absent. */
function details(rows: AuditRow[]) {
  return rows.map((row) => ("ip" in row || "userAgent" in row ? { ip: row.ip, userAgent: row.userAgent } : "hidden"));
}

beforeAll(async () => {
  await seedDemo(database().db);
  northwindAdmin = (await testUser("Second Northwind Admin")).id;
  northwindMember = (await testUser("Plain Northwind Member")).id;
  await db()
    .insert(memberships)
    .values([
      { userId: northwindAdmin, organizationId: DEMO.employer.org, role: "admin" },
      { userId: northwindMember, organizationId: DEMO.employer.org, role: "member" },
    ]);
  documentId = await testDocument(DEMO_PROJECT_ID, DEMO.college.user, "credential_spec", "Privacy probe");
  await editDocument(documentId, "credential_spec", { fields: { title: "Privacy probe specification" } });
  // Row 1: Northwind requests sign-off; row 2: Lakeshore approves.
  ok(await run("employer", { type: "request_signoff" }, NORTHWIND_REQUEST));
  await approve("college", LAKESHORE_REQUEST);
});

describe("the audit trail's request details, per viewer", () => {
  it("every participant reads who, for which organization, what, when and which version", async () => {
    for (const viewer of [DEMO.employer.user, northwindAdmin, northwindMember, DEMO.college.user, DEMO.university.user, DEMO.qa.user]) {
      const { rows } = await documentAuditTrail(viewer, documentId);
      expect(rows.slice(0, 2)).toMatchObject([
        { seq: 1, who: "Maya Okafor", organization: "Northwind Energy", what: "Requested sign-off (round 1)", versionHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { seq: 2, who: "Daniel Tremblay", organization: "Lakeshore College", what: "Lakeshore College approved" },
      ]);
    }
  });

  it("the acting organization's admins see its events' IP and user agent, and only its events'", async () => {
    for (const admin of [DEMO.employer.user, northwindAdmin]) {
      expect(details((await documentAuditTrail(admin, documentId)).rows)).toEqual([NORTHWIND_REQUEST, "hidden"]);
    }
    expect(details((await documentAuditTrail(DEMO.college.user, documentId)).rows)).toEqual(["hidden", LAKESHORE_REQUEST]);
  });

  it("a plain member of the acting organization does not", async () => {
    const trail = await documentAuditTrail(northwindMember, documentId);
    expect(details(trail.rows)).toEqual(["hidden", "hidden"]);
    // Not in what the loader sends to the browser either.
    const sent = JSON.stringify(trail);
    for (const secret of SECRETS) expect(sent).not.toContain(secret);
  });

  it("another partner organization does not", async () => {
    for (const partner of [DEMO.university.user, DEMO.profbody.user]) {
      const trail = await documentAuditTrail(partner, documentId);
      expect(details(trail.rows)).toEqual(["hidden", "hidden"]);
      for (const secret of SECRETS) expect(JSON.stringify(trail)).not.toContain(secret);
    }
  });

  it("the QA reviewer sees every event's details", async () => {
    expect(details((await documentAuditTrail(DEMO.qa.user, documentId)).rows)).toEqual([NORTHWIND_REQUEST, LAKESHORE_REQUEST]);
  });

  it("outsiders still get the gate's 404", async () => {
    const stranger = await testUser("Privacy Stranger");
    await expect(documentAuditTrail(stranger.id, documentId)).rejects.toHaveProperty("status", 404);
  });
});

/** The text a PDF draws (pdf-lib writes each line as a hex string shown with Tj, in Flate-compressed content streams). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const [, hex] of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(hex ?? "", "hex").toString("latin1"));
    }
  }
  return lines.join("\n");
}

describe("certificates carry no request details", () => {
  beforeAll(async () => {
    for (const who of ["university", "employer", "profbody"] as const) await approve(who);
    const final = await approve("qa");
    expect(final.status).toBe("approved");
  });

  it("the certificate data (the printable page's loader data) names people and organizations, never an IP or user agent", async () => {
    for (const viewer of [DEMO.qa.user, DEMO.employer.user, northwindMember]) {
      const certificate = await approvalCertificate(viewer, documentId);
      const sent = JSON.stringify(certificate);
      expect(sent).toContain("Northwind Energy");
      expect(sent).toContain("Maya Okafor");
      for (const secret of SECRETS) expect(sent).not.toContain(secret);
      expect(sent).not.toMatch(/"(ip|userAgent|user_agent)"/);
    }
  });

  it("the PDF draws the decisions, never an IP or user agent", async () => {
    const certificate = await approvalCertificate(DEMO.qa.user, documentId);
    if (!certificate) throw new Error("expected a certificate");
    const text = await pdfText(await certificatePdf(certificate, { verificationUrl: `https://concord.example.org${certificate.verificationPath}` }));
    // The extraction reads the real text (else the absence below would prove nothing).
    expect(text).toContain("Approval certificate");
    expect(text).toContain("Northwind Energy");
    expect(text).toContain("Maya Okafor");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("the PDF would show a request detail if one were in the data: the check can fail", async () => {
    const certificate = await approvalCertificate(DEMO.qa.user, documentId);
    if (!certificate) throw new Error("expected a certificate");
    const leaky = { ...certificate, decisions: certificate.decisions.map((d) => ({ ...d, decidedBy: `${d.decidedBy} from ${NORTHWIND_REQUEST.ip}` })) };
    expect(await pdfText(await certificatePdf(leaky, { verificationUrl: `https://concord.example.org${leaky.verificationPath}` }))).toContain(NORTHWIND_REQUEST.ip);
  });
});
