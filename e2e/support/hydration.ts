import type { Page } from "@playwright/test";

/**
 * Resolves once React has hydrated the page (app/root.tsx sets `data-hydrated` on <html>). Typing
 * into a controlled form before then can be lost when React takes the inputs over.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
