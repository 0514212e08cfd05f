import { expect, test } from "@playwright/test";
import { signIn, signOut, uniqueEmail } from "./support/auth";

test("a visitor signs up, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("new-user");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Co-design credentials/ })).toBeVisible();
  await page.getByRole("link", { name: "Create account" }).first().click();

  await page.getByLabel("Name").fill("Sam Rivera");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();

  await signOut(page);
  await signIn(page, email, "correct-horse-battery");
  await expect(page.getByRole("heading", { name: "Welcome, Sam Rivera" })).toBeVisible();
});

test("sign-up shows field errors and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Sam Rivera");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Sam Rivera");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
});

test("a wrong password gets one plain error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("employer@demo.concord.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("a demo user sees the demo project and its three documents", async ({ page }) => {
  await signIn(page, "employer@demo.concord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  // The URL changes before the list replaces the dashboard (which links the document of the same name).
  await expect(page.getByRole("heading", { level: 1, name: "Credentials being co-designed" })).toBeVisible();
  await page.getByRole("link", { name: "Climate Adaptation Practitioner", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Climate Adaptation Practitioner" })).toBeVisible();
  for (const name of ["Northwind Energy", "Lakeshore College", "Prairie University", "Canadian Climate Practitioners Association", "Postsecondary Quality Assessment Board"]) {
    await expect(page.getByRole("region", { name: "Participants" }).getByText(name, { exact: true })).toBeVisible();
  }

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  // Other specs add documents to the demo project; the three seeded ones are found by their links.
  const demoDocuments = [
    ["demo-doc-spec", "Credential specification"],
    ["demo-doc-assessment", "Assessment plan"],
    ["demo-doc-wbl", "Work-based learning agreement"],
  ] as const;
  for (const [id, kind] of demoDocuments) {
    const row = page.getByRole("row").filter({ has: page.locator(`a[href="/documents/${id}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(kind);
    await expect(row).toContainText("Draft");
  }

  await page.locator('a[href="/documents/demo-doc-spec"]').first().click();
  await expect(page).toHaveURL(/\/documents\/demo-doc-spec$/);
  // The page is titled by the document's own title field (for a specification, the credential's title).
  await expect(page.getByRole("heading", { level: 1, name: "Climate Adaptation Practitioner" })).toBeVisible();
});

test("a non-member gets 404 on the demo project and its documents", async ({ page }) => {
  const email = uniqueEmail("outsider");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Olive Outsider");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("outsider-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();

  for (const path of ["/projects/demo-project-cap", "/documents/demo-doc-spec", "/documents/demo-doc-assessment", "/documents/demo-doc-wbl"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Climate Adaptation Practitioner")).toHaveCount(0);
  }

  await page.goto("/documents");
  await expect(page.getByText("No documents yet.", { exact: false })).toBeVisible();
});

test("a new user creates an organization and a project, then a document in it", async ({ page }) => {
  const email = uniqueEmail("founder");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Fatima Khan");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("founder-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await page.getByLabel("Organization name").fill("Harbourview Polytechnic");
  await page.getByLabel("Kind").selectOption({ label: "Institution" });
  await page.getByLabel("Province or territory").selectOption({ label: "Nova Scotia" });
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Harbourview Polytechnic" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Give the project a title")).toBeVisible();
  await page.getByLabel("Title").fill("Marine Electrical Safety");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Marine Electrical Safety" })).toBeVisible();
  // Other organizations join by invitation (e2e/consent.spec.ts); a newcomer is shown no directory of them.
  await expect(page.getByRole("heading", { name: "Invite an organization" })).toBeVisible();
  await expect(page.getByLabel("An organization you work with")).toHaveCount(0);
  await expect(page.getByText("Northwind Energy")).toHaveCount(0);

  await page.getByLabel("Kind").selectOption({ label: "Assessment plan" });
  await page.getByLabel("Document title").fill("Marine Electrical Safety — assessment plan");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { name: "Marine Electrical Safety — assessment plan" })).toBeVisible();
  await expect(page.getByText("Draft").first()).toBeVisible();
});
