import { expect, type Page } from "@playwright/test";

/** The document page hydrated and its live connection is up. */
export async function liveConnectionUp(page: Page, timeout?: number): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible({ timeout });
}

/** The History and Comments panels loaded: they fetch after hydration, which takes a while on a busy machine. */
export async function sidePanelsLoaded(page: Page): Promise<void> {
  await expect(page.getByRole("region", { name: "History" }).getByText("Loading versions…")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("region", { name: /^Comments/ }).getByText("Loading comments…")).toHaveCount(0, { timeout: 30_000 });
}

/**
 * A document page's address in edit mode (`?edit`): a document opens on its Summary and text, and
 * shows its form (inputs, editors) only in edit mode, to people who may edit.
 */
export function editPath(path: string): string {
  const url = new URL(path, "http://concord.invalid");
  url.searchParams.set("edit", "");
  // `?edit`, as the page's own link writes it (not `?edit=`).
  return `${url.pathname}${url.search.replace(/(^|[?&])edit=(?=&|$)/, "$1edit")}${url.hash}`;
}

/** Opens a document in edit mode (editPath) and waits for its live connection. */
export async function openDocument(page: Page, url: string): Promise<void> {
  await page.goto(editPath(url));
  await liveConnectionUp(page, 30_000);
}

/** From a document's Summary, into edit mode with its link ("Edit"). */
export async function enterEditMode(page: Page): Promise<void> {
  await page.getByRole("region", { name: "Summary" }).getByRole("link", { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/[?&]edit(&|#|$)/);
  await expect(page.getByRole("group", { name: "Edit mode" })).toBeVisible();
}

/**
 * Creates a document from the demo project's page, leaving the page in edit mode; returns its
 * address (without `?edit`). `link` chooses the
 * document it links to, by the link field's label and the option's label or value (a document id).
 */
export async function createDocument(page: Page, kind: string, title: string, link?: { label: string; option: { label: string } | { value: string } }): Promise<string> {
  await page.goto("/projects/demo-project-cap");
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByLabel("Document title").fill(title);
  if (link) await page.getByLabel(link.label).selectOption(link.option);
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await enterEditMode(page);
  return new URL(page.url()).pathname;
}

/**
 * Duplicates the demo specification from its project page (so a test never changes the shared
 * demo content) and returns the copy's path, with the page on the copy in edit mode and connected.
 */
export async function duplicateDemoSpecification(page: Page): Promise<string> {
  await page.goto("/projects/demo-project-cap");
  await page.getByRole("button", { name: "Duplicate Climate Adaptation Practitioner", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Copy of Climate Adaptation Practitioner");
  await enterEditMode(page);
  await liveConnectionUp(page, 30_000);
  return new URL(page.url()).pathname;
}
