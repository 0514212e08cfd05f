import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { useTestDatabase } from "../../../test/support/use-test-database";
import type { Actor } from "~/modules/permissions/can";
import { checkDocument, refusalStatus, requireDocument, requireOrganization, requireProject } from "~/modules/permissions/require.server";

const database = useTestDatabase();
const db = () => database().db;

const LEAD: Actor = { userId: "u-lead", memberships: [{ organizationId: "org-college", role: "admin" }] };
const REVIEWER: Actor = { userId: "u-qa", memberships: [{ organizationId: "org-qa", role: "member" }] };
const OUTSIDER: Actor = { userId: "u-out", memberships: [{ organizationId: "org-elsewhere", role: "admin" }] };

beforeAll(async () => {
  await db()
    .insert(organizations)
    .values([
      { id: "org-college", name: "Gate College", kind: "institution", province: "ON" },
      { id: "org-qa", name: "Gate QA Board", kind: "qa_agency", province: "ON" },
      { id: "org-elsewhere", name: "Elsewhere Inc.", kind: "employer", province: "AB" },
    ]);
  await db().insert(projects).values({ id: "p-gate", title: "Gate project", summary: "Who sees what" });
  await db()
    .insert(projectParticipants)
    .values([
      { projectId: "p-gate", organizationId: "org-college", role: "lead_institution" },
      { projectId: "p-gate", organizationId: "org-qa", role: "qa_reviewer" },
    ]);
  await db()
    .insert(documents)
    .values([
      { id: "d-draft", projectId: "p-gate", kind: "credential_spec", title: "Secret title" },
      { id: "d-approved", projectId: "p-gate", kind: "credential_spec", title: "Approved title", status: "approved" },
    ]);
});

/** What the gate threw: status and body, so tests can check that refusals carry no content. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number | null; body: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: refusalStatus(error), body: await error.text() };
    throw error;
  }
  throw new Error("the gate let it through");
}

describe("requireDocument", () => {
  it("returns the document's facts to people of the project", async () => {
    const document = await requireDocument(REVIEWER, "d-draft", "document.comment");
    expect(document).toEqual({
      id: "d-draft",
      kind: "credential_spec",
      title: "Secret title",
      status: "draft",
      projectId: "p-gate",
      resource: {
        type: "document",
        status: "draft",
        project: { id: "p-gate", participants: expect.arrayContaining([{ organizationId: "org-college", role: "lead_institution" }, { organizationId: "org-qa", role: "qa_reviewer" }]) },
      },
    });
  });

  it("answers 404 with nothing of the document to outsiders, as for a document that does not exist", async () => {
    expect(await refusal(requireDocument(OUTSIDER, "d-draft", "document.view"))).toEqual({ status: 404, body: "Not found" });
    expect(await refusal(requireDocument(OUTSIDER, "d-draft", "document.edit"))).toEqual({ status: 404, body: "Not found" });
    expect(await refusal(requireDocument(LEAD, "d-missing", "document.view"))).toEqual({ status: 404, body: "Not found" });
  });

  it("answers 403 for a visible document and a forbidden action", async () => {
    expect(await refusal(requireDocument(REVIEWER, "d-draft", "document.edit"))).toEqual({ status: 403, body: "Forbidden" });
    // Approved content is locked: the lead may comment but no longer edit.
    expect((await requireDocument(LEAD, "d-approved", "document.comment")).status).toBe("approved");
    expect(await refusal(requireDocument(LEAD, "d-approved", "document.edit"))).toMatchObject({ status: 403 });
    expect((await requireDocument(LEAD, "d-draft", "document.edit")).id).toBe("d-draft");
  });

  it("returns the same decision as a value from checkDocument, inside a transaction too", async () => {
    // Hidden and missing are both 404; only the value says which (for the socket's revocation close).
    expect(await checkDocument(OUTSIDER, "d-draft", "document.view")).toEqual({ ok: false, status: 404, missing: false });
    expect(await checkDocument(OUTSIDER, "d-missing", "document.view")).toEqual({ ok: false, status: 404, missing: true });
    expect(await checkDocument(REVIEWER, "d-draft", "document.edit")).toEqual({ ok: false, status: 403 });
    const inside = await db().transaction((tx) => checkDocument(LEAD, "d-draft", "document.edit", tx));
    expect(inside).toMatchObject({ ok: true, value: { id: "d-draft", title: "Secret title" } });
  });
});

describe("requireProject", () => {
  it("returns the project with its participants as permission facts", async () => {
    const project = await requireProject(LEAD, "p-gate", "project.manage_participants");
    expect(project).toMatchObject({ id: "p-gate", title: "Gate project", summary: "Who sees what", resource: { type: "project" } });
    expect(project.resource.participants).toHaveLength(2);
    expect((await requireProject(REVIEWER, "p-gate", "project.view")).id).toBe("p-gate");
  });

  it("answers 404 to outsiders and for unknown projects, 403 for a participant's forbidden action", async () => {
    expect(await refusal(requireProject(OUTSIDER, "p-gate", "project.view"))).toEqual({ status: 404, body: "Not found" });
    expect(await refusal(requireProject(LEAD, "p-missing", "project.view"))).toEqual({ status: 404, body: "Not found" });
    expect(await refusal(requireProject(REVIEWER, "p-gate", "project.edit"))).toEqual({ status: 403, body: "Forbidden" });
    expect(await refusal(requireProject(REVIEWER, "p-gate", "project.create_document"))).toMatchObject({ status: 403 });
  });
});

describe("requireOrganization", () => {
  it("returns the organization to its members and lets admins manage it", async () => {
    expect(await requireOrganization(LEAD, "org-college", "organization.manage")).toMatchObject({
      id: "org-college",
      name: "Gate College",
      kind: "institution",
      province: "ON",
      resource: { type: "organization", organizationId: "org-college" },
    });
    expect((await requireOrganization(REVIEWER, "org-qa", "organization.view")).name).toBe("Gate QA Board");
  });

  it("answers 404 to non-members and 403 to members who are not admins", async () => {
    expect(await refusal(requireOrganization(OUTSIDER, "org-college", "organization.view"))).toEqual({ status: 404, body: "Not found" });
    expect(await refusal(requireOrganization(REVIEWER, "org-qa", "organization.manage"))).toEqual({ status: 403, body: "Forbidden" });
    // A membership of an organization that no longer exists reveals nothing either.
    await db().delete(organizations).where(eq(organizations.id, "org-elsewhere"));
    expect(await refusal(requireOrganization(OUTSIDER, "org-elsewhere", "organization.view"))).toEqual({ status: 404, body: "Not found" });
  });
});
