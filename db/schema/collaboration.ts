import { bigint, customType, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { documents } from "./documents";

/** Raw bytes (Yjs updates). drizzle has no bytea column; both drivers read and write Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Append-only log of Yjs updates, one row per committed update (see
 * docs/decisions/0004-collaboration-server.md and 0019-broadcast-from-memory.md). Compaction deletes the rows it merged into
 * `collab_snapshots`. Row order does not matter for correctness (Yjs updates commute), the id only
 * makes loading deterministic.
 */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("collab_updates_document_idx").on(t.documentId, t.id)],
);

/** The compacted state of a document: Y.encodeStateAsUpdate of snapshot + merged log rows. */
export const collabSnapshots = pgTable("collab_snapshots", {
  documentId: text("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  state: bytea("state").notNull(),
  /** How many log rows have been merged into this snapshot over its life (operators' figure). */
  mergedUpdates: bigint("merged_updates", { mode: "number" }).notNull().default(0),
  compactions: integer("compactions").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
