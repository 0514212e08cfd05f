import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import { db } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { generateId } from "~/modules/ids.server";
import { can, effectiveDocumentRole, type Actor } from "~/modules/permissions/can";
import { notFound, requireDocument } from "~/modules/permissions/require.server";
import { DOCUMENT_KINDS, type DocumentKind } from "~/modules/permissions/roles";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";
import { duplicateDocument as duplicateState, LINKED_DOCUMENT, newDocumentFromTemplate, setValue, type JsonValue, type ProjectedCompetency } from "~/modules/documents/model";
import { refreshProjection } from "~/modules/documents/projection.server";

export const NewDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose a document kind" }),
  title: z.string({ error: "Give the document a title (3 characters or more)" }).trim().min(3, "Give the document a title (3 characters or more)").max(200, "Title is too long (200 characters at most)"),
  /** The credential specification of an assessment plan, the assessment plan of a WBL agreement. */
  linkedDocumentId: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type NewDocumentInput = { kind: DocumentKind; title: string; linkedDocumentId?: string };

/** A rule about the documents of a project, reported on a form field. */
export class DocumentRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "DocumentRuleError";
  }
}

/**
 * Inserts the document row and its first Yjs state in one transaction, so no one can open a
 * document whose content has not been stored yet, then projects it.
 */
async function insertDocument(row: { id: string; projectId: string; kind: DocumentKind; title: string; createdBy: string }, state: Uint8Array): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.insert(documents).values(row);
    await appendUpdates(tx, [{ documentId: row.id, update: state }]);
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, row.projectId));
  });
  await refreshProjection(db(), row.id);
}

/** A new document from its kind's blank template, linked to the document it builds on. */
export async function createDocument(projectId: string, createdBy: string, input: NewDocumentInput): Promise<string> {
  const link = LINKED_DOCUMENT[input.kind];
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, newDocumentFromTemplate(input.kind, { title: input.title }));
    if (link) {
      const candidates = await db()
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.projectId, projectId), eq(documents.kind, link.kind)));
      const linkedLabel = DOCUMENT_KIND_LABELS[link.kind].toLowerCase();
      if (input.linkedDocumentId) {
        if (!candidates.some((c) => c.id === input.linkedDocumentId)) throw new DocumentRuleError("linkedDocumentId", `Choose a ${linkedLabel} of this project.`);
        setValue(ydoc, input.kind, link.field, input.linkedDocumentId);
      } else if (candidates.length > 0) {
        // Without one the plan has no competencies to assess; before the first exists, it can wait.
        throw new DocumentRuleError("linkedDocumentId", `Choose the ${linkedLabel} it belongs to.`);
      }
    }
    const id = generateId();
    await insertDocument({ id, projectId, kind: input.kind, title: input.title, createdBy }, Y.encodeStateAsUpdate(ydoc));
    return id;
  } finally {
    ydoc.destroy();
  }
}

/**
 * A copy of a document of the project: its current durable content as a fresh history (no edit
 * history, comments or sign-off carried over), as a new draft titled "Copy of …".
 */
export async function duplicateDocument(projectId: string, createdBy: string, sourceId: string): Promise<string> {
  const [source] = await db()
    .select({ id: documents.id, kind: documents.kind, title: documents.title })
    .from(documents)
    .where(and(eq(documents.id, sourceId), eq(documents.projectId, projectId)));
  if (!source) throw new DocumentRuleError("documentId", "That document is not part of this project.");
  const title = `Copy of ${source.title}`.slice(0, 200);
  const state = await loadDocumentState(db(), source.id);
  const copy = state ? duplicateState(state, { title }) : newDocumentFromTemplate(source.kind, { title });
  const id = generateId();
  await insertDocument({ id, projectId, kind: source.kind, title, createdBy }, copy);
  return id;
}

/**
 * A competency as a linking document reads it (a plan: id, code, title, branch, essential; an
 * agreement: id, code, title, assessed at work): a 3,000-competency specification's rows are half
 * the size without the framework label and library ids every row repeats.
 */
