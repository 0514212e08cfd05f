import { eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { listThreads, startThread } from "~/modules/comments/comments.server";
import { getDocumentForActor, listDocumentsForActor } from "~/modules/documents/documents.server";
import { canonicalDocument, LINKED_DOCUMENT, projectDocument } from "~/modules/documents/model";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { checkDocument, requireProject } from "~/modules/permissions/require.server";
import { getProjectForActor, listProjectsForActor } from "~/modules/projects/projects.server";
import { SAMPLE_DOCUMENT_IDS, SAMPLE_PROJECT_ID } from "~/modules/projects/sample";
import { ensureSampleProject, SAMPLE_DOCUMENTS } from "~/modules/projects/sample-project.server";
import { DEMO_DOCUMENTS } from "../../../db/seed/demo";
import { accessStatus, testProject, testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

describe("the read-only sample project", () => {
  it("is created once, whole, on the first request — also without the demo seed — and again is a no-op", async () => {
    // Nothing seeded: the test database holds only the migrations.
    expect(await db().select().from(projects).where(eq(projects.id, SAMPLE_PROJECT_ID))).toEqual([]);

    // Two people opening it at the same moment: exactly one creates it.
    const [first, second] = await Promise.all([ensureSampleProject(), ensureSampleProject()]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const third = await ensureSampleProject();
    expect(third).toEqual({ projectId: SAMPLE_PROJECT_ID, created: false });

    expect(await db().select({ id: projects.id }).from(projects).where(eq(projects.id, SAMPLE_PROJECT_ID))).toHaveLength(1);
    // Nobody takes part: it is on nobody's lists.
    expect(await db().select().from(projectParticipants).where(eq(projectParticipants.projectId, SAMPLE_PROJECT_ID))).toEqual([]);
    const rows = await db()
      .select({ id: documents.id, kind: documents.kind, title: documents.title, projection: documents.projection })
      .from(documents)
      .where(eq(documents.projectId, SAMPLE_PROJECT_ID));
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(SAMPLE_DOCUMENT_IDS).sort());

    // The same content as the demo project's documents, from the same builders. (Compared through the
    // projection: projecting a specification may turn its copied competency rows into references.)
    for (const [index, sample] of SAMPLE_DOCUMENTS.entries()) {
      const demo = new Y.Doc();
      DEMO_DOCUMENTS[index]!.fill(demo);
      const expected = projectDocument(canonicalDocument(demo, sample.kind), sample.kind);
      demo.destroy();
      const row = rows.find((r) => r.id === sample.id)!;
      expect(row.title).toBe(DEMO_DOCUMENTS[index]!.title);
      expect(row.projection, `${sample.id} is projected`).not.toBeNull();
      expect(row.projection!.title).toBe(expected.title);
      expect(row.projection!.title).not.toBe("");
      // Links point inside the sample: the plan to the sample's specification, the agreement to its plan.
      const link = LINKED_DOCUMENT[sample.kind];
      const { [link?.field ?? ""]: linkedId, ...keyFields } = row.projection!.keyFields;
      const { [link?.field ?? ""]: _demoLink, ...expectedKeyFields } = expected.keyFields;
      expect(keyFields).toEqual(expectedKeyFields);
      if (link) expect(linkedId).toBe(sample.kind === "assessment_plan" ? SAMPLE_DOCUMENT_IDS.spec : SAMPLE_DOCUMENT_IDS.plan);
      // A linked document's competencies come from what it links to; the specification's are its own.
      if (!link) expect(row.projection!.competencies.map((c) => c.code)).toEqual(expected.competencies.map((c) => c.code));
    }
    // Written once, whatever the number of requests: the specification's demo competencies appear once each.
    const specCodes = rows.find((r) => r.id === SAMPLE_DOCUMENT_IDS.spec)!.projection!.competencies.map((c) => c.code);
    expect(specCodes.length).toBeGreaterThan(0);
    expect(new Set(specCodes).size).toBe(specCodes.length);
    // The plan reads the sample's own specification (linked by id inside the sample).
    expect(rows.find((r) => r.id === SAMPLE_DOCUMENT_IDS.plan)!.projection!.competencies.map((c) => c.code)).toEqual(specCodes);
  });

  it("lets a brand-new account read it, and nothing more; it does not open any other project", async () => {
    await ensureSampleProject();
    const newcomer = await loadActor((await testUser("Nora Newcomer")).id);
    expect(newcomer.memberships).toEqual([]);

    const page = await getProjectForActor(newcomer, SAMPLE_PROJECT_ID);
    expect(page.documents).toHaveLength(3);
    expect(page.permissions).toEqual({ edit: false, manageParticipants: false, createDocument: false });
    expect(page.invitableOrganizations).toEqual([]);
    await expect(requireProject(newcomer, SAMPLE_PROJECT_ID, "project.create_document")).rejects.toHaveProperty("status", 403);
    await expect(requireProject(newcomer, SAMPLE_PROJECT_ID, "project.manage_participants")).rejects.toHaveProperty("status", 403);

    const spec = await getDocumentForActor(newcomer, SAMPLE_DOCUMENT_IDS.spec);
    expect({ role: spec.role, canEdit: spec.canEdit, canComment: spec.canComment }).toEqual({ role: "viewer", canEdit: false, canComment: false });
    expect(await listThreads(newcomer, SAMPLE_DOCUMENT_IDS.spec)).toBeDefined();
    expect(await accessStatus(startThread(newcomer, SAMPLE_DOCUMENT_IDS.spec, { anchor: { type: "field", path: "title" }, body: "Hello" }))).toBe(403);
    // What the collaboration socket asks (server/collab/access.ts): read yes, edit no.
    expect((await checkDocument(newcomer, SAMPLE_DOCUMENT_IDS.plan, "document.view")).ok).toBe(true);
    expect(await checkDocument(newcomer, SAMPLE_DOCUMENT_IDS.plan, "document.edit")).toMatchObject({ ok: false, status: 403 });

    // Someone else's project stays invisible to the same person.
    const other = await testProject();
    await expect(getProjectForActor(newcomer, other.projectId)).rejects.toHaveProperty("status", 404);

    // Not on anyone's lists as a project they take part in, not even of people with projects.
    const busy = await testUser("Bo Busy");
    await createOrganization(busy.id, { name: "Busy College", kind: "institution", province: "ON" });
    const busyActor = await loadActor(busy.id);
    expect((await listProjectsForActor(busyActor)).map((p) => p.id)).not.toContain(SAMPLE_PROJECT_ID);
    expect((await listProjectsForActor(newcomer)).map((p) => p.id)).not.toContain(SAMPLE_PROJECT_ID);
    const listed = (await listDocumentsForActor(await loadActor(other.lead.id))).map((d) => d.id);
    expect(listed.some((id) => Object.values(SAMPLE_DOCUMENT_IDS).includes(id as never))).toBe(false);
    expect(await db().select({ id: documents.id }).from(documents).where(inArray(documents.id, Object.values(SAMPLE_DOCUMENT_IDS)))).toHaveLength(3);
  });
});
