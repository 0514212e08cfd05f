import { expect, test, type Page } from "@playwright/test";
import { duplicateDemoSpecification, editPath, liveConnectionUp } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * The specification's competencies as a table: filtered, ticked and changed in bulk by one
 * person, seen live by another; a custom competency added and typed; removal confirmed. Works on
 * a duplicate of the demo specification, and reads codes from the page (the demo's competencies
 * may change), filtering by a word every version of the demo has ("climate").
 */

test.describe.configure({ timeout: 150_000 });

const WIDE = { viewport: { width: 1360, height: 950 } };

const competencySection = (page: Page) => page.getByRole("region", { name: "Document content" }).getByRole("region", { name: "Competencies and learning outcomes", exact: true });
const table = (page: Page) => competencySection(page).getByRole("table", { name: /^Competencies/ });
const shownStatus = (page: Page) => competencySection(page).getByRole("status").filter({ hasText: / shown$/ });
const rowById = (page: Page, id: string) => table(page).locator(`[data-row-id="${id}"]`);

async function shownCounts(page: Page): Promise<{ shown: number; total: number }> {
  const match = /^(\d+) of (\d+) shown$/.exec((await shownStatus(page).textContent())?.trim() ?? "");
  if (!match) throw new Error("No “N of M shown” status");
  return { shown: Number(match[1]), total: Number(match[2]) };
}

