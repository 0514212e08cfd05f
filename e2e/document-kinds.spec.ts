import { expect, test, type Locator, type Page } from "@playwright/test";
import { createDocument, enterEditMode, openDocument as open } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * The three document kinds, edited by two people at once (two browser contexts, like two laptops):
 * structured fields and rich text arrive live on the other screen, invalid values are kept and
 * flagged inline for both, and the completeness checklist follows. Each test works on documents
 * it creates (from a blank template or by duplicating a demo document), so the demo documents the
 * other specs rely on stay as seeded. The assessment plan's coverage matrix: coverage-matrix.spec.ts.
 */

// Several people, documents and live round trips per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

const PROJECT = "/projects/demo-project-cap";
const unique = () => Date.now().toString(36);

const WIDE = { viewport: { width: 1360, height: 950 } };

const content = (page: Page) => page.getByRole("region", { name: "Document content" });
const section = (page: Page, title: string) => content(page).getByRole("region", { name: title, exact: true });
const checklist = (page: Page) => page.getByRole("list", { name: "Missing required items" });
const toFix = (page: Page) => page.getByRole("list", { name: "Values to fix" });
const completeness = (page: Page) => page.getByRole("status").filter({ hasText: /% complete/ });
const caretIn = (block: Locator, name: string) => block.locator(".collaboration-carets__label", { hasText: name });

test("credential specification: duplicated, then fields, checklist and text edited by two people live", async ({ browser }, testInfo) => {
  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);

  // Duplicate the complete demo specification from the project page.
  await college.goto(PROJECT);
  await college.getByRole("button", { name: "Duplicate Climate Adaptation Practitioner", exact: true }).click();
  await expect(college.getByRole("heading", { level: 1 })).toHaveText("Copy of Climate Adaptation Practitioner");
  // The copy opens on its Summary; the form is in edit mode.
  await enterEditMode(college);
  const url = new URL(college.url()).pathname;
  await expect(college.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible({ timeout: 30_000 });
  await expect(completeness(college)).toContainText("100% complete");
  await open(employer, url);

  // The table of contents lists every section of the kind and links to it.
  const toc = college.getByRole("navigation", { name: "Contents" });
  for (const title of ["Identity", "Purpose and occupations", "Labour-market evidence", "Competencies and learning outcomes", "Size and level", "Delivery", "Entry and recognition", "Stacking and laddering", "Quality assurance"]) {
    await expect(toc.getByRole("link", { name: title })).toBeVisible();
  }

  // An invalid number is kept as typed and flagged inline, for both people.
  const hours = college.getByLabel("Notional learning hours");
  await hours.fill("12a");
  await expect(hours).toHaveValue("12a");
  await expect(section(college, "Size and level")).toContainText("“12a” is not a number.");
  await expect(employer.getByLabel("Notional learning hours")).toHaveValue("12a");
  await expect(section(employer, "Size and level")).toContainText("“12a” is not a number.");
  await expect(toFix(employer).getByRole("link", { name: "Notional learning hours" })).toBeVisible();
  await college.getByLabel("Notional learning hours").fill("160");
  await expect(employer.getByLabel("Notional learning hours")).toHaveValue("160");
  await expect(toFix(employer)).toHaveCount(0);

  // A select changed by one is seen by the other.
  await employer.getByLabel("Learning mode").selectOption({ label: "Online" });
  await expect(college.getByLabel("Learning mode")).toHaveValue("online");

  // Clearing a required field puts it on both checklists; its link leads to the input.
  await employer.getByLabel("Short code").fill("");
  await expect(checklist(college).getByRole("link", { name: "Short code" })).toBeVisible();
  await expect(completeness(college)).not.toContainText("100% complete");
  await checklist(college).getByRole("link", { name: "Short code" }).click();
  await expect(college.getByLabel("Short code")).toBeFocused();
  await college.keyboard.type("CAP-102");
  await expect(employer.getByLabel("Short code")).toHaveValue("CAP-102");
  await expect(completeness(employer)).toContainText("100% complete");

  // Rich text: each block is its own live editor; carets show only in the block they are in.
  const employerNeed = college.getByRole("textbox", { name: "Why employers need it" });
  await employerNeed.click();
  await college.keyboard.press("Control+End");
  const line = `Utilities asked for this in ${unique()}.`;
  await college.keyboard.type(` ${line}`);
  const employerBlock = employer.locator('[data-path="text:employer_need"]');
  await expect(employerBlock).toContainText(line);
  await expect(caretIn(employerBlock, COLLEGE.name)).toBeVisible();
  await expect(caretIn(employer.locator('[data-path="text:purpose"]'), COLLEGE.name)).toHaveCount(0);
  await expect(caretIn(college.locator('[data-path="text:employer_need"]'), COLLEGE.name)).toHaveCount(0);

  const screenshot = testInfo.outputPath("credential-specification.png");
  await college.screenshot({ path: screenshot });
  await testInfo.attach("credential specification", { path: screenshot, contentType: "image/png" });
  await Promise.all([college.context().close(), employer.context().close()]);
});

