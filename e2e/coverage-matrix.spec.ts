import { expect, test, type Page } from "@playwright/test";
import { createDocument, duplicateDemoSpecification, openDocument } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * The assessment plan's coverage matrix (issue #14), by two people at once: an assessment added by
 * one appears as a column for the other, ticks and a bulk "Map N competencies" arrive live, the gap
 * count falls to zero on both screens, and the sign-off panel's "Request sign-off" — disabled with
 * the gaps as its reason — becomes enabled. Works on a copy of the demo specification (8
 * competencies, 7 of them essential; the assessment-only route offered) and a new plan linked to it.
 */

test.describe.configure({ timeout: 150_000 });

const WIDE = { viewport: { width: 1360, height: 950 } };

const matrix = (page: Page) => page.getByRole("grid", { name: "Coverage matrix" });
const coverage = (page: Page) => page.locator("#section-coverage");
const signoff = (page: Page) => page.getByRole("region", { name: "Sign-off" });
const cell = (page: Page, assessment: string, code: string) => matrix(page).getByRole("checkbox", { name: `${assessment} assesses ${code}`, exact: true });

test("two people map competencies live until no competency is left without a direct assessment; then sign-off may be requested", async ({ browser }, testInfo) => {
  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);

  const specUrl = await duplicateDemoSpecification(college);
  const specId = specUrl.split("/").pop()!;
  const planUrl = await createDocument(college, "Assessment plan", `Coverage ${Date.now().toString(36)} — assessment plan`, {
    label: "Credential specification it assesses",
    option: { value: specId },
  });
  await openDocument(employer, planUrl);

  // Nothing assesses anything yet: seven gaps (the optional competency is not one), and sign-off is refused with them as the reason.
  await expect(coverage(employer)).toContainText("0 of 7 essential competencies directly assessed");
  await expect(coverage(employer)).toContainText("Add an assessment above to start mapping.");
  await expect(signoff(college).getByRole("button", { name: "Request sign-off" })).toBeDisabled({ timeout: 30_000 });
  await expect(signoff(college).getByRole("link", { name: "7 competencies have no direct assessment" })).toBeVisible();

  // The college adds an assessment (part of the assessment-only route the specification offers).
  await college.getByRole("button", { name: "Add assessment", exact: true }).click();
  const row = college.locator('[data-path^="assessments."]').first();
  await row.getByLabel("Assessment name").fill("Site observation");
  await row.getByLabel("Method", { exact: true }).selectOption({ label: "Direct observation (direct)" });
  await row.getByLabel("Where it happens").selectOption({ label: "Workplace" });
  await row.getByRole("group", { name: "Part of the assessment-only route" }).getByLabel("Yes").check();
  await expect(row).toContainText("Direct evidence");
  // …which becomes a column on the employer's screen.
  await expect(matrix(employer).getByRole("columnheader", { name: /Site observation/ })).toBeVisible();

  // A tick by the college, with the keyboard (Space on the focused cell), reaches the employer.
  await cell(college, "Site observation", "CAP.1.1").focus();
  await college.keyboard.press("Space");
  await expect(cell(college, "Site observation", "CAP.1.1")).toBeChecked();
  await expect(cell(employer, "Site observation", "CAP.1.1")).toBeChecked();
  await expect(coverage(employer)).toContainText("1 of 7 essential competencies directly assessed");
  await expect(coverage(employer)).toContainText("6 competencies have no direct assessment");

  // The employer maps the rest in one action: the gaps only, all of them, to the site observation.
  await coverage(employer).getByLabel("Gaps only").check();
  await expect(cell(employer, "Site observation", "CAP.1.1")).toHaveCount(0);
  await coverage(employer).getByLabel("Select all shown").check();
  await coverage(employer).getByLabel("Assessment", { exact: true }).selectOption({ label: "Site observation" });
  await coverage(employer).getByRole("button", { name: "Map 6 competencies", exact: true }).click();
  await expect(coverage(employer).getByRole("status").filter({ hasText: "Mapped 6 competencies to Site observation" })).toBeVisible();

  // Both screens: no gap left.
  for (const page of [college, employer]) {
    await expect(coverage(page)).toContainText("7 of 7 essential competencies directly assessed");
    await expect(coverage(page)).not.toContainText("have no direct assessment");
  }
  await expect(cell(college, "Site observation", "CAP.4.3")).toBeChecked();

  // The sign-off panel re-reads the plan as projected (a second or two after the last tick is stored): "Request sign-off" is enabled, the reason gone.
  await expect(signoff(college).getByRole("button", { name: "Request sign-off" })).toBeEnabled({ timeout: 30_000 });
  await expect(signoff(college).getByRole("link", { name: /have no direct assessment/ })).toHaveCount(0);

  await coverage(college).scrollIntoViewIfNeeded();
  const screenshot = testInfo.outputPath("coverage-matrix.png");
  await coverage(college).screenshot({ path: screenshot });
  await testInfo.attach("coverage matrix", { path: screenshot, contentType: "image/png" });

  await Promise.all([college.context().close(), employer.context().close()]);
});
