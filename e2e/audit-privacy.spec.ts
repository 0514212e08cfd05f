import { expect, test, type Page } from "@playwright/test";
import { EMPLOYER, openAs, QA, UNIVERSITY } from "./support/people";

/**
 * Audit trail privacy in the browser: Northwind Energy's admin requests sign-off on a document of
 * its own; every participant reads who, for which organization and what, but where the request came
 * from (IP address, browser) is under "Details" only for Northwind's admins and the QA reviewer —
 * another partner's page carries neither the disclosure nor the address. Works on a document it
 * creates, so the demo documents other specs rely on stay as seeded.
 */

test.describe.configure({ timeout: 120_000 });

const PROJECT = "/projects/demo-project-cap";
const WIDE = { viewport: { width: 1360, height: 950 } };

const eventRow = (page: Page) => page.getByRole("row").filter({ hasText: "Requested sign-off (round 1)" });

test("the request's IP address and browser show under Details for the acting organization's admin and the QA reviewer only", async ({ browser }) => {
  const employer = await openAs(browser, EMPLOYER, PROJECT, WIDE);
  const title = `Audit privacy ${Date.now().toString(36)}`;
  await employer.getByLabel("Kind").selectOption({ label: "Credential specification" });
  await employer.getByLabel("Document title").fill(title);
  await employer.getByRole("button", { name: "Create document" }).click();
  await expect(employer).toHaveURL(/\/documents\/[^/]+$/);
  const documentPath = new URL(employer.url()).pathname;
  const panel = employer.getByRole("region", { name: "Sign-off" });
  await panel.getByRole("button", { name: "Request sign-off" }).click();
  await expect(panel.getByText(/Round 1/)).toBeVisible();
  const userAgent = await employer.evaluate(() => navigator.userAgent);

  // Northwind's admin (the actor's own organization): the Details disclosure, with address and browser.
  await employer.goto(`${documentPath}/audit`);
  const own = eventRow(employer);
  await expect(own).toContainText("Maya Okafor");
  await expect(own).toContainText("Northwind Energy");
  // The request details, not the version's own "Details" (its hash) in the Version column.
  await own.locator(".audit-details").getByText("Details", { exact: true }).click();
  await expect(own.getByText(userAgent, { exact: true })).toBeVisible();
  await expect(own.getByText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/)).toBeVisible();

  // The QA reviewer sees them too.
  const qa = await openAs(browser, QA, `${documentPath}/audit`, WIDE);
  await eventRow(qa).locator(".audit-details").getByText("Details", { exact: true }).click();
  await expect(eventRow(qa).getByText(userAgent, { exact: true })).toBeVisible();

  // Another partner reads the event, but neither a disclosure nor the browser reaches its page.
  const university = await openAs(browser, UNIVERSITY, `${documentPath}/audit`, WIDE);
  await expect(eventRow(university)).toContainText("Northwind Energy");
  await expect(university.locator(".audit-details")).toHaveCount(0);
  await expect(university.getByRole("columnheader", { name: "From" })).toHaveCount(0);
  expect(await university.content()).not.toContain(userAgent);
});
