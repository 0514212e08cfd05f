/**
 * Finding, in the framework library, the competencies that a specification's copied rows name by
 * text (the one-time migration to references, run by the projection's repairs; ADR 0012).
 *
 * A row matches a library competency by its URI (the competency's source URI), or else by its
 * framework's name (with or without the version label) and its code; the latest version of that
 * framework wins. It becomes a reference only when the row's wording is the library's: a row
 * worded differently would lose its words, so it becomes custom instead and keeps them.
 */
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { frameworkCompetencies, frameworks } from "../../../db/schema/frameworks";
import { frameworkLabel, sameStatement, type PickedCompetency, type UnlinkedRow } from "~/modules/documents/kinds/competency-references";
import { branchLabeller } from "~/modules/frameworks/branches.server";

const fc = frameworkCompetencies;

type Candidate = PickedCompetency & { sourceIdentifier: string; versionNumber: number };

function lower(value: string): string {
  return value.toLocaleLowerCase("en-CA");
}

/** Each row id → the library competency it is (a reference), or null (custom). */
export async function resolveCopiedCompetencies(db: Queryable, rows: readonly UnlinkedRow[]): Promise<Map<string, PickedCompetency | null>> {
  const result = new Map<string, PickedCompetency | null>();
  if (rows.length === 0) return result;

  // Frameworks are tens, not thousands: match names in memory, newest version first.
  const versions = await db
    .select({ id: frameworks.id, name: frameworks.name, versionLabel: frameworks.versionLabel, versionNumber: frameworks.versionNumber, sourceIdentifier: frameworks.sourceIdentifier })
    .from(frameworks)
    .orderBy(desc(frameworks.versionNumber));
  const latestByName = new Map<string, string>();
  for (const version of versions) {
    for (const name of [version.name, frameworkLabel(version.name, version.versionLabel)]) {
      if (!latestByName.has(lower(name))) latestByName.set(lower(name), version.id);
    }
  }
  const namedFrameworkIds = [...new Set(rows.map((row) => (row.framework ? latestByName.get(lower(row.framework)) : undefined)).filter((id): id is string => id !== undefined))];
  const codes = [...new Set(rows.map((row) => row.code).filter((code): code is string => code !== null))];
  const uris = [...new Set(rows.map((row) => row.uri).filter((uri): uri is string => uri !== null))];

  const conditions = [];
  if (namedFrameworkIds.length && codes.length) conditions.push(and(inArray(fc.frameworkId, namedFrameworkIds), inArray(fc.code, codes)));
  if (uris.length) conditions.push(inArray(fc.sourceUri, uris));
  const candidates: Candidate[] = [];
  if (conditions.length) {
    const found = await db
      .select({
        competencyId: fc.id,
        frameworkId: fc.frameworkId,
        code: fc.code,
        statement: fc.statement,
        uri: fc.sourceUri,
        name: frameworks.name,
        versionLabel: frameworks.versionLabel,
        versionNumber: frameworks.versionNumber,
        sourceIdentifier: frameworks.sourceIdentifier,
        position: fc.position,
      })
      .from(fc)
      .innerJoin(frameworks, eq(frameworks.id, fc.frameworkId))
      .where(or(...conditions));
    const branchOf = await branchLabeller(db, found.map((row) => row.frameworkId));
    for (const row of found) {
      candidates.push({
        frameworkId: row.frameworkId,
        framework: frameworkLabel(row.name, row.versionLabel),
        competencyId: row.competencyId,
        code: row.code,
        statement: row.statement,
        uri: row.uri,
        branch: branchOf(row.frameworkId, row.position),
        sourceIdentifier: row.sourceIdentifier,
        versionNumber: row.versionNumber,
      });
    }
  }

  const byUri = new Map<string, Candidate>();
  const byFrameworkCode = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.uri) {
      const held = byUri.get(candidate.uri);
      if (!held || held.versionNumber < candidate.versionNumber) byUri.set(candidate.uri, candidate);
    }
    if (candidate.code) byFrameworkCode.set(`${candidate.frameworkId}\u0000${candidate.code}`, candidate);
  }
  for (const row of rows) {
    const namedFramework = row.framework ? latestByName.get(lower(row.framework)) : undefined;
    const match = (row.uri ? byUri.get(row.uri) : undefined) ?? (namedFramework && row.code ? byFrameworkCode.get(`${namedFramework}\u0000${row.code}`) : undefined);
    if (match && sameStatement(match.statement, row.title)) {
      const { sourceIdentifier: _source, versionNumber: _version, ...picked } = match;
      result.set(row.rowId, picked);
    } else {
      result.set(row.rowId, null);
    }
  }
  return result;
}
