import { expect, test, type Page } from "@playwright/test";
import { createDocument, duplicateDemoSpecification, liveConnectionUp } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs, QA } from "./support/people";
import { requestAndApprove } from "./support/signoff-api";

const DEMO_SPEC = "/documents/demo-doc-spec";

const summaryOf = (page: Page) => page.getByRole("region", { name: "Summary" });
const fact = (page: Page, label: string) => summaryOf(page).locator(".doc-summary__fact").filter({ has: page.getByText(label, { exact: true }) });

test("the demo specification opens on its Summary; QA reads it without an Edit link", async ({ browser }) => {
  const college = await openAs(browser, COLLEGE, DEMO_SPEC, { until: (page) => liveConnectionUp(page, 30_000) });
  const summary = summaryOf(college);
  await expect(summary.getByRole("heading", { level: 2, name: "Summary" })).toBeVisible();
  await expect(summary).toContainText("The Climate Adaptation Practitioner micro-credential is for people who already look after infrastructure");
  await expect(fact(college, "Learning hours")).toContainText("150 hours");
  await expect(fact(college, "Cost to the learner")).toContainText("$1,450");
  // Competencies grouped by framework branch, with counts.
  const branches = summary.getByRole("list", { name: "Competencies by framework branch" });
  await expect(branches.getByRole("listitem").filter({ hasText: "CAP.1 Climate information and projections" }).first()).toContainText(/— \d+ competenc/);
  await expect(branches.getByText("CAP.5 Communication, engagement and evaluation", { exact: true })).toBeVisible();
  await expect(summary.getByText("Urban and land use planners")).toBeVisible();
  // View mode: the document as text below, no inputs; the Edit link beside the heading.
  await expect(college.getByRole("region", { name: "Document content" }).getByRole("textbox")).toHaveCount(0);
  await expect(summary.getByRole("link", { name: "Edit", exact: true })).toHaveAttribute("href", `${DEMO_SPEC}?edit`);

  const qa = await openAs(browser, QA, `${DEMO_SPEC}?edit`, { until: (page) => liveConnectionUp(page, 30_000) });
  await expect(fact(qa, "Learning hours")).toContainText("150 hours");
  await expect(summaryOf(qa).getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(qa.getByRole("region", { name: "Document content" }).getByRole("textbox")).toHaveCount(0);
  await Promise.all([college.context().close(), qa.context().close()]);
});

test("Edit shows the form; a change typed there is in the Summary after Back to summary", async ({ browser }) => {
  const college = await openAs(browser, COLLEGE);
  // A copy: the demo content stays as it is for the other tests. The helper leaves the page in edit mode.
  const path = await duplicateDemoSpecification(college);
  await college.getByRole("link", { name: "Back to summary" }).click();
  await expect(college).toHaveURL(path);
  await expect(fact(college, "Learning hours")).toContainText("150 hours");
  await expect(college.getByRole("region", { name: "Document content" }).getByRole("textbox")).toHaveCount(0);

  await summaryOf(college).getByRole("link", { name: "Edit", exact: true }).click();
  await expect(college).toHaveURL(`${path}?edit`);
  const hours = college.getByRole("textbox", { name: "Notional learning hours" });
  await expect(hours).toBeEditable();
  await hours.fill("180");
  await hours.blur();

  await college.getByRole("link", { name: "Back to summary" }).click();
  await expect(fact(college, "Learning hours")).toContainText("180 hours");
  await expect(college.getByRole("status").filter({ hasText: /^All changes saved$/ })).toBeVisible();
  // A reload keeps the mode: it is in the address.
  await college.goto(`${path}?edit`);
  await expect(college.getByRole("textbox", { name: "Notional learning hours" })).toHaveValue("180");
  await college.context().close();
});

test("in review with an approval, Edit says it outdates approvals and asks first, naming who approved", async ({ browser }) => {
  test.setTimeout(120_000);
  const college = await openAs(browser, COLLEGE);
  const path = await createDocument(college, "Credential specification", `Summary review ${Date.now().toString(36)}`);
  await requestAndApprove(browser, college, path, [[EMPLOYER, "demo-org-northwind"]]);

  await college.goto(path);
  await liveConnectionUp(college, 30_000);
  const edit = summaryOf(college).getByRole("link", { name: "Edit (outdates approvals)" });
  await expect(edit).toBeVisible();
  await edit.click();
  const dialog = college.getByRole("dialog", { name: "Edit a document in review?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Editing will outdate the approval of Northwind Energy. They will be asked to approve again.");
  // Focus moves into the dialog; Cancel returns to the Summary, focus back on the link.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(college.getByRole("region", { name: "Document content" }).getByRole("textbox")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(college).toHaveURL(path);
  await expect(edit).toBeFocused();

  // Continue editing: the form, for this page view.
  await edit.click();
  await dialog.getByRole("button", { name: "Continue editing" }).click();
  await expect(dialog).toBeHidden();
  await expect(college.getByRole("group", { name: "Edit mode" })).toBeVisible();
  await expect(college.getByRole("textbox", { name: "Short code" })).toBeEditable();
  await college.context().close();
});
