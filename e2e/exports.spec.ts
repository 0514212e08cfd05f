import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { COLLEGE, openAs } from "./support/people";
import { requestAndApprove } from "./support/signoff-api";


/** Clicks a download link and parses the file it saves. */
async function download(page: Page, name: string): Promise<{ fileName: string; json: Record<string, unknown> }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), json: JSON.parse(await readFile(path, "utf8")) as Record<string, unknown> };
}

test("an approved specification downloads as Open Badges 3.0 and CTDL and appears in the public catalog; a draft is refused; readiness lists the four standards", async ({ browser }) => {
  test.setTimeout(180_000);
  // A copy of the demo specification (eight competencies): the approval locks it, not the demo.
  const college = await openAs(browser, COLLEGE, "/projects/demo-project-cap");
  await college.getByRole("button", { name: "Duplicate Climate Adaptation Practitioner", exact: true }).click();
  await expect(college).toHaveURL(/\/documents\/[^/?]+(\?.*)?$/);
  const documentPath = new URL(college.url()).pathname;

  // A draft cannot be exported.
  for (const format of ["openbadges", "ctdl"]) {
    const refused = await college.request.get(`${documentPath}/export/${format}`);
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toBe("Only an approved credential specification can be exported.");
  }

  // Readiness of the draft: the four targets.
  await college.goto(`${documentPath}/readiness`);
  await expect(college.getByRole("heading", { level: 1, name: "Standards readiness" })).toBeVisible();
  for (const target of ["EU micro-credential standard", "Open Badges 3.0", "CTDL publishing", "eCampusOntario"]) {
    await expect(college.getByRole("heading", { level: 2, name: target })).toBeVisible();
  }
  // The copy has no assessment plan of its own: the plan's elements are missing.
  await expect(college.getByTestId("readiness-eu")).toContainText("Missing: an assessment plan linked to this specification");

  // Sign-off, quickly: requested by the lead, then every party approves the version it was shown.
  await requestAndApprove(browser, college, documentPath);

  await college.goto(`${documentPath}/certificate`);
  await expect(college.getByRole("heading", { name: "Approval certificate" })).toBeVisible();
  const badge = await download(college, "Download Open Badges 3.0");
  expect(badge.fileName).toBe("copy-of-climate-adaptation-practitioner.openbadges.json");
  expect(badge.json).toMatchObject({ type: ["Achievement"], achievementType: "MicroCredential", name: "Copy of Climate Adaptation Practitioner" });
  expect(badge.json.alignment).toHaveLength(8);

  const ctdl = await download(college, "Download CTDL");
  expect(ctdl.fileName).toBe("copy-of-climate-adaptation-practitioner.ctdl.jsonld");
  expect(ctdl.json).toMatchObject({ "@type": "ceterms:MicroCredential", "ceterms:name": { en: "Copy of Climate Adaptation Practitioner" } });
  expect(ctdl.json["ceterms:ctid"]).toMatch(/^ce-[0-9a-f-]{36}$/);
  const [condition] = ctdl.json["ceterms:requires"] as Array<{ "ceterms:targetCompetency": unknown[] }>;
  expect(condition!["ceterms:targetCompetency"]).toHaveLength(8);
  expect(ctdl.json["ceterms:approvedBy"]).toEqual([expect.stringMatching(/\/organizations\/demo-org-pqab$/)]);
  const media = await college.request.get(`${documentPath}/export/ctdl`);
  expect(media.headers()["content-type"]).toBe("application/ld+json; charset=utf-8");

  // The signed sample credential (issued by the lead institution) and the endorsements of the
  // employer and the professional body that approved it; the document as a PDF with its certificate.
  const signed = await download(college, "Download signed sample credential");
  expect(signed.json).toMatchObject({ type: expect.arrayContaining(["VerifiableCredential", "OpenBadgeCredential"]), issuer: { id: expect.stringMatching(/^did:key:z6Mk/) } });
  expect(signed.json.proof).toEqual([expect.objectContaining({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" })]);
  const endorsements = await download(college, "Download endorsements");
  expect(endorsements.json).toHaveLength(2);
  const [pdf] = await Promise.all([college.waitForEvent("download"), college.getByRole("link", { name: "Download document PDF", exact: true }).click()]);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe("%PDF-");

  // The certificate links the readiness page too.
  await college.getByRole("link", { name: "Standards readiness" }).click();
  await expect(college.getByRole("heading", { level: 1, name: "Standards readiness" })).toBeVisible();

  // Approved, it is in the public catalog: a visitor, signed out, finds it and downloads its record.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/catalog");
  const documentId = documentPath.split("/").pop()!;
  await visitor.locator(`a[href$="-${documentId}"]`).first().click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Copy of Climate Adaptation Practitioner" })).toBeVisible();
  const published = await download(visitor, "CTDL (JSON-LD)");
  expect(published.json["ceterms:ctid"]).toBe(ctdl.json["ceterms:ctid"]);
  await visitor.context().close();
});
