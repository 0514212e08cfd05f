import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./support/auth";
import { liveConnectionUp } from "./support/document-page";

const STEPS = ["Create or join your organization", "Start or join a project", "Invite a colleague"];

function step(page: Page, label: string) {
  return page.getByRole("list", { name: "First steps" }).getByRole("listitem").filter({ hasText: label });
}

test("a new account follows its first steps and reads the sample project without being able to change it", async ({ page }, testInfo) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Frankie First");
  await page.getByLabel("Email").fill(uniqueEmail("first-steps"));
  await page.getByLabel("Password").fill("first-steps-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up lands on /organizations (to create or join one); the checklist is on the dashboard.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/");

  // Three steps, none done, each saying so in words, the first one the next to take.
  await expect(page.getByRole("heading", { name: "First steps" })).toBeVisible();
  for (const label of STEPS) await expect(step(page, label)).toContainText("Not done yet");
  await expect(step(page, STEPS[0]!).getByRole("link", { name: "Create your organization" })).toHaveAttribute("href", "/organizations");
  await expect(step(page, STEPS[1]!).getByRole("link", { name: "Start a project" })).toHaveAttribute("href", "/projects");
  await expect(page.getByRole("region", { name: "Projects" }).getByText("No projects yet.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("first-steps.png"), fullPage: true });

  // The sample project: readable, labelled, with nothing to change.
  await page.getByRole("button", { name: "Open the sample project" }).click();
  await expect(page).toHaveURL(/\/projects\/sample-project$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Climate Adaptation Practitioner (sample)");
  await expect(page.getByText("Sample", { exact: true })).toBeVisible();
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByRole("link")).toHaveCount(3);
  await expect(documents.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create document" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Invite a colleague" })).toHaveCount(0);

  await documents.getByRole("link", { name: "Climate Adaptation Practitioner", exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/sample-doc-spec$/);
  await liveConnectionUp(page, 30_000);
  await expect(page.getByText("You can read", { exact: true })).toBeVisible();
  const content = page.getByRole("region", { name: "Document content" });
  await expect(content).toContainText("Climate Adaptation Practitioner");
  // Values as text, as a QA reviewer sees them: no editable input anywhere on the page.
  await expect(page.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(content.getByRole("spinbutton")).toHaveCount(0);
  // The one select left is the competency table's "Show" filter, a way of reading, as for QA.
  for (const select of await content.getByRole("combobox").all()) await expect(select).toHaveAccessibleName("Show");
  await expect(content.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New comment" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Request sign-off" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("sample-specification.png") });
  // The server keeps the read-only socket open: reading is not editing.
  await expect(page.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible();

  // Not on the account's own lists as a project it takes part in.
  await page.goto("/projects");
  await expect(page.getByText("Your organizations are not part of any project yet.")).toBeVisible();

  // Creating an organization checks the first step off; the others still wait.
  await page.goto("/organizations");
  await page.getByLabel("Organization name").fill(`First Steps College ${Date.now().toString(36)}`);
  await page.getByLabel("Kind").selectOption({ label: "Institution" });
  await page.getByLabel("Province or territory").selectOption({ label: "Ontario" });
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: /First Steps College/ })).toBeVisible();
  await page.goto("/");
  await expect(step(page, STEPS[0]!)).toContainText("Done");
  await expect(step(page, STEPS[0]!)).not.toContainText("Not done yet");
  await expect(step(page, STEPS[0]!).getByRole("link")).toHaveCount(0);
  await expect(step(page, STEPS[1]!)).toContainText("Not done yet");
  await expect(step(page, STEPS[2]!)).toContainText("Not done yet");
  await expect(step(page, STEPS[2]!).getByRole("link", { name: "Invite a colleague" })).toHaveAttribute("href", /^\/organizations\/[^/]+$/);
});
