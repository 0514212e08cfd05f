/**
 * Writing and reading the audit trail (the pure chain logic is chain.ts). One writer for every
 * audit row, always inside the caller's transaction, so an event exists exactly when the change it
 * describes committed (fail closed: a failing step rolls the event back with it).
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "~/db.server";
import { auditEvents } from "../../../db/schema/audit";
import { chainOf, sealAuditRecord, verifyChain, type ChainVerification, type SealedAuditRecord } from "~/modules/audit/chain";
import type { AuditEvent } from "~/modules/audit/events";

/** Advisory-lock namespace (first key of the two-int form) for "the head of one audit chain". */
const CHAIN_LOCK_NAMESPACE = 0x41756469;

/** Who did it and from where; the same for every event of one request. */
export type AuditActor = {
  actorUserId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** The request a change came from, as the audit trail records it. */
export type RequestMeta = Pick<AuditActor, "ip" | "userAgent">;

export function requestMeta(request: Request, clientIp?: string | null): RequestMeta {
  return { ip: clientIp || null, userAgent: request.headers.get("user-agent")?.slice(0, 500) || null };
}

export type AuditSubject = {
  documentId?: string | null;
  projectId?: string | null;
  /** The organization the actor acted for (also the chain of organization-level events). */
  organizationId?: string | null;
};

/**
 * Appends one event to its chain inside `tx`. The chain head is read under a transaction-scoped
 * lock on the chain, so concurrent writers of one chain queue instead of colliding on
 * (chain, seq); the unique index still refuses a fork if a writer ever skipped the lock.
 */
export async function appendAuditEvent(
  tx: Transaction,
  input: AuditSubject & AuditActor & { event: AuditEvent; versionHash?: string | null; createdAt: Date },
): Promise<SealedAuditRecord> {
  const chain = chainOf(input);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_NAMESPACE}::int, hashtext(${chain}))`);
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const sealed = await sealAuditRecord(head ?? null, {
    chain,
    documentId: input.documentId ?? null,
    projectId: input.projectId ?? null,
    actorUserId: input.actorUserId,
    organizationId: input.organizationId ?? null,
    type: input.event.type,
    schemaVersion: input.event.schemaVersion,
    payload: input.event.payload,
    versionHash: input.versionHash ?? null,
    ip: input.ip,
    userAgent: input.userAgent,
    // A JS Date has millisecond precision, the column too (timestamp(3)): read back identical.
    createdAt: new Date(input.createdAt.getTime()),
  });
  await tx.insert(auditEvents).values(sealed);
  return sealed;
}

/** Every row of a chain, in order. */
export async function readAuditChain(q: Queryable, chain: string): Promise<Array<SealedAuditRecord & { id: number }>> {
  return q.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(asc(auditEvents.seq));
}

/** The document's trail and whether its hash chain is intact. */
export async function verifyDocumentTrail(q: Queryable, documentId: string): Promise<ChainVerification> {
  return verifyChain(await readAuditChain(q, chainOf({ documentId })));
}
