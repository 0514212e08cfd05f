import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { editPath, liveConnectionUp } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs, QA } from "./support/people";

const DOCUMENT = "/documents/demo-doc-spec";
/** Editors type in edit mode; the page opens on the Summary. */
const EDIT = editPath(DOCUMENT);

/** The specification's first rich-text block ("Who it is for…"): one of the document's live editors. */
const BLOCK = "Who it is for and what holders can do";
const editorOf = (page: Page) => page.getByRole("textbox", { name: BLOCK });
const caretOf = (page: Page, name: string) => page.locator(".collaboration-carets__label", { hasText: name });

test("two people type into the same document and see each other's text and carets; QA reads along", async ({ browser }, testInfo) => {
  const college = await openAs(browser, COLLEGE, EDIT, { until: liveConnectionUp });
  const employer = await openAs(browser, EMPLOYER, EDIT, { until: liveConnectionUp });

  // The page keeps its contract: title, kind, status, project and participants around the editor.
  await expect(college.getByRole("heading", { level: 1 })).toHaveText("Climate Adaptation Practitioner");
  await expect(college.getByText("Credential specification").first()).toBeVisible();
  await expect(college.getByText("Draft").first()).toBeVisible();
  await expect(college.getByRole("complementary", { name: "Participants" }).getByText("Northwind Energy")).toBeVisible();

  // Each sees the other in the presence list.
  await expect(college.getByRole("list", { name: "People here now" }).getByText(EMPLOYER.name)).toBeAttached();
  await expect(employer.getByRole("list", { name: "People here now" }).getByText(COLLEGE.name)).toBeAttached();

  // Daniel writes a heading with the toolbar, then a paragraph.
  const collegeEditor = editorOf(college);
  await collegeEditor.click();
  await college.keyboard.press("Control+End");
  // A new block after the stored text, so the heading is only what Daniel types.
  await college.keyboard.press("Enter");
  await college.getByRole("button", { name: "Heading", exact: true }).click();
  await expect(college.getByRole("button", { name: "Heading", exact: true })).toHaveAttribute("aria-pressed", "true");
  await college.keyboard.type("Purpose and audience");
  await college.keyboard.press("Enter");
  await college.keyboard.type("Site supervisors who plan for floods and heat.");

  const employerEditor = editorOf(employer);
  await expect(employerEditor.getByRole("heading", { level: 2, name: "Purpose and audience" })).toBeVisible();
  await expect(employerEditor).toContainText("Site supervisors who plan for floods and heat.");

  // Maya adds a line at the end while Daniel's caret is still in the document.
  await employerEditor.click();
  await employer.keyboard.press("Control+End");
  await employer.keyboard.press("Enter");
  await employer.keyboard.type("Northwind will host the work placements.");
  await expect(collegeEditor).toContainText("Northwind will host the work placements.");

  // Coloured, named carets: each sees the other's, never their own.
  await expect(caretOf(college, EMPLOYER.name)).toBeVisible();
  await expect(caretOf(employer, COLLEGE.name)).toBeVisible();
  await expect(caretOf(college, COLLEGE.name)).toHaveCount(0);

  // Daniel types again; Maya sees it arrive live.
  await college.keyboard.type(" Cohorts start each spring.");
  await expect(employerEditor).toContainText("Cohorts start each spring.");

  const screenshot = testInfo.outputPath("two-people-co-authoring.png");
  await college.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach("two people co-authoring", { path: screenshot, contentType: "image/png" });

  // The QA reviewer reads along: same text, live, but no editable surface and no toolbar.
  const qa = await openAs(browser, QA, DOCUMENT, { until: liveConnectionUp });
  const qaContent = qa.getByRole("region", { name: "Document content" });
  await expect(qaContent).toContainText("Purpose and audience");
  await expect(qaContent).toContainText("Northwind will host the work placements.");
  await expect(qa.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(qa.getByRole("textbox")).toHaveCount(0);
  await expect(qa.getByRole("toolbar")).toHaveCount(0);
  await employer.keyboard.type(" Placements are paid.");
  await expect(qaContent).toContainText("Placements are paid.");
  // Reading must not look like editing to the server (it closes read-only sockets that send edits).
  await expect(qa.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible();
  await expect(college.getByRole("list", { name: "People here now" }).getByText(QA.name)).toBeAttached();

  await Promise.all([college.context().close(), employer.context().close(), qa.context().close()]);
});

test("the server's first paint shows the stored content, before any script runs", async ({ browser }) => {
  const writer = await openAs(browser, COLLEGE, EDIT, { until: liveConnectionUp });
  const line = `Stored for first paint ${Date.now().toString(36)}`;
  await editorOf(writer).click();
  await writer.keyboard.press("Control+End");
  await writer.keyboard.press("Enter");
  await writer.keyboard.type(line);

  // A second person sees the line, so the server has stored it (it writes before it broadcasts).
  const reader = await openAs(browser, EMPLOYER, EDIT, { until: liveConnectionUp });
  await expect(editorOf(reader)).toContainText(line);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await signIn(page, EMPLOYER.email);
  await page.goto(DOCUMENT);
  const content = page.getByRole("region", { name: "Document content" });
  await expect(content).toContainText(line);
  await expect(content.getByText("Describe the learners this credential is for", { exact: false })).toHaveCount(0);

  await Promise.all([writer.context().close(), reader.context().close(), noScript.close()]);
});

test("the connection state follows the network", async ({ browser }) => {
  const page = await openAs(browser, EMPLOYER, EDIT, { until: liveConnectionUp });
  const other = await openAs(browser, COLLEGE, EDIT, { until: liveConnectionUp });
  await page.context().setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "Offline — changes will sync" })).toBeVisible();

  // Typing offline is kept and reaches the others once the network is back.
  const line = `Typed offline ${Date.now().toString(36)}`;
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(line);
  await page.context().setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: /^Connected$/ })).toBeVisible();
  await expect(editorOf(other)).toContainText(line);

  await Promise.all([page.context().close(), other.context().close()]);
});
