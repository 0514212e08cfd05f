import { expect, test, type Browser, type Page } from "@playwright/test";
import { liveConnectionUp } from "./support/document-page";
import { COLLEGE, openAs, UNIVERSITY, type Person } from "./support/people";
import { requestAndApprove } from "./support/signoff-api";

const suffix = Math.random().toString(36).slice(2, 7);

/** A project the person's institution leads alone (so its lead alone signs off), with a specification in edit mode. */
async function specificationInOwnProject(page: Page, person: Person, projectTitle: string, title: string): Promise<string> {
  await page.goto("/projects");
  await page.getByLabel("Title").fill(projectTitle);
  await page.getByLabel("Acting for").selectOption({ label: person.organization });
  await page.getByLabel("Its role in the project").selectOption({ label: "Lead institution" });
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: projectTitle })).toBeVisible();
  await page.getByLabel("Kind").selectOption({ label: "Credential specification" });
  await page.getByLabel("Document title").fill(title);
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  const path = new URL(page.url()).pathname;
  await page.goto(`${path}?edit`);
  await liveConnectionUp(page, 30_000);
  return path;
}

/** An approved module of the person's own institution, with its learning hours. */
async function approvedModule(browser: Browser, person: Person, organizationId: string, title: string, hours: number): Promise<string> {
  const page = await openAs(browser, person, "/");
  const path = await specificationInOwnProject(page, person, `${title} project`, title);
  await page.getByLabel("Credential kind").selectOption({ label: "Module" });
  await page.getByLabel(/^Notional learning hours/).fill(String(hours));
  await page.getByLabel(/^Notional learning hours/).blur();
  // Stored before sign-off is requested: the approved version is a module with these hours.
  await page.waitForTimeout(1_500);
  await expect(page.getByText("All changes saved")).toBeVisible({ timeout: 30_000 });
  await requestAndApprove(browser, page, path, [[person, organizationId]]);
  await page.context().close();
  return path;
}

test("two institutions form a consortium, see each other's approved modules, and a stack adds both with totals and the union", async ({ browser }) => {
  test.setTimeout(240_000);
  const consortium = `Prairie Lakes Consortium ${suffix}`;
  const college = await openAs(browser, COLLEGE, "/consortia");
  await college.getByLabel("Name").fill(consortium);
  await college.getByRole("button", { name: "Create consortium" }).click();
  await expect(college.getByRole("heading", { name: consortium })).toBeVisible();
  await college.getByLabel("Organization's exact name or an admin's e-mail address").fill("Prairie University");
  await college.getByRole("button", { name: "Invite" }).click();
  await expect(college.getByRole("list", { name: "Invited organizations" })).toContainText("Prairie University");
  const consortiumPath = new URL(college.url()).pathname;

  const university = await openAs(browser, UNIVERSITY, "/consortia");
  const invitation = university.getByRole("listitem").filter({ hasText: consortium });
  await invitation.getByRole("button", { name: "Accept" }).click();
  await expect(university.getByRole("heading", { name: consortium })).toBeVisible();
  await expect(university.getByRole("table")).toContainText("Prairie University");
  await expect(university.getByRole("table")).toContainText("Lakeshore College");

  const core = `Climate Core ${suffix}`;
  const flood = `Flood-Risk Modelling ${suffix}`;
  await approvedModule(browser, COLLEGE, "demo-org-lakeshore", core, 40);
  await approvedModule(browser, UNIVERSITY, "demo-org-prairie", flood, 60);

  // The library: each sees the other's approved module, searchable.
  await college.goto(`${consortiumPath}/modules?q=${encodeURIComponent(suffix)}`);
  const library = college.getByTestId("module-library");
  await expect(library.getByRole("row", { name: new RegExp(flood) })).toContainText("Prairie University");
  await expect(library.getByRole("row", { name: new RegExp(core) })).toContainText("Lakeshore College");
  await college.goto(`${consortiumPath}/modules?q=${encodeURIComponent(`flood ${suffix}`)}`);
  await expect(college.getByTestId("module-library").getByRole("row")).toHaveCount(2); // header + the flood module

  // A stack specification of the college adds both modules.
  await specificationInOwnProject(college, COLLEGE, `Stack project ${suffix}`, `Climate Adaptation Practitioner ${suffix}`);
  await college.getByLabel("Credential kind").selectOption({ label: "Stack" });
  const stack = college.getByTestId("stack-section");
  const moduleRow = (title: string) => stack.getByTestId("stack-module").filter({ has: college.getByRole("rowheader", { name: new RegExp(title) }) });
  for (const title of [core, flood]) {
    await stack.getByRole("button", { name: "Add a module" }).click();
    await college.getByRole("dialog", { name: "Add a module" }).getByRole("button", { name: `Add ${title}` }).click();
    await expect(moduleRow(title)).toBeVisible();
  }
  await expect(moduleRow(flood)).toContainText("Prairie University");
  await expect(moduleRow(core)).toContainText("Lakeshore College");
  await expect(moduleRow(core).getByRole("cell").nth(1)).toHaveText("Approved");
  const totals = stack.getByTestId("stack-totals");
  await expect(totals).toContainText("All 2 modules are required.");
  await expect(totals).toContainText("100");
  await expect(stack.getByTestId("stack-union")).toContainText("Gaps");
  await expect(stack.getByTestId("stack-union")).toContainText("Overlaps");
});
