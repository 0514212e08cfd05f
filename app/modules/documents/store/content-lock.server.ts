/**
 * The per-document content lock: writers of the update log take it shared, sign-off takes it
 * exclusive to read the durable content and decide on it (docs/decisions/0006).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../../db/client";

/**
 * Advisory-lock namespace (first key of the two-int form) for "the content of one document".
 * `collab_append_updates` of migration 0006 takes the lock with this namespace too
 * (stored-document.server.ts passes it in).
 */
export const CONTENT_LOCK_NAMESPACE = 0x436f6e63;

/**
 * Takes the per-document content lock for the rest of the transaction. Writers of the update log
 * take it shared (they never wait for each other; `collab_append_updates` of migration 0006 takes
 * it with this namespace and key, in the same order); sign-off takes it exclusive to read the
 * durable content and decide on it (app/modules/signoff/signoff.server.ts), so no update can
 * commit between the hash an approval is checked against and the approval's commit. Locks are
 * taken in hash order so two writers locking several documents cannot deadlock behind an
 * exclusive waiter. Must run inside a transaction (xact locks end with it).
 */
export async function lockDocumentContent(tx: Queryable, documentIds: readonly string[], mode: "shared" | "exclusive"): Promise<void> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return;
  const lock = mode === "shared" ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await tx.execute(sql`
    SELECT ${lock}(${CONTENT_LOCK_NAMESPACE}::int, h) FROM (
      SELECT DISTINCT hashtext(id) AS h FROM unnest(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]) AS id ORDER BY h
    ) AS keys`);
}
