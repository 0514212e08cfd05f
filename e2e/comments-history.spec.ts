import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { editPath, sidePanelsLoaded } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs, QA } from "./support/people";

const DOCUMENT = "/documents/demo-doc-spec";

// Several people's browsers and a live editor per rich-text block: give the flows room on a busy machine.
test.describe.configure({ timeout: 120_000 });

const commentsOf = (page: Page) => page.getByRole("region", { name: /^Comments/ });
const historyOf = (page: Page) => page.getByRole("region", { name: "History" });

test("a QA reviewer comments on a field with a mention; the employer sees it, replies and resolves", async ({ browser }) => {
  const words = `Is this the title the sector uses? (${Date.now().toString(36)})`;
  const qa = await openAs(browser, QA, DOCUMENT, { until: sidePanelsLoaded });
  const comments = commentsOf(qa);
  await expect(comments.getByText(/No open comments|open/).first()).toBeVisible();

  // QA reviewers cannot edit, but they comment: pick the field, type a mention with autocomplete.
  await comments.getByRole("button", { name: "New comment" }).click();
  await comments.getByLabel("Comment on").selectOption({ label: "Credential title" });
  const box = comments.getByRole("combobox", { name: "Comment", exact: true });
  await box.fill(words + " @May");
  await expect(comments.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: /Maya Okafor/ })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue(`${words} @Maya Okafor `);
  await box.press("End");
  await box.pressSequentially("please confirm.");
  await comments.getByRole("button", { name: "Post comment" }).click();

  const thread = comments.getByRole("article").filter({ hasText: words });
  await expect(thread.getByRole("link", { name: "Credential title" })).toHaveAttribute("href", "#field-title");
  await expect(thread.locator(".mention")).toHaveText("@Maya Okafor");
  // Read-only text takes no focus, yet the reviewer can comment on words selected in it.
  await qa.locator("#field-text-purpose .ProseMirror p").first().click({ clickCount: 3 });
  await comments.getByRole("button", { name: "New comment" }).click();
  await expect(comments.getByLabel("Comment on").locator("option:checked")).toHaveText(/^Selected text: “.+”$/);
  await comments.getByRole("button", { name: "Cancel" }).click();

  // The history panel offers no "Save version" to a QA reviewer.
  await expect(historyOf(qa).getByRole("button", { name: "Save version" })).toHaveCount(0);

  // The employer is told they were mentioned, and the thread is flagged for them.
  const employer = await openAs(browser, EMPLOYER, DOCUMENT, { until: sidePanelsLoaded });
  const employerComments = commentsOf(employer);
  await expect(employerComments.getByText(/You are mentioned in \d+ open thread/)).toBeVisible();
  await employerComments.getByRole("button", { name: /^Mentions you/ }).click();
  const mentioned = employerComments.getByRole("article").filter({ hasText: words });
  await expect(mentioned.getByText("Mentions you")).toBeVisible();

  await mentioned.getByRole("button", { name: "Reply" }).click();
  await mentioned.getByRole("combobox", { name: "Reply", exact: true }).fill("Yes — the association uses this exact title.");
  await mentioned.getByRole("button", { name: "Send reply" }).click();
  await expect(mentioned.getByText("Yes — the association uses this exact title.")).toBeVisible();
  await mentioned.getByRole("button", { name: "Resolve" }).click();
  await expect(mentioned.getByText(`Resolved by ${EMPLOYER.name}`)).toBeVisible();

  // The reviewer sees the reply and the resolution under "Resolved".
  await qa.reload();
  await expect(comments.getByRole("article").filter({ hasText: words })).toHaveCount(0);
  await comments.getByRole("button", { name: /^Resolved/ }).click();
  const resolved = comments.getByRole("article").filter({ hasText: words });
  await expect(resolved.getByText("Yes — the association uses this exact title.")).toBeVisible();
  await expect(resolved.getByText(`Resolved by ${EMPLOYER.name}`)).toBeVisible();
  await expect(resolved.getByRole("button", { name: "Reopen" })).toBeVisible();

  await qa.context().close();
  await employer.context().close();
});

