import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The audit trail (app/modules/audit). Append-only: a trigger (migration audit_append_only)
 * refuses UPDATE, DELETE and TRUNCATE. Rows form hash chains (chain.ts): one chain per document
 * ("document:<id>"), else per project, else per organization; `seq` numbers a chain from 1 and the
 * unique (chain, seq) index makes two concurrent writers that read the same head collide instead
 * of forking the chain. For document events this is the per-document (document_id, seq) order.
 *
 * No foreign keys on purpose: the trail outlives what it describes (a deleted user or document
 * keeps its history), and a cascading delete would be refused by the trigger anyway.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    chain: text("chain").notNull(),
    seq: integer("seq").notNull(),
    documentId: text("document_id"),
    projectId: text("project_id"),
    actorUserId: text("actor_user_id"),
    /** The organization the actor acted for. */
    organizationId: text("organization_id"),
    type: text("type").notNull(),
    schemaVersion: integer("schema_version").notNull(),
    payload: jsonb("payload").notNull(),
    versionHash: text("version_hash"),
    // text, not inet: inet normalises addresses, and the hash covers the value as written.
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
    // Millisecond precision and no default: the app hashes the Date it writes, so the value read
    // back must be exactly that Date (Postgres would otherwise keep microseconds).
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex("audit_events_chain_seq").on(t.chain, t.seq),
    index("audit_events_document_idx").on(t.documentId, t.seq),
    index("audit_events_project_idx").on(t.projectId, t.id),
    check("audit_events_seq_positive", sql`${t.seq} >= 1`),
    check("audit_events_first_has_no_prev", sql`(${t.seq} = 1) = (${t.prevHash} IS NULL)`),
    check("audit_events_hash_hex", sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
    check("audit_events_document_chain", sql`${t.documentId} IS NULL OR ${t.chain} = 'document:' || ${t.documentId}`),
  ],
);
