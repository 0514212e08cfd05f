/**
 * The facts version-names.ts words versions from, read for one document: its History, its sign-off
 * snapshots and rounds. No access check here: callers pass a document the person may already see.
 */
import { asc, eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { signoffRounds, signoffVersions } from "../../../db/schema/signoff";
import { documentVersions } from "../../../db/schema/versions";
import { versionNamer, type VersionFacts, type VersionName } from "~/modules/versions/version-names";

export async function loadVersionFacts(q: Queryable, documentId: string): Promise<VersionFacts> {
  const [saved, snapshots, rounds] = await Promise.all([
    q
      .select({ number: documentVersions.number, hash: documentVersions.contentHash, name: documentVersions.name, auto: documentVersions.auto, at: documentVersions.createdAt })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(asc(documentVersions.number)),
    q.select({ hash: signoffVersions.versionHash, at: signoffVersions.createdAt }).from(signoffVersions).where(eq(signoffVersions.documentId, documentId)),
    q
      .select({ requestedVersionHash: signoffRounds.requestedVersionHash, requestedAt: signoffRounds.requestedAt, status: signoffRounds.status, currentVersionHash: signoffRounds.currentVersionHash, closedAt: signoffRounds.closedAt })
      .from(signoffRounds)
      .where(eq(signoffRounds.documentId, documentId)),
  ]);
  return {
    saved,
    snapshots,
    rounds: rounds.map((r) => ({ requestedVersionHash: r.requestedVersionHash, requestedAt: r.requestedAt, approvedVersionHash: r.status === "approved" ? r.currentVersionHash : null, closedAt: r.closedAt })),
  };
}

/** Names the document's versions (one read, then any number of hashes). */
export async function loadVersionNamer(q: Queryable, documentId: string): Promise<(hash: string) => VersionName> {
  return versionNamer(await loadVersionFacts(q, documentId));
}

/** Names of some versions of a document the caller has already been let in to (e.g. a diff's two sides). */
export async function nameVersions(documentId: string, hashes: readonly string[]): Promise<VersionName[]> {
  const name = await loadVersionNamer(db(), documentId);
  return hashes.map(name);
}
