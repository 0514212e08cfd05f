import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "./support/auth";
import { EMPLOYER, openAs } from "./support/people";
import { hydrated } from "./support/hydration";

const participantsOf = (page: Page) => page.getByRole("region", { name: "Participants" });
const invitationTo = (page: Page, projectTitle: string) => page.getByRole("listitem", { name: `Invitation to ${projectTitle}` });

/**
 * A stranger to everyone on Concord: signs up, creates an institution and a project it leads.
 * Returns their page (on the project) and the project's path.
 */
async function strangerWithProject(browser: Browser, label: string) {
  const suffix = Math.random().toString(36).slice(2, 7);
  const organization = `${label} Institute ${suffix}`;
  const projectTitle = `${label} Credential ${suffix}`;
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Sasha Stranger");
  await page.getByLabel("Email").fill(uniqueEmail("stranger"));
  await page.getByLabel("Password").fill("stranger-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();

  await page.goto("/organizations");
  await hydrated(page);
  await page.getByLabel("Organization name").fill(organization);
  await page.getByLabel("Kind").selectOption({ label: "Institution" });
  await page.getByLabel("Province or territory").selectOption({ label: "Manitoba" });
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: organization })).toBeVisible();

  await page.goto("/projects");
  await hydrated(page);
  await page.getByLabel("Title").fill(projectTitle);
  await page.getByLabel("Its role in the project").selectOption({ label: "Lead institution" });
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: projectTitle })).toBeVisible();
  return { page, organization, projectTitle, projectPath: new URL(page.url()).pathname };
}

/** No directory: a stranger's picker lists nobody, and Northwind appears nowhere on the page. */
async function expectNoDirectory(page: Page) {
  await expect(page.getByLabel("Organization name or an admin's e-mail")).toBeVisible();
  await expect(page.getByLabel("An organization you work with")).toHaveCount(0);
  await expect(page.getByText("Northwind Energy")).toHaveCount(0);
}

/** The lead invites Northwind Energy by its exact name, as employer partner. */
async function inviteNorthwind(page: Page) {
  await page.getByLabel("Organization name or an admin's e-mail").fill("Northwind Energy");
  await page.getByLabel("Project role").selectOption({ label: "Employer partner" });
  await page.getByRole("button", { name: "Send invitation" }).click();
}

test("a stranger invites Northwind Energy; nothing is visible to Northwind until its admin accepts, then its members see the project", async ({ browser }) => {
  const stranger = await strangerWithProject(browser, "Consent");
  await expectNoDirectory(stranger.page);

  // A role that does not fit the organization's kind is refused with a clear error.
  await stranger.page.getByLabel("Organization name or an admin's e-mail").fill("Northwind Energy");
  await stranger.page.getByLabel("Project role").selectOption({ label: "Professional body" });
  await stranger.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(stranger.page.getByText("Northwind Energy is an employer: it can take part as Employer partner, not as Professional body.")).toBeVisible();

  await inviteNorthwind(stranger.page);
  await expect(participantsOf(stranger.page).getByText("Invited — awaiting Northwind Energy")).toBeVisible();

  // Northwind's member (its admin) sees the invitation, not the project: not among the
  // dashboard's projects, and the project page is a 404.
  const northwind = await openAs(browser, EMPLOYER, "/");
  const invitation = invitationTo(northwind, stranger.projectTitle);
  await expect(invitation).toBeVisible();
  await expect(invitation).toContainText(`Invited by Sasha Stranger, ${stranger.organization} · as Employer partner`);
  await expect(northwind.getByRole("region", { name: "Projects", exact: true }).getByText(stranger.projectTitle)).toHaveCount(0);
  const response = await northwind.goto(stranger.projectPath);
  expect(response?.status()).toBe(404);
  await expect(northwind.getByText(stranger.projectTitle)).toHaveCount(0);

  // The admin accepts from the inbox and lands on the project.
  await northwind.goto("/inbox");
  await invitationTo(northwind, stranger.projectTitle).getByRole("button", { name: "Accept" }).click();
  await expect(northwind).toHaveURL(new RegExp(`${stranger.projectPath}$`));
  await expect(northwind.getByRole("heading", { name: stranger.projectTitle })).toBeVisible();
  await northwind.goto("/");
  await expect(northwind.getByRole("region", { name: "Projects", exact: true }).getByRole("link", { name: stranger.projectTitle })).toBeVisible();
  await expect(invitationTo(northwind, stranger.projectTitle)).toHaveCount(0);

  // The lead's page shows Northwind as a participant now.
  await stranger.page.reload();
  await expect(participantsOf(stranger.page).getByText("Northwind Energy", { exact: true })).toBeVisible();
  await expect(participantsOf(stranger.page).getByText("Invited — awaiting Northwind Energy")).toHaveCount(0);

  // The project's own audit trail: invited, then accepted, and the chain verifies.
  await stranger.page.getByRole("link", { name: "Project audit trail" }).click();
  await expect(stranger.page.getByRole("heading", { name: "Project audit trail" })).toBeVisible();
  await expect(stranger.page.getByText("Invited Northwind Energy to take part as Employer partner")).toBeVisible();
  await expect(stranger.page.getByText("Northwind Energy accepted the invitation and joined as Employer partner")).toBeVisible();
  await stranger.page.getByRole("button", { name: "Verify" }).click();
  await expect(stranger.page.getByRole("status").filter({ hasText: "Chain intact" })).toContainText("Chain intact — 3 events checked");
});

test("Northwind's admin declines and blocks; the stranger cannot invite it again; Unblock lifts it", async ({ browser }) => {
  const stranger = await strangerWithProject(browser, "Blocked");
  await inviteNorthwind(stranger.page);
  await expect(participantsOf(stranger.page).getByText("Invited — awaiting Northwind Energy")).toBeVisible();

  const northwind = await openAs(browser, EMPLOYER, "/organizations/demo-org-northwind");
  await invitationTo(northwind, stranger.projectTitle).getByRole("button", { name: `Decline and block ${stranger.organization}` }).click();
  await expect(invitationTo(northwind, stranger.projectTitle)).toHaveCount(0);
  const blocked = northwind.getByRole("region", { name: "Blocked organizations" });
  await expect(blocked.getByText(stranger.organization)).toBeVisible();
  expect((await northwind.goto(stranger.projectPath))?.status()).toBe(404);

  // The stranger's page no longer shows the invitation; inviting again is refused, saying no more.
  await stranger.page.reload();
  await expect(participantsOf(stranger.page).getByText("Invited — awaiting Northwind Energy")).toHaveCount(0);
  await inviteNorthwind(stranger.page);
  await expect(stranger.page.getByText(`Northwind Energy does not accept invitations from ${stranger.organization}.`)).toBeVisible();

  await northwind.goto("/organizations/demo-org-northwind");
  await blocked.getByRole("button", { name: `Unblock ${stranger.organization}` }).click();
  await expect(blocked.getByText(stranger.organization)).toHaveCount(0);
  await stranger.page.goto(stranger.projectPath);
  await inviteNorthwind(stranger.page);
  await expect(participantsOf(stranger.page).getByText("Invited — awaiting Northwind Energy")).toBeVisible();
});
