/**
 * Newer versions of the framework versions a specification references, with what they change in
 * the competencies it references (issue 13). A referenced competency is found in the newer version
 * by its sourceId — the stable id the file gave it (URI, CTID, CASE identifier), the same rule the
 * import's changes use (imports.server.ts changesSince) — and, failing that, by its code; found by
 * neither, it was removed. The browser applies the result with applyFrameworkUpdate.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworks } from "../../../db/schema/frameworks";
import { frameworkLabel, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import { branchLabeller } from "~/modules/frameworks/branches.server";
import type { FrameworkReplacement, FrameworkUpdate, FrameworkUpdateChange } from "~/modules/documents/kinds/framework-update";
import type { ProjectedCompetency } from "~/modules/documents/model/types";

export type { FrameworkUpdate } from "~/modules/documents/kinds/framework-update";

const fc = frameworkCompetencies;

type VersionRow = {
  id: string;
  sourceIdentifier: string;
  versionNumber: number;
  versionLabel: string | null;
  name: string;
};

type CompetencyRow = {
  id: string;
  sourceId: string;
  code: string | null;
  statement: string;
  sourceUri: string | null;
  /** Pre-order index in its framework version (what the branch is found from). */
  position: number;
};

const versionColumns = {
  id: frameworks.id,
  sourceIdentifier: frameworks.sourceIdentifier,
  versionNumber: frameworks.versionNumber,
  versionLabel: frameworks.versionLabel,
  name: frameworks.name,
};

const competencyColumns = { id: fc.id, sourceId: fc.sourceId, code: fc.code, statement: fc.statement, sourceUri: fc.sourceUri, position: fc.position };

/**
 * For each framework version the competencies reference that has a newer version (same source
 * identifier, higher version number), the update to the latest one. No query at all when the
 * document references no framework.
 */
export async function frameworkUpdatesFor(documentCompetencies: readonly ProjectedCompetency[]): Promise<FrameworkUpdate[]> {
  // Referenced competency ids per framework version, in the document's row order.
  const referenced = new Map<string, string[]>();
  for (const competency of documentCompetencies) {
    if (!competency.frameworkId || !competency.competencyId) continue;
    const ids = referenced.get(competency.frameworkId) ?? [];
    if (!ids.includes(competency.competencyId)) ids.push(competency.competencyId);
    referenced.set(competency.frameworkId, ids);
  }
  if (referenced.size === 0) return [];

  const used = await db()
    .select(versionColumns)
    .from(frameworks)
    .where(inArray(frameworks.id, [...referenced.keys()]));
  if (used.length === 0) return [];
  const latest = new Map<string, VersionRow>();
  const versions = await db()
    .select(versionColumns)
    .from(frameworks)
    .where(inArray(frameworks.sourceIdentifier, [...new Set(used.map((v) => v.sourceIdentifier))]));
  for (const version of versions) {
    const best = latest.get(version.sourceIdentifier);
    if (!best || version.versionNumber > best.versionNumber) latest.set(version.sourceIdentifier, version);
  }

  const updates: FrameworkUpdate[] = [];
  for (const from of used) {
    const to = latest.get(from.sourceIdentifier);
    if (!to || to.versionNumber <= from.versionNumber) continue;
    updates.push(await updateBetween(from, to, referenced.get(from.id) ?? []));
  }
  // The document's order of frameworks (first referenced first).
  const order = [...referenced.keys()];
  return updates.sort((a, b) => order.indexOf(a.fromFrameworkId) - order.indexOf(b.fromFrameworkId));
}

async function updateBetween(from: VersionRow, to: VersionRow, competencyIds: readonly string[]): Promise<FrameworkUpdate> {
  const oldRows = await db()
    .select(competencyColumns)
    .from(fc)
    .where(and(eq(fc.frameworkId, from.id), inArray(fc.id, [...competencyIds])));
  const oldById = new Map(oldRows.map((row) => [row.id, row]));
  // Rows of the referenced competencies in document order; an id the old version lacks cannot be matched.
  const olds = competencyIds.map((id) => oldById.get(id)).filter((row): row is CompetencyRow => row !== undefined);

  const sourceIds = olds.map((row) => row.sourceId);
  const codes = [...new Set(olds.map((row) => row.code).filter((code): code is string => code !== null))];
  const candidates =
    olds.length === 0
      ? []
      : await db()
          .select(competencyColumns)
          .from(fc)
          .where(and(eq(fc.frameworkId, to.id), or(inArray(fc.sourceId, sourceIds), codes.length > 0 ? inArray(fc.code, codes) : undefined)));
  const bySourceId = new Map(candidates.map((row) => [row.sourceId, row]));
  const byCode = new Map<string, CompetencyRow | null>();
  for (const row of candidates) {
    if (row.code === null) continue;
    // A code two competencies share names neither: no fallback match on it.
    byCode.set(row.code, byCode.has(row.code) ? null : row);
  }

  const matches = olds.map((old) => ({ old, now: bySourceId.get(old.sourceId) ?? (old.code !== null ? byCode.get(old.code) ?? null : null) }));
  const branchOf = await branchLabeller(db(), [to.id]);
  const label = frameworkLabel(to.name, to.versionLabel);

  const changes: FrameworkUpdateChange[] = [];
  const replacements: FrameworkReplacement[] = [];
  for (const { old, now } of matches) {
    if (!now) {
      changes.push({ kind: "removed", rowCompetencyId: old.id, code: old.code, before: old.statement, after: null });
      replacements.push({ fromCompetencyId: old.id, to: null });
      continue;
    }
    if (now.statement !== old.statement) changes.push({ kind: "reworded", rowCompetencyId: old.id, code: old.code, before: old.statement, after: now.statement });
    if (now.code !== old.code && old.code !== null) changes.push({ kind: "recoded", rowCompetencyId: old.id, code: old.code, before: old.code, after: now.code });
    const picked: PickedCompetency = {
      frameworkId: to.id,
      framework: label,
      competencyId: now.id,
      code: now.code,
      statement: now.statement,
      uri: now.sourceUri,
      branch: branchOf(to.id, now.position),
    };
    replacements.push({ fromCompetencyId: old.id, to: picked });
  }
  return {
    fromFrameworkId: from.id,
    toFrameworkId: to.id,
    name: from.name,
    fromVersion: { number: from.versionNumber, label: from.versionLabel },
    toVersion: { number: to.versionNumber, label: to.versionLabel },
    changes,
    replacements,
  };
}