test("competency table: filter, bulk change seen live by a colleague, a custom competency added and removed", async ({ browser }, testInfo) => {
  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);

  const url = await duplicateDemoSpecification(college);
  await employer.goto(editPath(url));
  await liveConnectionUp(employer, 30_000);

  // Every competency shows, grouped; the filter narrows the list and says by how much.
  const before = await shownCounts(college);
  expect(before.shown).toBe(before.total);
  expect(before.total).toBeGreaterThanOrEqual(4);
  await college.getByLabel("Filter competencies").fill("climate");
  await expect(shownStatus(college)).not.toHaveText(`${before.total} of ${before.total} shown`);
  const filtered = await shownCounts(college);
  expect(filtered.shown).toBeGreaterThanOrEqual(2);
  expect(filtered.shown).toBeLessThan(before.total);
  const rows = table(college).locator("[data-row-id]");
  await expect(rows).toHaveCount(filtered.shown);

  // Two ticked: "Select all shown" is mixed; both marked optional in one change, seen on the other screen.
  const ids = [await rows.nth(0).getAttribute("data-row-id"), await rows.nth(1).getAttribute("data-row-id")].filter((id): id is string => id !== null);
  expect(ids).toHaveLength(2);
  for (const id of ids) {
    await expect(rowById(employer, id).getByRole("checkbox", { name: /^Essential: / })).toBeVisible();
    await rowById(college, id).getByRole("checkbox", { name: /^Select / }).check();
  }
  await expect(college.getByText("2 selected", { exact: true })).toBeVisible();
  await expect(table(college).getByRole("checkbox", { name: "Select all shown" })).toBeChecked({ indeterminate: true });
  await college.getByRole("button", { name: "Mark optional", exact: true }).click();
  await expect(competencySection(college)).toContainText("Marked optional: 2 competencies.");
  for (const id of ids) {
    await expect(rowById(college, id).getByRole("checkbox", { name: /^Essential: / })).not.toBeChecked();
    await expect(rowById(employer, id).getByRole("checkbox", { name: /^Essential: / })).not.toBeChecked();
  }

  const screenshot = testInfo.outputPath("competency-table.png");
  await competencySection(college).screenshot({ path: screenshot });
  await testInfo.attach("competency table", { path: screenshot, contentType: "image/png" });

  // A level typed in one row is seen in that row on the other screen.
  const levelInput = rowById(college, ids[0]!).getByRole("textbox", { name: /^Proficiency level for / });
  await levelInput.fill("Level 4 — Expert");
  await expect(rowById(employer, ids[0]!).getByRole("textbox", { name: /^Proficiency level for / })).toHaveValue("Level 4 — Expert");

  // A custom competency: its details open with the cursor in its code.
  await college.getByRole("button", { name: "Add custom competency", exact: true }).click();
  const details = competencySection(college).getByRole("region", { name: /^Details: / });
  await expect(details.getByLabel("Code", { exact: true })).toBeFocused();
  await college.keyboard.type("LOCAL-1");
  await expect(details).toHaveAccessibleName("Details: LOCAL-1");
  await details.getByLabel("Competency", { exact: true }).fill("Brief the utility's board on adaptation funding");
  const customRow = table(employer).locator("[data-row-id]").filter({ hasText: "LOCAL-1" });
  await expect(customRow).toContainText("Brief the utility's board on adaptation funding");
  await expect(customRow).toContainText("Custom");
  await expect(table(employer).getByRole("button", { name: /Custom competencies/ })).toHaveAttribute("aria-expanded", "true");

  // Its missing level is on the colleague's checklist; the link shows the row even through a filter
  // that hides it, opens its details and puts the cursor in the level.
  await employer.getByLabel("Filter competencies").fill("climate");
  await expect(customRow).toHaveCount(0);
  await employer
    .getByRole("list", { name: "Missing required items" })
    .getByRole("link", { name: /^Competencies › LOCAL-1 .* › Proficiency level$/ })
    .click();
  const employerDetails = competencySection(employer).getByRole("region", { name: /^Details: LOCAL-1/ });
  await expect(employerDetails.getByLabel("Proficiency level", { exact: true })).toBeFocused();
  await expect(employer.getByLabel("Filter competencies")).toHaveValue("");
  await expect(customRow).toBeVisible();
  await employer.keyboard.type("Level 2");
  await expect(details.getByLabel("Proficiency level", { exact: true })).toHaveValue("Level 2");
  await employerDetails.screenshot({ path: testInfo.outputPath("details.png") });

  // Removed in bulk after a confirmation; gone for the colleague too.
  await college.getByLabel("Filter competencies").fill("LOCAL-1");
  await expect(shownStatus(college)).toHaveText(`1 of ${before.total + 1} shown`);
  await table(college).getByRole("checkbox", { name: "Select all shown" }).check();
  await college.getByRole("button", { name: "Remove", exact: true }).click();
  const dialog = college.getByRole("dialog", { name: "Remove 1 competency?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Remove 1 competency" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(customRow).toHaveCount(0);
  await expect(shownStatus(employer)).toHaveText(`${before.total} of ${before.total} shown`);

  await Promise.all([college.context().close(), employer.context().close()]);
});

test("picking from the framework library: a whole branch added at once, seen live by a colleague", async ({ browser }) => {
  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);

  const url = await duplicateDemoSpecification(college);
  await employer.goto(editPath(url));
  await liveConnectionUp(employer, 30_000);
  await expect(shownStatus(employer)).toHaveText("8 of 8 shown");

  // The picker: the demo framework, its second branch ticked whole (one of it is already picked).
  await competencySection(college).getByRole("button", { name: "Add competencies", exact: true }).click();
  const picker = college.getByRole("dialog", { name: "Add competencies" });
  await expect(picker.getByLabel("Framework", { exact: true }).locator("option:checked")).toHaveText(/Climate Adaptation Practitioner Competency Framework/);
  const branch = picker.getByRole("treeitem").filter({ hasText: "Climate risk and vulnerability assessment" });
  // A click on a row's label ticks it, as Space does on the focused row.
  await branch.locator(".picker__label").click();
  await expect(branch).toHaveAttribute("aria-checked", "true");
  // Opening the branch shows its tasks ticked with it, the one already in the specification marked.
  await branch.press("ArrowRight");
  await expect(picker.getByRole("treeitem").filter({ hasText: "Rate climate risks and maintain a risk register" })).toHaveAttribute("aria-checked", "true");
  await expect(picker.getByRole("treeitem").filter({ hasText: "Scope a climate risk and vulnerability assessment" })).toContainText("Already in the specification");
  await picker.getByRole("button", { name: /^Add \d+ competencies$/ }).click();
  await expect(picker).toBeHidden();
  await expect(competencySection(college).getByRole("status").filter({ hasText: /^Added 12 competencies\.$/ })).toBeVisible();

  // The branch and everything under it, less the one already there: 12 more, for both people.
  await expect(shownStatus(employer)).toHaveText("20 of 20 shown", { timeout: 20_000 });
  await expect(shownStatus(college)).toHaveText("20 of 20 shown");
  await employer.getByLabel("Filter competencies").fill("risk register");
  await expect(table(employer).locator("[data-row-id]").filter({ hasText: "CAP.2.3" }).first()).toContainText("Rate climate risks and maintain a risk register");
  await expect(table(employer).locator("[data-row-id]").filter({ hasText: "Custom" })).toHaveCount(0);
  await Promise.all([college.context().close(), employer.context().close()]);
});
