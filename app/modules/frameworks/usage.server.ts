/**
 * Which credential specifications use a framework version: those whose projection names it in a
 * competency row (app/modules/documents/kinds/credential-spec.ts projects each framework row's
 * `frameworkId`). Read from the projection, not the Y.Docs: one jsonb containment query instead of
 * loading every document. The projection lags live edits by its debounce, so a reference picked
 * seconds ago may not count yet (see deleteFramework).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { projects } from "../../../db/schema/projects";
import { can, type Actor } from "~/modules/permissions/can";
import { loadProjectFacts } from "~/modules/permissions/require.server";
import type { DocumentStatus } from "~/modules/permissions/roles";

export type DocumentUsingFramework = {
  id: string;
  title: string;
  projectId: string;
  projectTitle: string;
  /** Internal to visibility decisions (document.view); not shown. */
  status: DocumentStatus;
};

/** Deleting a framework version that specifications still reference: refused, with who uses it. */
export class FrameworkInUseError extends Error {
  constructor(readonly documents: DocumentUsingFramework[]) {
    super(`This framework version is used by ${documents.length} ${documents.length === 1 ? "specification" : "specifications"} and cannot be deleted.`);
    this.name = "FrameworkInUseError";
  }
}

/** Credential specifications whose competencies reference this framework version, by project then title. */
export async function documentsUsingFramework(frameworkId: string, q: Queryable = db()): Promise<DocumentUsingFramework[]> {
  // Containment (@>) matches any element of the array that has this frameworkId, on Postgres and PGlite alike.
  const needle = JSON.stringify([{ frameworkId }]);
  return q
    .select({ id: documents.id, title: documents.title, projectId: documents.projectId, projectTitle: projects.title, status: documents.status })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(and(eq(documents.kind, "credential_spec"), sql`${documents.projection} -> 'competencies' @> ${needle}::jsonb`))
    .orderBy(asc(projects.title), asc(documents.title), asc(documents.id));
}

export type VisibleUsage = {
  /** The documents the actor may view (their titles may be shown). */
  visible: Array<Omit<DocumentUsingFramework, "status">>;
  /** How many others use it: counted, never named (their titles would leak). */
  hiddenCount: number;
};

/**
 * Splits a usage list into what the actor may see and a count of the rest, with the same rule as
 * the document gate (can "document.view": the actor's organization takes part in the project).
 */
export async function usageVisibleTo(actor: Actor, using: readonly DocumentUsingFramework[], q: Queryable = db()): Promise<VisibleUsage> {
  const projectIds = [...new Set(using.map((d) => d.projectId))];
  const facts = new Map(await Promise.all(projectIds.map(async (id) => [id, await loadProjectFacts(id, q)] as const)));
  const visible: VisibleUsage["visible"] = [];
  let hiddenCount = 0;
  for (const { status, ...document } of using) {
    const project = facts.get(document.projectId);
    if (project && can(actor, "document.view", { type: "document", status, project })) visible.push(document);
    else hiddenCount += 1;
  }
  return { visible, hiddenCount };
}

/** The usage of a framework version as this actor may see it. */
export async function frameworkUsageFor(actor: Actor, frameworkId: string): Promise<VisibleUsage & { total: number }> {
  const using = await documentsUsingFramework(frameworkId);
  return { ...(await usageVisibleTo(actor, using)), total: using.length };
}

