import { expect, test, type Page } from "@playwright/test";
import { duplicateDemoSpecification, liveConnectionUp, sidePanelsLoaded } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * Comments where the content is: the employer comments on one competency row of a copy of the demo
 * specification through the row's own button (the copy keeps the test apart from the shared demo
 * and from other tests' threads), the thread opens beside the row, and the college, reloading,
 * sees the row's badge and the thread. Codes and titles are read from the page: the demo's
 * competencies may change. Documents are opened with `?edit` (the edit form of a document that
 * opens on its summary; ignored where there is none).
 */

test.describe.configure({ timeout: 150_000 });

const WIDE = { viewport: { width: 1360, height: 950 } };

const competencySection = (page: Page) => page.getByRole("region", { name: "Document content" }).getByRole("region", { name: "Competencies and learning outcomes", exact: true });
const table = (page: Page) => competencySection(page).getByRole("table", { name: /^Competencies/ });
const commentsPanel = (page: Page) => page.getByRole("region", { name: /^Comments/ });

test("the employer comments on a competency row beside it; the college sees the row's badge and the thread", async ({ browser }, testInfo) => {
  const words = `Is this level right for line crews? (${Date.now().toString(36)})`;
  const employer = await openAs(browser, EMPLOYER, undefined, WIDE);
  const copy = await duplicateDemoSpecification(employer);
  await employer.goto(`${copy}?edit`);
  await liveConnectionUp(employer, 30_000);
  await sidePanelsLoaded(employer);

  // The second row, so that its thread is told apart from the first's by the code in its name.
  const row = table(employer).locator("[data-row-id]").nth(1);
  const rowId = (await row.getAttribute("data-row-id"))!;
  const code = (await row.locator(".ct__code-text").innerText()).trim();
  const title = (await row.locator(".ct__title-text").innerText()).trim();
  expect(code).not.toBe("");
  const label = `${code} ${title}`;

  const button = row.getByRole("button", { name: `Comment on ${label}`, exact: true });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  const thread = employer.getByRole("dialog", { name: `Comments on ${label}` });
  await expect(thread).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(thread.getByText("No comments here yet.")).toBeVisible();
  // Beside the row: just below it, over the rows that follow, not at the other end of the page.
  const rowBox = (await row.boundingBox())!;
  const threadBox = (await thread.boundingBox())!;
  expect(Math.abs(threadBox.y - (rowBox.y + rowBox.height))).toBeLessThan(4);

  // With nothing to read yet, the comment box has the focus.
  const box = thread.getByRole("combobox", { name: "Comment", exact: true });
  await expect(box).toBeFocused();
  await box.fill(words);
  await thread.getByRole("button", { name: "Post comment" }).click();
  const posted = thread.getByRole("article").filter({ hasText: words });
  await expect(posted).toBeVisible();
  await expect(posted.getByText(EMPLOYER.name)).toBeVisible();
  await expect(row.getByRole("button", { name: `Comment on ${label} (1 comment)`, exact: true })).toBeVisible();
  await competencySection(employer).screenshot({ path: testInfo.outputPath("row-thread.png") });
  // The panel lists it too, named by the row's code.
  await expect(commentsPanel(employer).getByRole("article").filter({ hasText: words }).getByRole("link")).toContainText(code);
  // Escape closes the thread and gives the focus back to the row's button.
  await thread.press("Escape");
  await expect(thread).toHaveCount(0);
  await expect(row.getByRole("button", { name: /^Comment on / })).toBeFocused();

  // The college (an editor too) reloads: the row shows its badge; its button opens the thread.
  const college = await openAs(browser, COLLEGE, `${copy}?edit`, { ...WIDE, until: sidePanelsLoaded });
  const collegeRow = table(college).locator(`[data-row-id="${rowId}"]`);
  const badge = collegeRow.getByRole("button", { name: `Comment on ${label} (1 comment)`, exact: true });
  await expect(badge).toBeVisible();
  await expect(badge.locator(".comment-count")).toHaveText("1");
  // The other rows have none.
  await expect(table(college).getByRole("button", { name: /\(\d+ comments?\)$/ })).toHaveCount(1);
  await badge.click();
  const collegeThread = college.getByRole("dialog", { name: `Comments on ${label}` });
  const seen = collegeThread.getByRole("article").filter({ hasText: words });
  await expect(seen).toBeVisible();
  // And answers it there.
  await seen.getByRole("button", { name: "Reply" }).click();
  await seen.getByRole("combobox", { name: "Reply", exact: true }).fill("Level 3 is what the crews are certified for.");
  await seen.getByRole("button", { name: "Send reply" }).click();
  await expect(seen.getByText("Level 3 is what the crews are certified for.")).toBeVisible();

  await Promise.all([employer.context().close(), college.context().close()]);
});

test("fields and text blocks have their own comment buttons; a long title is shown whole; the panel follows on wide screens", async ({ browser }, testInfo) => {
  const page = await openAs(browser, COLLEGE, undefined, WIDE);
  const copy = await duplicateDemoSpecification(page);
  await page.goto(`${copy}?edit`);
  await liveConnectionUp(page, 30_000);
  await sidePanelsLoaded(page);

  // A field's button opens its thread right under the field.
  const field = page.locator('[data-path="shortCode"]');
  await field.getByRole("button", { name: "Comment on Short code", exact: true }).click();
  const thread = page.getByRole("dialog", { name: "Comments on Short code" });
  await expect(thread).toBeVisible();
  await thread.getByRole("combobox", { name: "Comment", exact: true }).fill("Does the registrar accept this code?");
  await thread.getByRole("button", { name: "Post comment" }).click();
  await expect(thread.getByRole("article").filter({ hasText: "Does the registrar accept this code?" })).toBeVisible();
  await expect(field.getByRole("button", { name: "Comment on Short code (1 comment)", exact: true })).toBeVisible();
  await page.getByRole("region", { name: "Document content" }).locator(".doc-section").first().screenshot({ path: testInfo.outputPath("field-thread.png") });
  await thread.getByRole("button", { name: /^Close/ }).click();
  await expect(thread).toHaveCount(0);
  // A text block has one as well.
  await expect(page.locator('[data-path="text:purpose"]').getByRole("button", { name: "Comment on Who it is for and what holders can do", exact: true })).toBeVisible();

  // A title longer than a line is shown whole: the input becomes a growing box, same label, and
  // the typing goes on in it; Enter adds no line break to a one-line value.
  const titleBox = page.getByLabel("Credential title", { exact: true });
  await titleBox.click();
  await titleBox.press("End");
  const more = " for Utilities, Municipalities and Regional Planning Bodies";
  await titleBox.pressSequentially(more);
  const grown = page.locator("textarea#field-title");
  await expect(grown).toBeFocused();
  await grown.press("Enter");
  await grown.pressSequentially(" (2027)");
  await expect(grown).toHaveValue(/Bodies \(2027\)$/);
  await expect(grown).not.toHaveValue(/\n/);
  const height = (await grown.boundingBox())!.height;
  expect(height).toBeGreaterThan(30);
  await page.locator('[data-path="title"]').screenshot({ path: testInfo.outputPath("long-title.png") });

  // Wide: the comments panel stays in view while the document scrolls; narrow: it stays in its place.
  const panel = commentsPanel(page);
  await expect(panel).toHaveCSS("position", "sticky");
  await page.mouse.wheel(0, 4000);
  await expect.poll(async () => (await panel.boundingBox())!.y).toBeLessThan(40);
  await page.screenshot({ path: testInfo.outputPath("sticky-panel.png") });
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(panel).toHaveCSS("position", "static");
  await page.context().close();
});
