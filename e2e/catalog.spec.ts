import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

// The credential the demo seed approves (db/seed/demo.ts, DEMO_PUBLISHED_TITLE).
const TITLE = "Infrastructure Climate Risk Assessor";

/** Clicks a download link and parses the file it saves. */
async function download(page: Page, name: string): Promise<Record<string, unknown>> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return JSON.parse(await readFile(await file.path(), "utf8")) as Record<string, unknown>;
}

test("signed out, the catalog lists the approved credential, filters narrow it, and its page carries JSON-LD and both records", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Credential catalog" })).toBeVisible();
  const results = page.getByRole("region", { name: /credentials?$/ });
  const credential = page.getByRole("link", { name: TITLE, exact: true });
  await expect(credential).toBeVisible();
  const card = page.getByRole("article", { name: TITLE });
  await expect(card).toContainText("Northwind Energy"); // the employer that approved it
  await expect(card).toContainText("$1,450.00");
  await expect(card).toContainText("Hybrid (online and in person)");
  await page.screenshot({ path: testInfo.outputPath("catalog.png"), fullPage: true });

  // A filter that excludes it: delivery online.
  await page.getByLabel("Delivery mode").selectOption({ label: "Online" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/delivery=online/);
  await expect(page.getByText("No credentials match these filters.")).toBeVisible();
  await expect(credential).toHaveCount(0);

  // Filters that keep it: its occupation group and a word of its competencies.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  // The form is drawn again for the cleared address: type once it shows no filter.
  await expect(page.getByLabel("Delivery mode")).toHaveValue("");
  await page.getByLabel("Occupation (NOC code)").fill("213");
  await page.getByLabel("Search").fill("flood");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/occupation=213/);
  await expect(credential).toBeVisible();
  await expect(results.getByRole("heading", { level: 2 })).toHaveText("1 credential");

  // A bad value is named at its field.
  await page.goto("/catalog?costMin=900&costMax=100");
  await expect(page.getByRole("alert")).toHaveText("The highest cost must not be below the lowest");
  await expect(page.getByLabel("Highest cost (CAD)")).toHaveAttribute("aria-invalid", "true");

  // The credential's page.
  await page.goto("/catalog");
  await credential.click();
  await expect(page).toHaveURL(/\/catalog\/infrastructure-climate-risk-assessor-demo-pub-spec$/);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("region", { name: "Competencies" }).getByRole("listitem")).toHaveCount(8);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as Record<string, unknown>;
  expect(ld).toMatchObject({ "@context": "https://schema.org", "@type": "EducationalOccupationalCredential", name: TITLE, url: page.url() });
  await page.screenshot({ path: testInfo.outputPath("credential.png"), fullPage: true });
  expect(ld.recognizedBy).toEqual([{ "@type": "Organization", name: "Northwind Energy" }]);

  const achievement = await download(page, "Open Badges 3.0 (JSON)");
  expect(achievement).toMatchObject({ type: ["Achievement"], name: TITLE, criteria: { id: page.url() } });
  expect(achievement.id).toBe(new URL("/api/v1/credentials/demo-pub-spec/openbadges", page.url()).toString());
  const ctdl = await download(page, "CTDL (JSON-LD)");
  expect(ctdl["ceterms:subjectWebpage"]).toBe(page.url());
  expect(ctdl["ceterms:name"]).toEqual({ en: TITLE });

  // The read API answers the same, signed out.
  const api = await page.request.get("/api/v1/credentials?occupation=213");
  expect(api.status()).toBe(200);
  expect(api.headers()["ratelimit-policy"]).toMatch(/^"api";q=\d+;w=\d+$/);
  expect(((await api.json()) as { data: Array<{ title: string }> }).data.map((c) => c.title)).toEqual([TITLE]);
});
