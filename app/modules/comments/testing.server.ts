/**
 * Fixtures for the comment and version integration tests: a project with an employer (editor), a
 * QA reviewer (commenter) and an outsider, and a credential specification whose content is written
 * through the collaboration server's own persistence (the update log), as the editor would.
 */
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { db } from "~/db.server";
import { appendUpdates, loadDocumentState } from "../../../server/collab/persistence";
import { documents } from "../../../db/schema/documents";
import { signUp } from "../auth/accounts.server";
import { generateId } from "../ids.server";
import { addRows, newDocumentFromTemplate, setValue, writeText, type DocumentKind, type JsonValue, type ProseMirrorJSON } from "../documents/model";
import { loadActor } from "../orgs/actor.server";
import { createOrganization } from "../orgs/organizations.server";
import type { DocumentStatus } from "../permissions/roles";
import { addParticipant, createProject } from "../projects/projects.server";
import { DocumentAccessError } from "./document-access.server";

export async function testUser(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${generateId(6)}@example.com`;
  const result = await signUp({ name, email, password: "a-long-enough-password" });
  if (!result.ok) throw new Error("sign-up failed");
  return { id: result.userId, name };
}

export async function testProject() {
  const suffix = generateId(6);
  const lead = await testUser(`Lena Lead ${suffix}`);
  const employer = await testUser(`Maya Employer ${suffix}`);
  const qa = await testUser(`Elena Reviewer ${suffix}`);
  const outsider = await testUser(`Otto Outsider ${suffix}`);
  const college = await createOrganization(lead.id, { name: `College ${suffix}`, kind: "institution", province: "ON" });
  const firm = await createOrganization(employer.id, { name: `Firm ${suffix}`, kind: "employer", province: "ON" });
  const board = await createOrganization(qa.id, { name: `QA Board ${suffix}`, kind: "qa_agency", province: "ON" });
  await createOrganization(outsider.id, { name: `Elsewhere ${suffix}`, kind: "employer", province: "AB" });
  const projectId = await createProject(await loadActor(lead.id), { title: `Project ${suffix}`, summary: "", organizationId: college, role: "lead_institution" });
  await addParticipant(projectId, { organizationId: firm, role: "employer_partner" });
  await addParticipant(projectId, { organizationId: board, role: "qa_reviewer" });
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
export async function editDocument(documentId: string, kind: DocumentKind, change: { fields?: Record<string, JsonValue>; rows?: Record<string, Array<Record<string, JsonValue> & { id?: string }>>; text?: Record<string, ProseMirrorJSON> }) {
  const ydoc = new Y.Doc();
  const state = await loadDocumentState(db(), documentId);
  if (state) Y.applyUpdate(ydoc, state);
  const before = Y.encodeStateVector(ydoc);
  for (const [path, value] of Object.entries(change.fields ?? {})) setValue(ydoc, kind, path, value);
  for (const [key, rows] of Object.entries(change.rows ?? {})) addRows(ydoc, kind, key, rows);
  for (const [key, doc] of Object.entries(change.text ?? {})) writeText(ydoc, key, doc);
  await appendUpdates(db(), [{ documentId, update: Y.encodeStateAsUpdate(ydoc, before) }]);
  ydoc.destroy();
}

export async function setDocumentStatus(documentId: string, status: DocumentStatus) {
  await db().update(documents).set({ status }).where(eq(documents.id, documentId));
}

export function paragraph(text: string): ProseMirrorJSON {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** A verb's outcome as a status: "ok", or the HTTP status its DocumentAccessError carries. */
export async function accessStatus(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DocumentAccessError) return error.status;
    throw error;
  }
}
