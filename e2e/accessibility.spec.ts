import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createDocument, editPath, liveConnectionUp, sidePanelsLoaded } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs, PROFBODY, QA, UNIVERSITY, type Person } from "./support/people";

/**
 * WCAG 2.2 AA (issue #20): an axe-core sweep of every page and state — signed out and in, each
 * document kind, history and diff, dialogs open, the sign-off panel in each status — allows no
 * serious or critical violation; a whole sign-off done with the keyboard alone; and no page scrolls
 * sideways at 320 px (the header's navigation collapses into a menu button).
 */

test.describe.configure({ timeout: 240_000 });

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SPEC = "/documents/demo-doc-spec";
const DOCUMENTS = ["/documents/demo-doc-spec", "/documents/demo-doc-assessment", "/documents/demo-doc-wbl", "/documents/demo-stack-cap"];
const CONSORTIUM = "/consortia/demo-consortium-climate";

/** Serious and critical violations on the page as it is now, one line each (rule, nodes, help). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 4).map((node) => `${node.target.join(" ")}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, " ").slice(0, 160)})` : ""}`);
      return `${violation.id} [${violation.impact}] ${violation.help}: ${violation.nodes.length} node(s): ${nodes.join("; ")}`;
    });
}

/** Checks the page as it is now; soft, so one run lists every page's violations. */
async function check(page: Page, state: string): Promise<void> {
  const found = await seriousViolations(page);
  expect.soft(found, `${state} (${page.url()})`).toEqual([]);
}

async function visit(page: Page, path: string, ready?: (page: Page) => Promise<unknown>): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  if (ready) await ready(page);
  await check(page, path);
}

test("signed out: landing, sign-in, sign-up, catalog, a catalog entry and verification have no serious violations", async ({ page }) => {
  for (const path of ["/", "/login", "/signup", "/catalog", "/verify"]) await visit(page, path);
  await page.goto("/catalog");
  const entry = page.locator('a[href^="/catalog/"]').first();
  const href = await entry.getAttribute("href");
  expect(href).toBeTruthy();
  await visit(page, href!);
  // A failed sign-in: the error state of a form.
  await page.goto("/login");
  await page.getByLabel("Email").fill(COLLEGE.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error, [role=alert]").first()).toBeVisible();
  await check(page, "sign-in error");
});

test("signed in: every page has no serious violations", async ({ browser }) => {
  const page = await openAs(browser, COLLEGE);
  await check(page, "dashboard");
  for (const path of ["/projects", "/projects/demo-project-cap", "/projects/demo-project-cap/audit", "/documents", "/inbox", "/notifications", "/notifications/settings", "/organizations", "/frameworks", "/demand", "/consortia", CONSORTIUM, `${CONSORTIUM}/pathways`, `${CONSORTIUM}/modules`, "/catalog"]) {
    await visit(page, path);
  }
  // A framework.
  await page.goto("/frameworks");
  const framework = await page.locator('main a[href^="/frameworks/"]').filter({ hasNotText: /import|choices/i }).first().getAttribute("href");
  expect(framework).toBeTruthy();
  await visit(page, framework!);
  // The approved demo specification's certificate and audit trail, and a document's own pages.
  for (const path of ["/documents/demo-pub-spec/certificate", `${SPEC}/audit`, `${SPEC}/activity`, `${SPEC}/readiness`, `${SPEC}/recognitions`, `${SPEC}/signoff`, "/documents/demo-stack-cap/audit"]) {
    await visit(page, path);
  }
  await page.context().close();
});

for (const path of DOCUMENTS) {
  test(`document ${path}: its Summary and its edit form, with the side panels, have no serious violations`, async ({ browser }) => {
    const page = await openAs(browser, COLLEGE, undefined, { viewport: { width: 1400, height: 1000 } });
    await visit(page, path, sidePanelsLoaded);
    await visit(page, editPath(path), async (p) => {
      await liveConnectionUp(p, 30_000);
      await sidePanelsLoaded(p);
    });
    await page.context().close();
  });
}

test("an approved document, a comment thread and the competency picker open, and a history diff have no serious violations", async ({ browser }) => {
  const page = await openAs(browser, COLLEGE, undefined, { viewport: { width: 1400, height: 1000 } });
  // An approved document: its sign-off panel with the certificate.
  await visit(page, "/documents/demo-pub-spec", sidePanelsLoaded);

  // A field's comment thread open (a non-modal dialog), then the competency picker (a modal one).
  await page.goto(editPath(SPEC));
  await liveConnectionUp(page, 30_000);
  await sidePanelsLoaded(page);
  await page.getByRole("button", { name: /^Comment on Credential title/ }).click();
  const thread = page.getByRole("dialog", { name: "Comments on Credential title" });
  await expect(thread).toBeVisible();
  // The focus moves into the thread (its text box or the thread itself), and back to its button on Escape.
  await expect.poll(() => thread.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await check(page, "comment thread open");
  await page.keyboard.press("Escape");
  await expect(thread).toBeHidden();
  await expect(page.getByRole("button", { name: /^Comment on Credential title/ })).toBeFocused();
  await page.getByRole("button", { name: "Add competencies" }).first().click();
  await expect(page.getByRole("dialog", { name: /competencies/i })).toBeVisible();
  await check(page, "competency picker open");
  await page.keyboard.press("Escape");

  // History: compare the approved document's version with the current content.
  await page.goto("/documents/demo-pub-spec");
  await sidePanelsLoaded(page);
  const compare = await page.getByRole("region", { name: "History" }).getByRole("link", { name: /^Compare with current \(version \d+\)/ }).first().getAttribute("href", { timeout: 10_000 });
  expect(compare).toBeTruthy();
  await visit(page, compare!);
  await page.context().close();
});

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 })) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

