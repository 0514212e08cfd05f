/**
 * Creates the read-only sample project (app/modules/projects/sample.ts) the first time someone asks
 * to open it, so it exists whether or not the demo workspace was seeded. Its documents are copies of
 * the demo project's three, written by the same builders (kinds/demo/set.ts).
 */
import { inArray, isNull, and } from "drizzle-orm";
import * as Y from "yjs";
import { db } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { projects } from "../../../db/schema/projects";
import { demoDocumentSet } from "~/modules/documents/kinds/demo/set";
import { refreshProjection } from "~/modules/documents/projection.server";
import { appendUpdates } from "~/modules/documents/store/stored-document.server";
import { SAMPLE_DOCUMENT_IDS, SAMPLE_PROJECT_ID } from "~/modules/projects/sample";

export const SAMPLE_DOCUMENTS = demoDocumentSet(SAMPLE_DOCUMENT_IDS);

const SAMPLE_SUMMARY =
  "A sample to look around in: a complete credential specification, assessment plan and work-based learning " +
  "agreement for a Climate Adaptation Practitioner micro-credential. Everyone can read it; nobody edits it. " +
  "Start your own project from Projects.";

/**
 * Idempotent. The project, its documents and their content are written in one transaction: the
 * project row's primary key decides who creates it (a concurrent second request waits on it and
 * then does nothing), so the sample is either whole or absent. Returns whether this call created it.
 */
export async function ensureSampleProject(): Promise<{ projectId: string; created: boolean }> {
  const created = await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(projects)
      .values({ id: SAMPLE_PROJECT_ID, title: "Climate Adaptation Practitioner (sample)", summary: SAMPLE_SUMMARY, createdBy: null })
      .onConflictDoNothing()
      .returning({ id: projects.id });
    if (inserted.length === 0) return false;
    // No participants, ever: nobody takes part, so the project is on nobody's lists and only can()'s
    // sample rule lets people read it.
    await tx.insert(documents).values(SAMPLE_DOCUMENTS.map(({ id, kind, title }) => ({ id, kind, title, projectId: SAMPLE_PROJECT_ID, createdBy: null })));
    const updates = SAMPLE_DOCUMENTS.map((document) => {
      const ydoc = new Y.Doc();
      try {
        document.fill(ydoc);
        return { documentId: document.id, update: Y.encodeStateAsUpdate(ydoc) };
      } finally {
        ydoc.destroy();
      }
    });
    await appendUpdates(tx, updates);
    return true;
  });
  // Projections (lists, completeness, links between the three) after the commit, in link order; a
  // crash in between leaves them missing, so any later call fills in what is still missing.
  const unprojected = new Set(
    (
      await db()
        .select({ id: documents.id })
        .from(documents)
        .where(and(inArray(documents.id, SAMPLE_DOCUMENTS.map((d) => d.id)), isNull(documents.projectedAt)))
    ).map((row) => row.id),
  );
  for (const document of SAMPLE_DOCUMENTS) if (unprojected.has(document.id)) await refreshProjection(db(), document.id);
  return { projectId: SAMPLE_PROJECT_ID, created };
}
