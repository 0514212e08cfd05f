import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, uniqueEmail } from "./support/auth";

/**
 * English and French (issue #20): the header's switch, the visitor's cookie, Accept-Language, the
 * account's choice — and `<html lang>` following along.
 */
const CEGEP = "cegep@demo.concord.test";

const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");

test("a visitor switches to French and back; the choice sticks across pages", async ({ page }) => {
  await page.goto("/catalog");
  expect(await htmlLang(page)).toBe("en-CA");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("navigation", { name: "Principale" }).getByRole("link", { name: "Catalogue" })).toBeVisible();
  expect(await htmlLang(page)).toBe("fr-CA");
  await expect(page).toHaveURL(/\/catalog$/);
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await htmlLang(page)).toBe("en-CA");
});

test.describe("a browser that asks for French", () => {
  test.use({ locale: "fr-CA" });
  test("gets French without choosing", async ({ page }) => {
    await page.goto("/catalog");
    expect(await htmlLang(page)).toBe("fr-CA");
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  });
});

test("the cégep's account works in French wherever it signs in, and an English account's switch is remembered", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(CEGEP);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  expect(await htmlLang(page)).toBe("fr-CA");
  await page.getByRole("link", { name: "Boîte de réception" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Boîte de réception" })).toBeVisible();
  await context.close();

  // A new person switches to French once; a new browser (no cookie) finds the account in French.
  const email = uniqueEmail("bilingual");
  const first = await browser.newContext();
  const one = await first.newPage();
  await one.goto("/signup");
  await one.getByLabel("Name").fill("Camille Bilingue");
  await one.getByLabel("Email").fill(email);
  await one.getByLabel("Password").fill("bilingual-password");
  await one.getByRole("button", { name: "Create account" }).click();
  await expect(one.getByRole("button", { name: "Sign out" })).toBeVisible();
  await one.getByRole("button", { name: "Français" }).click();
  await expect(one.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await first.close();
  const second = await browser.newContext();
  const two = await second.newPage();
  await two.goto("/login");
  await two.getByLabel("Email").fill(email);
  await two.getByLabel("Password").fill("bilingual-password");
  await two.getByRole("button", { name: "Sign in" }).click();
  await expect(two.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  expect(await htmlLang(two)).toBe("fr-CA");
  await second.close();
});

test.describe("a document in French", () => {
  test.use({ locale: "fr-CA" });
  test("the specification's Summary and form read in French, money in the French format", async ({ page }) => {
    // Maya's account has no language of its own: her French browser decides.
    await page.goto("/login");
    await page.getByLabel("Courriel").fill("employer@demo.concord.test");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await page.goto("/documents/demo-doc-spec");
    await expect(page.getByRole("heading", { level: 2, name: "Résumé" })).toBeVisible();
    const glance = page.locator(".doc-summary__fact").filter({ hasText: "Coût pour la personne apprenante" });
    await expect(glance).toContainText(/1\s450\s\$/);
    await page.goto("/documents/demo-doc-spec?edit");
    await expect(page.getByLabel("Nom du microtitre", { exact: true })).toBeVisible();
  });
});