const panelOf = (page: Page) => page.getByRole("region", { name: "Sign-off" });

/** From the top of the document page, by the skip link to the sign-off panel. */
async function skipToSignoff(page: Page): Promise<void> {
  const skip = page.getByRole("link", { name: "Skip to sign-off" });
  await tabTo(page, skip, { max: 6 });
  await page.keyboard.press("Enter");
  await expect(panelOf(page)).toBeFocused();
}

async function approveByKeyboard(browser: Browser, person: Person, path: string, seats: number): Promise<void> {
  const page = await openAs(browser, person, path, { until: (p) => expect(panelOf(p).getByRole("heading", { name: "Sign-off" })).toBeVisible() });
  const seat = panelOf(page).getByRole("group", { name: `Your decision for ${person.organization}` });
  await expect(seat).toBeVisible();
  await skipToSignoff(page);
  await tabTo(page, seat.getByRole("button", { name: "Approve", exact: true }));
  await page.keyboard.press("Space");
  // The confirmation takes the focus; its button confirms.
  const dialog = seat.getByRole("dialog", { name: "Confirm approval" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Confirm approval" })).toBeFocused();
  if (seats === 1) await check(page, "sign-off confirmation open");
  await page.keyboard.press("Enter");
  await expect(panelOf(page).getByRole("listitem", { name: person.organization, exact: true }).getByText("Approved", { exact: true })).toBeVisible();
  await page.context().close();
}

test("a whole sign-off with the keyboard alone: request, then every party approves", async ({ browser }) => {
  test.setTimeout(480_000);
  const college = await openAs(browser, COLLEGE, undefined, { viewport: { width: 1280, height: 900 } });
  // Setting up (not the subject): a document of its own, as an approval locks it.
  const path = await createDocument(college, "Credential specification", `Keyboard sign-off ${Date.now().toString(36)}`);
  await college.goto(path);
  await expect(panelOf(college).getByRole("button", { name: "Request sign-off" })).toBeVisible();
  await check(college, "sign-off panel, draft");

  await skipToSignoff(college);
  await tabTo(college, panelOf(college).getByRole("button", { name: "Request sign-off" }));
  await college.keyboard.press("Enter");
  await expect(college.locator(".page-header .badge").first()).toHaveText("In review");
  await expect(panelOf(college).getByText(/Round 1/)).toBeVisible();
  await check(college, "sign-off panel, in review");

  // The lead's own organization, then the partners, then QA (the default template's stages).
  let n = 0;
  for (const person of [COLLEGE, UNIVERSITY, EMPLOYER, PROFBODY, QA]) await approveByKeyboard(browser, person, path, ++n);
  await college.reload();
  await expect(college.locator(".page-header .badge").first()).toHaveText("Approved");
  await check(college, "sign-off panel, approved");
  await college.context().close();
});

/** The page is no wider than the viewport: nothing scrolls sideways. */
async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(widths.scroll, `${what} is ${widths.scroll}px wide at ${widths.client}px`).toBeLessThanOrEqual(widths.client);
}

test("at 320 px no page scrolls sideways; the navigation is behind a menu button", async ({ browser }) => {
  const outsider = await (await browser.newContext({ viewport: { width: 320, height: 700 } })).newPage();
  for (const path of ["/", "/login", "/signup", "/catalog", "/verify"]) {
    await outsider.goto(path);
    await noSidewaysScroll(outsider, path);
  }
  await outsider.context().close();

  // Signed in on a wide screen (the sign-out button is then in view), then narrowed.
  const page = await openAs(browser, COLLEGE);
  await page.setViewportSize({ width: 320, height: 700 });
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  // Keyboard: open, follow a link; the menu closes on the new page.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await noSidewaysScroll(page, "the open menu");
  await check(page, "header menu open");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, nav.getByRole("link", { name: "Projects" }), { max: 5 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/projects$/);
  await expect(nav).toBeHidden();

  for (const path of ["/", "/projects", "/projects/demo-project-cap", SPEC, editPath(SPEC), "/inbox", "/notifications", "/frameworks", "/demand", "/consortia", CONSORTIUM, "/catalog", "/documents/demo-pub-spec/certificate"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await noSidewaysScroll(page, path);
  }
  await page.context().close();
});