function asLinkedCompetency(competency: ProjectedCompetency): ProjectedCompetency {
  const { id, code, title, essential, branch, assessedAtWorkplace } = competency;
  return { id, code, title, framework: null, level: null, essential, ...(branch !== undefined ? { branch } : {}), ...(assessedAtWorkplace !== undefined ? { assessedAtWorkplace } : {}) };
}

/** Documents another document of the project may link to, with the competencies it offers. */
export type LinkableDocument = {
  id: string;
  kind: DocumentKind;
  title: string;
  competencies: ProjectedCompetency[];
  /** Its projection's key fields, for the same documents as competencies (a specification's assessment-only route…). */
  keyFields: Record<string, JsonValue>;
};

/**
 * What the editing page needs beyond the document itself: the project's specifications and plans
 * (options of document fields, and the competencies their rows choose from).
 */
export async function linkableDocuments(
  projectId: string,
  exceptId?: string,
  /** Only documents of this kind carry their competencies (the ones a link field of the page reads); null: none do. */
  competenciesOf: DocumentKind | null | "all" = "all",
): Promise<LinkableDocument[]> {
  const kinds = [...new Set(Object.values(LINKED_DOCUMENT).map((link) => link.kind))];
  const rows = await db()
    .select({ id: documents.id, kind: documents.kind, title: documents.title, projection: documents.projection })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.kind, kinds), exceptId ? ne(documents.id, exceptId) : undefined))
    .orderBy(asc(documents.title));
  const carries = (kind: DocumentKind) => competenciesOf === "all" || competenciesOf === kind;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    competencies: carries(row.kind) ? (row.projection?.competencies ?? []).map(asLinkedCompetency) : [],
    keyFields: carries(row.kind) ? (row.projection?.keyFields ?? {}) : {},
  }));
}

/** Completeness of documents as last projected (null: not projected yet). */
export async function completenessOf(documentIds: readonly string[]): Promise<Record<string, number | null>> {
  if (documentIds.length === 0) return {};
  const rows = await db()
    .select({ id: documents.id, percent: documents.completenessPercent })
    .from(documents)
    .where(inArray(documents.id, [...documentIds]));
  return Object.fromEntries(rows.map((row) => [row.id, row.percent]));
}

/** Every document of every project the actor's organizations take part in. */
export async function listDocumentsForActor(actor: Actor) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const visibleProjects = db()
    .selectDistinct({ projectId: projectParticipants.projectId })
    .from(projectParticipants)
    .where(inArray(projectParticipants.organizationId, orgIds));
  return db()
    .select({
      id: documents.id,
      title: documents.title,
      kind: documents.kind,
      status: documents.status,
      updatedAt: documents.updatedAt,
      completenessPercent: documents.completenessPercent,
      projectId: projects.id,
      projectTitle: projects.title,
    })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(inArray(documents.projectId, visibleProjects))
    .orderBy(desc(documents.updatedAt), asc(documents.title));
}

/**
 * The document page: the document, its project and participants, and the actor's role there.
 * Throws the access gate's 404 for anyone who may not view it.
 */
export async function getDocumentForActor(actor: Actor, documentId: string) {
  const { resource, projectId } = await requireDocument(actor, documentId, "document.view");
  const document = await db().query.documents.findFirst({ where: eq(documents.id, documentId) });
  const project = await db().query.projects.findFirst({ where: eq(projects.id, projectId) });
  // Deleted between the gate and here: as if it never existed.
  if (!document || !project) throw notFound();
  const participants = await db()
    .select({ organizationId: projectParticipants.organizationId, role: projectParticipants.role, name: organizations.name })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(and(eq(projectParticipants.projectId, projectId)))
    .orderBy(asc(projectParticipants.role), asc(organizations.name));
  return {
    document,
    project: { id: project.id, title: project.title },
    participants,
    role: effectiveDocumentRole(actor, resource),
    canEdit: can(actor, "document.edit", resource),
    canComment: can(actor, "document.comment", resource),
  };
}
