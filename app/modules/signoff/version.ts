/**
 * Version binding: a document version is identified by the SHA-256 of its canonical string
 * (documents/model canonicalString, RFC 8785). That string is stored as the version snapshot, so
 * the hash can be recomputed from the stored bytes at any time.
 */
import { sha256Hex } from "~/utils/canonical-json";

export type VersionSnapshot = { canonical: string; hash: string };

/** True when a stored snapshot still matches its hash (used by exports and the Verify action). */
export async function snapshotIsIntact(snapshot: VersionSnapshot): Promise<boolean> {
  return (await sha256Hex(snapshot.canonical)) === snapshot.hash;
}