test("an editor saves versions and the compare page shows what changed in fields and text", async ({ browser }) => {
  const stamp = Date.now().toString(36).toUpperCase().slice(-4);
  const page = await openAs(browser, COLLEGE, editPath(DOCUMENT), { until: sidePanelsLoaded });
  await expect(page.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible({ timeout: 30_000 });
  const history = historyOf(page);

  await history.getByLabel("Version name").fill(`Draft 1 ${stamp}`);
  await history.getByRole("button", { name: "Save version" }).click();
  const first = history.getByRole("listitem").filter({ hasText: `Draft 1 ${stamp}` });
  await expect(first).toBeVisible();
  const firstNumber = Number((await first.locator(".version-list__title").innerText()).match(/Version (\d+)/)![1]);

  // Edit a field and the text.
  const shortCode = page.locator("#field-shortCode");
  await shortCode.fill(`CAP-${stamp}`);
  await shortCode.press("Tab");
  const purpose = page.getByRole("textbox", { name: "Who it is for and what holders can do" });
  await purpose.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` Municipal planners ${stamp} are welcome.`);

  // Select words in the editor and comment on them: the thread quotes them and links to the block.
  for (let i = 0; i < "welcome.".length; i += 1) await page.keyboard.press("Shift+ArrowLeft");
  const comments = commentsOf(page);
  await comments.getByRole("button", { name: "New comment" }).click();
  await expect(comments.getByLabel("Comment on").locator("option:checked")).toHaveText("Selected text: “welcome.”");
  await comments.getByRole("combobox", { name: "Comment", exact: true }).fill(`Say who welcomes them ${stamp}.`);
  await comments.getByRole("button", { name: "Post comment" }).click();
  const textThread = comments.getByRole("article").filter({ hasText: `Say who welcomes them ${stamp}.` });
  await expect(textThread.locator("blockquote")).toHaveText("welcome.");
  await expect(textThread.getByRole("link", { name: "Who it is for and what holders can do" })).toHaveAttribute("href", "#field-text-purpose");
  // The thread's link takes the editor back to exactly those words.
  await page.locator("#field-shortCode").click();
  await textThread.getByRole("link", { name: "Who it is for and what holders can do" }).click();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe("welcome.");

  // Compare that version with the current content: the edits show up once they are stored.
  const compareHref = await first.getByRole("link", { name: /Compare with current \(version \d+\)/ }).getAttribute("href");
  const check = await browser.newContext().then((c) => c.newPage());
  await signIn(check, COLLEGE.email);
  await expect(async () => {
    await check.goto(compareHref!);
    await expect(check.locator('[data-path="shortCode"]')).toContainText(`CAP-${stamp}`, { timeout: 1000 });
    await expect(check.locator('[data-path="text:purpose"] ins')).toContainText(`Municipal planners ${stamp}`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await check.context().close();

  // Save "Draft 2" and open the changes since the first version from the history panel.
  await history.getByLabel("Version name").fill(`Draft 2 ${stamp}`);
  await history.getByRole("button", { name: "Save version" }).click();
  const second = history.getByRole("listitem").filter({ hasText: `Draft 2 ${stamp}` });
  await expect(second).toBeVisible();
  await history.getByLabel("From", { exact: true }).selectOption(String(firstNumber));
  const secondNumber = Number((await second.locator(".version-list__title").innerText()).match(/Version (\d+)/)![1]);
  await history.getByLabel("To", { exact: true }).selectOption(String(secondNumber));
  await history.getByRole("button", { name: "Compare", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
  await expect(page.getByText(`Version ${firstNumber} — Draft 1 ${stamp}`).first()).toBeVisible();
  const field = page.locator('[data-path="shortCode"]');
  await expect(field.getByRole("link", { name: "Short code" })).toHaveAttribute("href", "/documents/demo-doc-spec#field-shortCode");
  await expect(field.getByText("Changed")).toBeVisible();
  await expect(field.locator("ins")).toContainText(`CAP-${stamp}`);
  const text = page.locator('[data-path="text:purpose"]');
  await expect(text.locator("ins")).toContainText(`Municipal planners ${stamp} are welcome.`);

  // Inline view: the same change as one flow of deletions and insertions.
  await page.getByLabel("Inline").check();
  await expect(text.locator(".diff-inline ins")).toContainText(`Municipal planners ${stamp}`);
  await page.context().close();
});
