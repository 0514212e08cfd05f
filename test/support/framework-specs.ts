/**
 * Specifications that reference the framework library, for the framework usage and update tests:
 * a small CTDL-ASN CSV built in the test, imported like a person imports it, and reference rows
 * written into a specification's stored Y.Doc the way the picker writes them, then projected.
 */
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { db } from "~/db.server";
import { documents } from "../../db/schema/documents";
import { frameworkCompetencies, frameworks } from "../../db/schema/frameworks";
import { addPickedCompetencies, frameworkLabel, nodeLabel, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import { refreshProjection } from "~/modules/documents/projection.server";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { importProgress, importSettled, startFrameworkImport } from "~/modules/frameworks/imports.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { Actor } from "~/modules/permissions/can";
import { testUser } from "./documents";

export type CsvCompetency = { id: string; code: string; statement: string; parent?: string };

/** A CTDL-ASN CSV of one framework (`frameworkUri` ties its versions together). */
export function frameworkCsv(frameworkUri: string, name: string, version: string, competencies: readonly CsvCompetency[]): Uint8Array {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [
    ["@id", "@type", "ceasn:name", "ceasn:versionCode", "ceasn:isTopChildOf", "ceasn:isChildOf", "ceasn:codedNotation", "ceasn:competencyText"],
    [frameworkUri, "ceasn:CompetencyFramework", name, version, "", "", "", ""],
    ...competencies.map((c) => [
      `${frameworkUri}/${c.id}`,
      "ceasn:Competency",
      "",
      "",
      c.parent ? "" : frameworkUri,
      c.parent ? `${frameworkUri}/${c.parent}` : "",
      c.code,
      c.statement,
    ]),
  ];
  return new TextEncoder().encode(lines.map((line) => line.map(quote).join(",")).join("\n"));
}

/** Imports a file for the organization as `actor` (its admin) and returns the stored version's id. */
export async function importFramework(actor: Actor, organizationId: string, bytes: Uint8Array): Promise<string> {
  const started = await startFrameworkImport(actor, { organizationId, fileName: "framework.csv", bytes });
  if (!("importId" in started)) throw new Error("expected the import to start");
  await importSettled(started.importId);
  const progress = await importProgress(actor, started.importId);
  if (progress.status !== "done") throw new Error(JSON.stringify(progress.problems));
  return progress.frameworkId!;
}

/** Competencies of a stored version as the picker hands them over, by code. */
export async function pickable(frameworkId: string): Promise<Map<string, PickedCompetency>> {
  const [version] = await db().select().from(frameworks).where(eq(frameworks.id, frameworkId));
  if (!version) throw new Error(`no framework ${frameworkId}`);
  const rows = await db().select().from(frameworkCompetencies).where(eq(frameworkCompetencies.frameworkId, frameworkId)).orderBy(asc(frameworkCompetencies.position));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const top = (id: string): (typeof rows)[number] => {
    const row = byId.get(id)!;
    return row.parentId ? top(row.parentId) : row;
  };
  return new Map(
    rows.map((row) => {
      const branch = top(row.id);
      return [
        row.code ?? row.sourceId,
        {
          frameworkId,
          framework: frameworkLabel(version.name, version.versionLabel),
          competencyId: row.id,
          code: row.code,
          statement: row.statement,
          uri: row.sourceUri,
          branch: nodeLabel(branch.code, branch.statement),
        },
      ];
    }),
  );
}

/** Changes the stored specification as an editor's client would, then projects it. */
export async function changeSpecification(documentId: string, change: (ydoc: Y.Doc) => void): Promise<void> {
  const ydoc = new Y.Doc();
  try {
    const state = await loadDocumentState(db(), documentId);
    if (state) Y.applyUpdate(ydoc, state);
    const before = Y.encodeStateVector(ydoc);
    change(ydoc);
    await appendUpdates(db(), [{ documentId, update: Y.encodeStateAsUpdate(ydoc, before) }]);
  } finally {
    ydoc.destroy();
  }
  await refreshProjection(db(), documentId);
}

/** Adds reference rows for the picked competencies (level and essential are this credential's own). */
export function referTo(documentId: string, picked: readonly PickedCompetency[], defaults: Record<string, string | boolean> = { level: "Level 2", essential: true }) {
  return changeSpecification(documentId, (ydoc) => addPickedCompetencies(ydoc, picked, defaults));
}

/** The stored projection's competencies of a document. */
export async function projectedCompetencies(documentId: string) {
  const [row] = await db().select({ projection: documents.projection }).from(documents).where(eq(documents.id, documentId));
  return row?.projection?.competencies ?? [];
}

/** An organization that owns frameworks, and its admin (who may import them and their versions). */
export async function frameworkOwner(): Promise<{ owner: Actor; organizationId: string }> {
  const admin = await testUser(`Framework Admin ${generateId(4)}`);
  const organizationId = await createOrganization(admin.id, { name: `Library ${generateId(6)}`, kind: "institution", province: "ON" });
  return { owner: await loadActor(admin.id), organizationId };
}
