import { expect, test, type Locator, type Page } from "@playwright/test";
import { COLLEGE, EMPLOYER, openAs, PROFBODY, QA, UNIVERSITY, type OpenOptions, type Person } from "./support/people";
import { enterEditMode } from "./support/document-page";

// Its own demo document: an approval locks it, which must not get in the way of other specs.
const DOCUMENT = "/documents/demo-doc-wbl";

const panelOf = (page: Page) => page.getByRole("region", { name: "Sign-off" });
const partyOf = (page: Page, who: Person): Locator => panelOf(page).getByRole("listitem", { name: who.organization, exact: true });
/** On the document, its sign-off panel shown. */
const ON_SIGNOFF_PANEL: OpenOptions = {
  viewport: { width: 1400, height: 1000 },
  until: (page) => expect(panelOf(page).getByRole("heading", { name: "Sign-off" })).toBeVisible(),
};
const statusBadge = (page: Page) => page.locator(".page-header .badge").first();

/** The current version's hash, under the panel summary's "Details" (the version itself is shown in words). */
async function currentHash(page: Page): Promise<string> {
  const text = (await panelOf(page).locator(".signoff-panel__summary details code").textContent()) ?? "";
  expect(text).toMatch(/^[0-9a-f]{64}$/);
  return text;
}

/** Approve for the person's organization, checking the confirmation names the version and keeps its hash under Details. */
async function approve(page: Page, who: Person): Promise<string> {
  const panel = panelOf(page);
  const seat = panel.getByRole("group", { name: `Your decision for ${who.organization}` });
  await seat.getByRole("button", { name: "Approve", exact: true }).click();
  const dialog = seat.getByRole("dialog", { name: "Confirm approval" });
  const hash = await currentHash(page);
  await expect(dialog).toContainText(/^Approve (Version \d+ — sent for sign-off|Edits after version \d+ — changed during review) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} /);
  await expect(dialog).toContainText(hash);
  await dialog.getByRole("button", { name: "Confirm approval" }).click();
  await expect(partyOf(page, who).getByText("Approved", { exact: true })).toBeVisible();
  return hash;
}

async function reopenPanel(page: Page) {
  await page.reload();
  await expect(panelOf(page).locator(".signoff-panel__summary")).toBeVisible();
}

/**
 * In review, with approvals of the current version: the document reads as text until the editor
 * presses "Edit (outdates approvals)" and confirms the dialog naming whose approvals it outdates.
 */
async function editOutdating(page: Page, organizations: readonly string[]) {
  const link = page.getByRole("region", { name: "Summary" }).getByRole("link", { name: "Edit (outdates approvals)" });
  await expect(link).toBeVisible();
  await link.click();
  const dialog = page.getByRole("dialog", { name: "Edit a document in review?" });
  await expect(dialog).toContainText(/Editing will outdate the approvals? of .+\. They will be asked to approve again\./);
  for (const organization of organizations) await expect(dialog).toContainText(organization);
  await dialog.getByRole("button", { name: "Continue editing" }).click();
  await expect(page.getByRole("group", { name: "Edit mode" })).toBeVisible();
}

