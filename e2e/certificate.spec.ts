import { expect, test } from "@playwright/test";
import { createDocument } from "./support/document-page";
import { COLLEGE, openAs } from "./support/people";
import { DEMO_SEATS, requestAndApprove } from "./support/signoff-api";


test("an approved document's certificate says what was approved and can be verified by anyone, signed out", async ({ browser }) => {
  test.setTimeout(180_000);
  // A document of its own: the approval locks it, which must not touch the demo documents.
  const college = await openAs(browser, COLLEGE);
  const title = `Certified credential ${Date.now().toString(36)}`;
  const documentPath = await createDocument(college, "Credential specification", title);

  // Sign-off, quickly: requested by the lead, then every party approves the version it was shown.
  const hash = await requestAndApprove(browser, college, documentPath);

  await college.goto(`${documentPath}/certificate`);
  await expect(college.getByRole("heading", { name: "Approval certificate" })).toBeVisible();
  const summary = college.getByTestId("certificate-summary");
  await expect(summary.getByText("Credential title", { exact: true })).toBeVisible();
  await expect(summary.getByText(title, { exact: true })).toBeVisible();
  // Every party that approved, who decided for it.
  const parties = college.getByTestId("certificate-parties");
  for (const [person] of DEMO_SEATS) await expect(parties.getByRole("listitem").filter({ hasText: person.organization })).toContainText(person.name);
  // The approved version in the document's history.
  const versionLink = college.getByRole("link", { name: /^The approved version in the document's history: Version \d+ — / });
  await expect(versionLink).toBeVisible();
  await expect(college.getByTestId("approved-hash")).toHaveText(hash);
  const verificationUrl = await college.getByTestId("verification-url").innerText();
  expect(verificationUrl).toBe(`${new URL(college.url()).origin}/verify/${hash}`);
  await expect(college.getByRole("img", { name: "QR code of the verification address" })).toBeVisible();

  // The PDF carries the same (a QR code of the verification URL is drawn in it: unit-tested).
  const pdf = await college.request.get(`${documentPath}/certificate.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  await versionLink.click();
  await expect(college.getByRole("heading", { name: "Compare versions" })).toBeVisible();

  // Anyone, signed out, checks the certificate at its address; it says nothing about the document.
  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto(verificationUrl);
  await expect(outsider.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  const result = outsider.getByTestId("verification-result");
  await expect(result).toContainText(/^This certificate is genuine: this version was approved on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} .+ \(round 1\)\.$/);
  await expect(outsider.locator("body")).not.toContainText(title);
  await expect(outsider.locator("body")).not.toContainText("Lakeshore College");

  // A code that matches no approval, typed into the form.
  await outsider.goto("/verify");
  await outsider.getByLabel("Certificate code").fill("0".repeat(64));
  await outsider.getByRole("button", { name: "Verify" }).click();
  await expect(outsider).toHaveURL(new RegExp(`/verify/${"0".repeat(64)}$`));
  await expect(outsider.getByTestId("verification-result")).toHaveText("No approval matches this code.");

  // Something that is not a code at all: the field says what a code looks like.
  await outsider.getByLabel("Certificate code").fill("not-a-code");
  await outsider.getByRole("button", { name: "Verify" }).click();
  await expect(outsider.getByRole("alert")).toHaveText("A certificate code is 64 characters: digits 0–9 and letters a–f");
  await expect(outsider.getByTestId("verification-result")).toHaveCount(0);
});
