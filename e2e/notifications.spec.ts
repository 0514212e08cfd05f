import { expect, test, type Page } from "@playwright/test";
import { duplicateDemoSpecification, liveConnectionUp, sidePanelsLoaded } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * Issue #19: the college @mentions the employer in a comment; the employer's open page (not
 * reloaded) shows the bell's count rise, pushed over Server-Sent Events; /notifications lists it
 * with a link straight to the thread; /dev/outbox (the e2e server keeps e-mail there) shows the
 * e-mail. A copy of the demo specification keeps the test apart from the shared demo.
 */

test.describe.configure({ timeout: 150_000 });

const WIDE = { viewport: { width: 1360, height: 950 } };
const bell = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications, / });

test("a mention lights the employer's bell live, lists it with a link to the thread, and is e-mailed", async ({ browser }) => {
  const words = `Can Northwind host these placements? (${Date.now().toString(36)})`;

  // The employer's page stays open, unreloaded, for the whole test.
  const employer = await openAs(browser, EMPLOYER, "/documents");
  await expect(bell(employer)).toBeVisible();
  const before = Number(await bell(employer).getAttribute("data-unread"));
  await expect(bell(employer)).toHaveAccessibleName(before === 0 ? "Notifications, none unread" : `Notifications, ${before} unread`);

  const college = await openAs(browser, COLLEGE, undefined, WIDE);
  const copy = await duplicateDemoSpecification(college);
  await college.goto(`${copy}?edit`);
  await liveConnectionUp(college, 30_000);
  await sidePanelsLoaded(college);
  const row = college.getByRole("region", { name: "Document content" }).locator("[data-row-id]").first();
  await row.getByRole("button", { name: /^Comment on / }).click();
  const thread = college.getByRole("dialog", { name: /^Comments on / });
  await thread.getByRole("combobox", { name: "Comment", exact: true }).fill(`@${EMPLOYER.name} ${words}`);
  await thread.getByRole("button", { name: "Post comment" }).click();
  await expect(thread.getByRole("article").filter({ hasText: words })).toBeVisible();

  // Pushed, not polled: the employer's page was never reloaded.
  await expect(bell(employer)).toHaveAccessibleName(`Notifications, ${before + 1} unread`);

  await bell(employer).click();
  await expect(employer).toHaveURL(/\/notifications$/);
  const item = employer.getByRole("listitem").filter({ hasText: `${COLLEGE.name} mentioned you on` }).first();
  const link = item.getByRole("link", { name: new RegExp(`^${COLLEGE.name} mentioned you on`) });
  await expect(link).toHaveAttribute("href", new RegExp(`^${copy.replace(/[?].*$/, "")}#thread-`));
  await expect(item.getByText("Unread")).toBeVisible();
  await item.getByRole("button", { name: /^Mark read: / }).click();
  await expect(bell(employer)).toHaveAccessibleName(before === 0 ? "Notifications, none unread" : `Notifications, ${before} unread`);

  // The link opens the document on the thread itself.
  await link.click();
  await expect(employer).toHaveURL(/#thread-/);
  await expect(employer.getByRole("region", { name: /^Comments/ }).locator("article[data-thread-id]").filter({ hasText: words })).toBeFocused();

  // The e-mail, kept in the outbox: subject, a link to the thread, and the one-click unsubscribe.
  await employer.goto("/dev/outbox");
  const mail = employer.getByRole("article").filter({ hasText: `To ${EMPLOYER.email}` }).filter({ hasText: `${COLLEGE.name} mentioned you on` }).first();
  await expect(mail).toBeVisible();
  await expect(mail).toContainText("#thread-");
  await expect(mail).toContainText("/notifications/unsubscribe?token=");
});
