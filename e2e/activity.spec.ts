import { expect, test } from "@playwright/test";
import { createDocument, liveConnectionUp } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

/**
 * Who changed what (issue #15): the server records the author of each edit it receives. The
 * employer edits a field of a new document; the college, on another laptop, reloads and reads
 * "Last changed by Maya Okafor, Northwind Energy" on that field, and finds the edit on the
 * document's Activity page.
 */

test.describe.configure({ timeout: 120_000 });

test("another person sees who changed a field last, and the edit in the Activity feed", async ({ browser }) => {
  const employer = await openAs(browser, EMPLOYER);
  const path = await createDocument(employer, "Credential specification", `Authorship ${Date.now()}`);
  await liveConnectionUp(employer, 30_000);
  await employer.getByRole("textbox", { name: "Short code" }).fill("AUTH-15");
  await expect(employer.getByRole("group", { name: "Collaboration" }).getByRole("status").filter({ hasText: /^All changes saved$/ })).toBeVisible({ timeout: 15_000 });

  const college = await openAs(browser, COLLEGE, path, { until: (page) => liveConnectionUp(page, 30_000) });
  const lastChanged = `Last changed by ${EMPLOYER.name}, ${EMPLOYER.organization}`;
  const shortCode = college.locator('[data-path="shortCode"]');
  // Authors are written in the background every few seconds: reload until the page has it.
  await expect(async () => {
    await college.reload();
    await expect(shortCode.getByText(lastChanged)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(college.locator('[data-path="title"]').getByText(lastChanged)).toHaveCount(0);

  await college.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(college.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(college.getByRole("list", { name: "Activity, newest first" }).getByRole("listitem").filter({ hasText: `${EMPLOYER.name}, ${EMPLOYER.organization} — edited Short code` })).toBeVisible();
});
