/**
 * Version binding: a document version is identified by the SHA-256 of its canonical content (the
 * editor's JSON, serialised with sorted keys by audit/canonical.ts). The canonical text is what
 * gets stored as the snapshot, so the hash can be recomputed from the stored bytes at any time.
 */
import { canonicalJson, sha256Hex } from "../audit/canonical";

export type VersionSnapshot = { canonical: string; hash: string };

export async function snapshotContent(content: unknown): Promise<VersionSnapshot> {
  const canonical = canonicalJson(content);
  return { canonical, hash: await sha256Hex(canonical) };
}

/** True when a stored snapshot still matches its hash (used by exports and the Verify action). */
export async function snapshotIsIntact(snapshot: VersionSnapshot): Promise<boolean> {
  return (await sha256Hex(snapshot.canonical)) === snapshot.hash;
}
