/**
 * Fixtures for the comment and version integration tests: a project with an employer (editor), a
 * QA reviewer (commenter) and an outsider, and a credential specification whose content is written
 * through the document store's update log (app/modules/documents/store), as the editor would.
 */
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { db } from "~/db.server";
import { appendUpdates, loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { documents } from "../../db/schema/documents";
import { signUp } from "~/modules/auth/accounts.server";
import { generateId } from "~/modules/ids.server";
import { addRows, newDocumentFromTemplate, setCoverage, setValue, writeText, type DocumentKind, type JsonValue, type ProseMirrorJSON } from "~/modules/documents/model";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { createProject } from "~/modules/projects/projects.server";
import { joinProject } from "./projects";
import { refusalStatus } from "~/modules/permissions/require.server";

export async function testUser(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${generateId(6)}@example.com`;
  const result = await signUp({ name, email, password: "a-long-enough-password" });
  if (!result.ok) throw new Error("sign-up failed");
  return { id: result.userId, name };
}

/** Changes made outside any HTTP request: no IP or user agent for the audit trail. */
export const NO_REQUEST = { ip: null, userAgent: null };

export async function testProject() {
  const suffix = generateId(6);
  const lead = await testUser(`Lena Lead ${suffix}`);
  const employer = await testUser(`Maya Employer ${suffix}`);
  const qa = await testUser(`Elena Reviewer ${suffix}`);
  const outsider = await testUser(`Otto Outsider ${suffix}`);
  const college = await createOrganization(lead.id, { name: `College ${suffix}`, kind: "institution", province: "ON" });
  await createOrganization(employer.id, { name: `Firm ${suffix}`, kind: "employer", province: "ON" });
  await createOrganization(qa.id, { name: `QA Board ${suffix}`, kind: "qa_agency", province: "ON" });
  await createOrganization(outsider.id, { name: `Elsewhere ${suffix}`, kind: "employer", province: "AB" });
  const leadActor = await loadActor(lead.id);
  const projectId = await createProject(leadActor, { title: `Project ${suffix}`, summary: "", organizationId: college, role: "lead_institution" }, NO_REQUEST);
  await joinProject(projectId, lead.id, { organizationName: `Firm ${suffix}`, role: "employer_partner", adminUserId: employer.id });
  await joinProject(projectId, lead.id, { organizationName: `QA Board ${suffix}`, role: "qa_reviewer", adminUserId: qa.id });
  return { projectId, lead, employer, qa, outsider };
}

/** A document with its first state stored, as document creation does. */
export async function testDocument(projectId: string, createdBy: string, kind: DocumentKind = "credential_spec", title = "Climate Adaptation Practitioner") {
  const id = generateId();
  await db().insert(documents).values({ id, projectId, kind, title, createdBy });
  await appendUpdates(db(), [{ documentId: id, update: newDocumentFromTemplate(kind, { title }) }]);
  return id;
}

/** Edits the stored document the way a client does: apply the change, store the update. */
export async function editDocument(
  documentId: string,
  kind: DocumentKind,
  change: {
    fields?: Record<string, JsonValue>;
    rows?: Record<string, Array<Record<string, JsonValue> & { id?: string }>>;
    text?: Record<string, ProseMirrorJSON>;
    /** A plan's matrix: assessment row id → the competency ids it assesses (ticked). */
    coverage?: Record<string, string[]>;
  },
) {
  const ydoc = new Y.Doc();
  const state = await loadDocumentState(db(), documentId);
  if (state) Y.applyUpdate(ydoc, state);
  const before = Y.encodeStateVector(ydoc);
  for (const [path, value] of Object.entries(change.fields ?? {})) setValue(ydoc, kind, path, value);
  for (const [key, rows] of Object.entries(change.rows ?? {})) addRows(ydoc, kind, key, rows);
  for (const [key, doc] of Object.entries(change.text ?? {})) writeText(ydoc, key, doc);
  for (const [assessmentId, competencyIds] of Object.entries(change.coverage ?? {})) setCoverage(ydoc, kind, "coverage", assessmentId, competencyIds, true);
  await appendUpdates(db(), [{ documentId, update: Y.encodeStateAsUpdate(ydoc, before) }]);
  ydoc.destroy();
}

export async function setDocumentStatus(documentId: string, status: DocumentStatus) {
  await db().update(documents).set({ status }).where(eq(documents.id, documentId));
}

export function paragraph(text: string): ProseMirrorJSON {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** A verb's outcome as a status: "ok", or the status of the access gate's refusal (403/404). */
export async function accessStatus(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const status = refusalStatus(error);
    if (status) return status;
    throw error;
  }
}