test("work-based learning agreement: dates, numbers, competencies from the plan and text, live for both", async ({ browser }) => {
  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);
  const title = `Northwind placement ${unique()}`;
  const url = await createDocument(college, "Work-based learning agreement", title, {
    label: "Assessment plan whose competencies are evidenced at work",
    option: { label: "Climate Adaptation Practitioner — assessment plan" },
  });
  await expect(college.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible({ timeout: 30_000 });
  await open(employer, url);

  // Dates: the end before the start is flagged on both screens.
  await employer.getByLabel("Start date").fill("2027-02-03");
  await employer.getByLabel("End date").fill("2027-01-15");
  await expect(college.getByLabel("End date")).toHaveValue("2027-01-15");
  await expect(section(college, "Dates and hours")).toContainText("The end date must be after the start date.");
  await college.getByLabel("End date").fill("2027-04-21");
  await expect(section(employer, "Dates and hours")).not.toContainText("The end date must be after the start date.");

  // A number that is not one is kept as typed and flagged.
  await college.getByLabel("Total hours of the placement").fill("sixty");
  await expect(employer.getByLabel("Total hours of the placement")).toHaveValue("sixty");
  await expect(section(employer, "Dates and hours")).toContainText("“sixty” is not a number.");

  // A competency evidenced at work, chosen among the linked plan's: its code and title follow.
  await college.getByRole("button", { name: "Add competency" }).click();
  const workRow = (page: Page) => section(page, "Competencies evidenced at work").getByRole("listitem").first();
  await workRow(college).getByLabel("Competency", { exact: true }).selectOption({ label: "CAP.3.3 — Assess climate impacts on electricity transmission and distribution assets" });
  await expect(workRow(employer)).toContainText("CAP.3.3 Assess climate impacts on electricity");
  await expect(workRow(employer).getByLabel("Competency code")).toHaveValue("CAP.3.3");
  await expect(workRow(employer).getByLabel("Competency title")).toHaveValue("Assess climate impacts on electricity transmission and distribution assets");

  // One click removes the row for both; Undo (offered for a few seconds) brings it back for both.
  await workRow(college).getByRole("button", { name: /^Remove competency / }).click();
  await expect(section(employer, "Competencies evidenced at work").getByRole("listitem")).toHaveCount(0);
  await college.getByRole("status").filter({ hasText: /^Removed competency/ }).getByRole("button", { name: "Undo" }).click();
  await expect(workRow(employer).getByLabel("Competency code")).toHaveValue("CAP.3.3");
  await expect(workRow(college).getByLabel("Competency code")).toHaveValue("CAP.3.3");

  // Rich text, live.
  await employer.getByRole("textbox", { name: "Training plan" }).click();
  await employer.keyboard.type("Weeks 1–2: shadow the grid resilience team.");
  await expect(college.locator('[data-path="text:training_plan"]')).toContainText("shadow the grid resilience team");

  // Everyone's list of documents shows how complete it is, from the projection.
  await college.goto("/documents");
  await expect(college.getByRole("row").filter({ hasText: title })).toContainText(/\d+%/);

  await Promise.all([college.context().close(), employer.context().close()]);
});
