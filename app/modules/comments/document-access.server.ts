/**
 * The permission gate shared by the comment and version verbs: load the document's facts once and
 * ask `can()`. People outside the project get "not found" (they learn nothing about the document);
 * people who can see it but not do this get "forbidden".
 */
import { eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { can, type Actor, type DocumentAction, type DocumentResource } from "../permissions/can";
import type { DocumentKind } from "../permissions/roles";
import { loadProjectFacts } from "../projects/projects.server";

export class DocumentAccessError extends Error {
  constructor(
    readonly status: 403 | 404,
    message = status === 404 ? "Not found" : "Forbidden",
  ) {
    super(message);
  }
}

export type AccessibleDocument = {
  id: string;
  kind: DocumentKind;
  title: string;
  projectId: string;
  resource: DocumentResource;
};

export async function requireDocument(actor: Actor, documentId: string, action: DocumentAction, q: Queryable = db()): Promise<AccessibleDocument> {
  const row = await q.query.documents.findFirst({
    where: eq(documents.id, documentId),
    columns: { id: true, kind: true, title: true, status: true, projectId: true },
  });
  if (!row) throw new DocumentAccessError(404);
  const resource: DocumentResource = { type: "document", status: row.status, project: await loadProjectFacts(row.projectId, q) };
  if (!can(actor, "document.view", resource)) throw new DocumentAccessError(404);
  if (!can(actor, action, resource)) throw new DocumentAccessError(403);
  return { id: row.id, kind: row.kind, title: row.title, projectId: row.projectId, resource };
}
