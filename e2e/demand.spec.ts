import { expect, test } from "@playwright/test";
import { duplicateDemoSpecification } from "./support/document-page";
import { COLLEGE, EMPLOYER, openAs } from "./support/people";

test("the sample demand data imports; a specification shows demand with its flags; an employer records and withdraws a hiring commitment", async ({ browser }) => {
  test.setTimeout(120_000);
  // 1. Labour-market demand, from the main navigation: import the (illustrative) sample data.
  const college = await openAs(browser, COLLEGE, "/");
  await college.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Demand" }).click();
  await expect(college.getByRole("heading", { level: 1, name: "Labour-market demand" })).toBeVisible();
  await expect(college.getByText("Illustrative only — not real statistics.")).toBeVisible();
  await college.getByRole("button", { name: "Import the sample data" }).click();
  await expect(college.getByRole("status")).toContainText("Imported 186 demand rows", { timeout: 30_000 });
  await expect(college.getByRole("status")).toContainText("Concord sample data (illustrative, not real statistics)");

  // 2. A copy of the demo specification: its Demand section, the stale and missing flags, the ranking.
  const documentPath = await duplicateDemoSpecification(college);
  const demand = college.locator("section#demand");
  await expect(demand.getByRole("heading", { level: 2, name: "Demand" })).toBeVisible();
  await expect(demand.getByRole("table", { name: /^Demand for 21300/ })).toContainText("Job postings");
  const flags = demand.getByRole("list", { name: "Demand flags" });
  await expect(flags.getByRole("listitem").filter({ hasText: "21310" })).toContainText("Demand evidence older than 12 months");
  await expect(flags.getByRole("listitem").filter({ hasText: "22300" })).toContainText("No demand evidence");
  const ranking = demand.getByRole("table", { name: "Competencies ranked by demand" });
  await expect(ranking.getByRole("row").nth(1)).toContainText("CAP.4.1");
  // The same flags are warnings of the completeness checklist.
  await college.locator("details.doc-problems--warnings > summary").click();
  await expect(college.getByRole("list", { name: "Warnings" })).toContainText("Demand evidence older than 12 months");
  // The lead institution may not commit to hiring.
  await expect(college.getByRole("form", { name: "Record a hiring commitment" })).toHaveCount(0);

  // 3. The employer partner records a commitment, sees it totalled, and withdraws it.
  const employer = await openAs(browser, EMPLOYER, documentPath);
  const form = employer.getByRole("form", { name: "Record a hiring commitment" });
  await form.getByLabel("Number of people").fill("12");
  await form.getByLabel("Region").selectOption("ON");
  await form.getByLabel("Months").fill("18");
  await form.getByLabel("Note (optional)").fill("Storm-water programme");
  await form.getByRole("button", { name: "Record commitment" }).click();
  const listed = employer.locator("section#demand").getByRole("list", { name: "Hiring commitments" });
  // The sign-off panel lists it too, for approvers.
  await expect(employer.locator(".signoff-commitments")).toContainText("Northwind Energy: 12 in ON within 18 months");
  await expect(listed).toContainText("We expect to hire 12 people with this credential in ON within 18 months.");
  await expect(listed).toContainText(`signed by ${EMPLOYER.name} for ${EMPLOYER.organization}`);
  await expect(employer.getByRole("table", { name: "Committed hires per region" })).toContainText("12");
  // The lead sees it (after a reload) and cannot withdraw it.
  await college.reload();
  await expect(college.locator("section#demand")).toContainText("We expect to hire 12 people");
  await expect(college.locator("section#demand").getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await employer.locator("section#demand").getByRole("button", { name: "Withdraw" }).click();
  await expect(employer.locator("section#demand")).toContainText("No employer has recorded a hiring commitment yet.");
});
