/**
 * The audit hash chain. Every audit row carries the hash of the previous row of its chain (one
 * chain per document; events without a document chain per project, then per organization), and
 * its own hash over a canonical serialisation of every column that means something. Editing,
 * deleting or reordering a row breaks the chain at that point; `verifyChain` finds where.
 *
 * Pure and async only because Web Crypto is: runs in the browser, the server and tests alike.
 */
import { canonicalJson, sha256Hex } from "~/utils/canonical-json";

/** What the DB layer knows before sealing: every column of `audit_events` except seq/prev/hash. */
export type AuditRecord = {
  chain: string;
  documentId: string | null;
  projectId: string | null;
  actorUserId: string | null;
  organizationId: string | null;
  type: string;
  schemaVersion: number;
  payload: unknown;
  versionHash: string | null;
  ip: string | null;
  userAgent: string | null;
  /**
   * Set by the application, in milliseconds (a JS Date). Never a database default: Postgres keeps
   * microseconds, a Date read back would lose them, and the hash would no longer match.
   */
  createdAt: Date;
};

export type SealedAuditRecord = AuditRecord & { seq: number; prevHash: string | null; hash: string };

export type ChainBreak =
  | "wrong_chain" // a row of another chain was mixed in
  | "seq_mismatch" // a row is missing (deleted) or out of order
  | "prev_hash_mismatch" // the link to the previous row is broken (deleted/reordered/re-sealed row)
  | "hash_mismatch"; // the row's content no longer matches its hash (edited)

export type ChainVerification =
  | { intact: true; length: number; headHash: string | null }
  | { intact: false; brokenAt: number; reason: ChainBreak; message: string };

/** The chain a row belongs to: its document, else its project, else its organization. */
export function chainOf(subject: {
  documentId?: string | null;
  projectId?: string | null;
  organizationId?: string | null;
}): string {
  if (subject.documentId) return `document:${subject.documentId}`;
  if (subject.projectId) return `project:${subject.projectId}`;
  if (subject.organizationId) return `organization:${subject.organizationId}`;
  throw new Error("An audit event needs a document, a project or an organization");
}

/**
 * The exact bytes that are hashed. Every field is always present (null when absent) so that
 * `undefined` from code and NULL from the database serialise alike; key order is canonical.
 */
export function canonicalAuditRecord(prevHash: string | null, record: AuditRecord & { seq: number }): string {
  return canonicalJson({
    v: 1,
    chain: record.chain,
    seq: record.seq,
    prevHash: prevHash ?? null,
    documentId: record.documentId ?? null,
    projectId: record.projectId ?? null,
    actorUserId: record.actorUserId ?? null,
    organizationId: record.organizationId ?? null,
    type: record.type,
    schemaVersion: record.schemaVersion,
    payload: record.payload,
    versionHash: record.versionHash ?? null,
    ip: record.ip ?? null,
    userAgent: record.userAgent ?? null,
    createdAt: record.createdAt.toISOString(),
  });
}

/** SHA-256 hex of the previous hash and the canonical record. */
export function eventHash(prevHash: string | null, record: AuditRecord & { seq: number }): Promise<string> {
  return sha256Hex(canonicalAuditRecord(prevHash, record));
}

/**
 * Links a new record after `previous` (the last row of its chain, read in the same transaction;
 * null for the first). Two writers that read the same head produce the same seq, and the unique
 * (chain, seq) index lets only one commit: the chain never forks.
 */
export async function sealAuditRecord(
  previous: { seq: number; hash: string } | null,
  record: AuditRecord,
): Promise<SealedAuditRecord> {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous ? previous.hash : null;
  return { ...record, seq, prevHash, hash: await eventHash(prevHash, { ...record, seq }) };
}

/**
 * Verifies a whole chain, rows in seq order from the first. Reports the first broken row.
 * Limit: removing rows from the end, or rewriting every row after some point with fresh hashes,
 * is invisible to the chain alone; the database trigger that refuses UPDATE/DELETE is the other
 * half of the guarantee (docs/decisions/0005).
 */
export async function verifyChain(records: readonly SealedAuditRecord[]): Promise<ChainVerification> {
  const chain = records[0]?.chain;
  let previousHash: string | null = null;
  for (const [index, record] of records.entries()) {
    const broken = (reason: ChainBreak, message: string): ChainVerification => ({
      intact: false,
      brokenAt: index,
      reason,
      message: `Event ${index + 1} (seq ${record.seq}): ${message}`,
    });
    if (record.chain !== chain) return broken("wrong_chain", `belongs to ${record.chain}, not ${chain}`);
    if (record.seq !== index + 1) {
      return broken("seq_mismatch", `expected seq ${index + 1}; an event is missing or out of order`);
    }
    if (record.prevHash !== previousHash) {
      return broken("prev_hash_mismatch", "does not link to the previous event");
    }
    if ((await eventHash(record.prevHash, record)) !== record.hash) {
      return broken("hash_mismatch", "its content was changed after it was written");
    }
    previousHash = record.hash;
  }
  return { intact: true, length: records.length, headHash: previousHash };
}