test("request → partners approve → an edit outdates an approval → re-approve → QA approves → locked; the trail verifies", async ({ browser }) => {
  test.setTimeout(240_000);
  const college = await openAs(browser, COLLEGE, DOCUMENT, ON_SIGNOFF_PANEL);

  // Draft: the lead (an editor) sees who will decide and the button to request sign-off.
  await expect(statusBadge(college)).toHaveText("Draft");
  await expect(partyOf(college, EMPLOYER).getByText("Pending", { exact: true })).toBeVisible();
  await expect(panelOf(college).getByRole("link", { name: "Adjust sign-off template" })).toBeVisible();
  // A work-based learning agreement is signed off by its own parties (employer, institutions), then QA:
  // the professional body is a project partner, not a party to the placement.
  await expect(panelOf(college).getByRole("listitem", { name: "Stage 1: Parties to the agreement" })).toBeVisible();
  for (const party of [EMPLOYER, COLLEGE, UNIVERSITY]) await expect(partyOf(college, party)).toBeVisible();
  await expect(partyOf(college, PROFBODY)).toHaveCount(0);
  await panelOf(college).getByRole("button", { name: "Request sign-off" }).click();
  await expect(statusBadge(college)).toHaveText("In review");
  await expect(panelOf(college).getByText(/Round 1/)).toBeVisible();
  // The version in words; its hash under Details.
  const summary = panelOf(college).locator(".signoff-panel__summary");
  await expect(summary).toContainText(/Current version: Version \d+ — sent for sign-off \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \S+\./);
  await expect(summary.locator("details code")).toBeHidden();
  await summary.getByText("Details", { exact: true }).click();
  await expect(summary.locator("details code")).toBeVisible();
  await expect(summary.locator("details code")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(panelOf(college).getByRole("button", { name: "Withdraw" })).toBeVisible();

  // The QA reviewer waits for the partners: no decision buttons yet; the inbox is empty for QA.
  const qa = await openAs(browser, QA, DOCUMENT, ON_SIGNOFF_PANEL);
  await expect(panelOf(qa).getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  // The employer finds the document in the inbox and approves it.
  const employer = await openAs(browser, EMPLOYER, DOCUMENT, ON_SIGNOFF_PANEL);
  await employer.getByRole("link", { name: "Inbox" }).click();
  await expect(employer.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await employer.getByRole("listitem", { name: /work-based learning agreement/ }).getByRole("link").first().click();
  // The inbox leads straight to the panel (…#signoff), focused.
  await expect(panelOf(employer)).toBeFocused();
  const approvedFirst = await approve(employer, EMPLOYER);
  // Decided: the "approval is needed" banner at the top is gone.
  await expect(employer.locator(".decision-banner")).toHaveCount(0);

  // Request changes needs a comment: the button stays disabled while it is empty.
  const university = await openAs(browser, UNIVERSITY, DOCUMENT, ON_SIGNOFF_PANEL);
  // At the top of the document: the university's decision is awaited; the banner leads to the panel.
  const banner = university.getByRole("status").filter({ hasText: `${UNIVERSITY.organization}’s approval is needed` });
  await banner.getByRole("link", { name: "Review and decide" }).click();
  await expect(panelOf(university)).toBeFocused();
  const universitySeat = panelOf(university).getByRole("group", { name: `Your decision for ${UNIVERSITY.organization}` });
  await universitySeat.getByRole("button", { name: "Request changes" }).click();
  await expect(universitySeat.getByRole("button", { name: "Send change request" })).toBeDisabled();
  await universitySeat.getByRole("button", { name: "Cancel" }).click();

  // The lead edits the content during review: read-only until "Edit (outdates approvals)", which asks first.
  await reopenPanel(college);
  await expect(college.locator('[contenteditable="true"]')).toHaveCount(0);
  await editOutdating(college, [EMPLOYER.organization]);
  const editable = college.locator('[contenteditable="true"]').first();
  await editable.click();
  await college.keyboard.press("Control+End");
  await college.keyboard.type(` Revised during review ${Date.now().toString(36)}.`);
  // Stored and re-hashed: a fresh read of the panel shows another current version.
  await expect(async () => {
    await reopenPanel(employer);
    expect(await currentHash(employer)).not.toBe(approvedFirst);
  }).toPass({ timeout: 20_000 });
  // Content edited during review has no History number yet: it is named by the version it follows.
  await expect(panelOf(employer).locator(".signoff-panel__summary")).toContainText(/Current version: Edits after version \d+ — changed during review/);
  await expect(panelOf(employer).getByRole("group", { name: `Your decision for ${EMPLOYER.organization}` })).toContainText(/You approved an earlier version \(Version \d+ — sent for sign-off /);

  // The employer's approval of the older version is outdated; they can see what changed.
  await expect(partyOf(employer, EMPLOYER).getByText("Outdated", { exact: true })).toBeVisible();
  await panelOf(employer).getByRole("link", { name: "See what changed" }).click();
  await expect(employer.getByRole("heading", { name: "What changed since the approved version" })).toBeVisible();
  await expect(employer.getByText("Revised during review")).toBeVisible();
  await employer.goBack();
  await expect(panelOf(employer).getByRole("heading", { name: "Sign-off" })).toBeVisible();

  // Everyone in stage 1 approves the current version, the employer again.
  await college.getByRole("link", { name: "Back to summary" }).click();
  await reopenPanel(university);
  await approve(university, UNIVERSITY);
  await reopenPanel(college);
  await approve(college, COLLEGE);
  await reopenPanel(employer);
  const approvedHash = await approve(employer, EMPLOYER);
  expect(approvedHash).not.toBe(approvedFirst);

  // The college keeps the document open (socket connected, editable) while QA gives the final approval.
  await reopenPanel(college);
  await editOutdating(college, [EMPLOYER.organization, COLLEGE.organization, UNIVERSITY.organization]);
  await expect(college.locator('[contenteditable="true"]').first()).toBeVisible();
  await reopenPanel(qa);
  expect(await approve(qa, QA)).toBe(approvedHash);
  await expect(statusBadge(qa)).toHaveText("Approved");

  // Locked: the open page turns read-only within seconds, without a reload.
  await expect(college.locator('[contenteditable="true"]')).toHaveCount(0, { timeout: 10_000 });
  await expect(statusBadge(college)).toHaveText("Approved");
  await expect(panelOf(college).getByRole("button", { name: "Reopen" })).toBeVisible();

  // The audit trail verifies.
  await college.goto(`${DOCUMENT}/audit`);
  await expect(college.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(college.getByRole("cell", { name: /approval of Northwind Energy outdated/i })).toBeVisible();
  await expect(college.getByRole("cell", { name: "Document approved (round 1)" })).toBeVisible();
  // Versions in words there too, each hash under Details.
  await expect(college.locator(".audit-table tbody tr").filter({ hasText: "Document approved (round 1)" }).locator("td").nth(5)).toContainText(/^Version \d+Details/);
  await college.getByRole("button", { name: "Verify" }).click();
  await expect(college.getByRole("status").filter({ hasText: "Chain intact" })).toBeVisible();

  // The certificate shows the approved version's hash; the PDF downloads.
  await college.goto(`${DOCUMENT}/certificate`);
  await expect(college.getByRole("heading", { name: "Approval certificate" })).toBeVisible();
  const fullHash = await college.getByTestId("approved-hash").innerText();
  expect(fullHash).toMatch(/^[0-9a-f]{64}$/);
  expect(fullHash.startsWith(approvedHash)).toBe(true);
  await expect(college.getByText("Chain intact")).toBeVisible();
  const pdf = await college.request.get(`${DOCUMENT}/certificate.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Reopen (the lead): a new draft; the approved version keeps its certificate.
  await college.goto(DOCUMENT);
  await panelOf(college).getByRole("button", { name: "Reopen" }).click();
  await panelOf(college).getByRole("button", { name: "Reopen as a new draft" }).click();
  await expect(statusBadge(college)).toHaveText("Draft");
  await enterEditMode(college);
  await expect(college.locator('[contenteditable="true"]').first()).toBeVisible({ timeout: 10_000 });
  await expect(panelOf(college).getByRole("link", { name: "Approval certificate" })).toBeVisible();

  await Promise.all([college, qa, employer, university].map((page) => page.context().close()));
});
