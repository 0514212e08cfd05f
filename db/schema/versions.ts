import { sql } from "drizzle-orm";
import { boolean, check, customType, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CanonicalDocument } from "../../app/modules/documents/model/types";
import { users } from "./auth";
import { documents } from "./documents";

/** Raw bytes (the Yjs state). Same definition as collaboration.ts; both drivers use Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Named versions of a document: saved by people ("Save version") or automatically at workflow
 * events (sign-off requested, approved, reopened). Each keeps the full Yjs state (to restore or
 * inspect later) and the canonical JSON with its SHA-256, which is what history diffs.
 * Numbers run 1, 2, 3… per document; the unique index is the last line of defence if two saves
 * ever computed the same number (versions.server.ts serialises them with a row lock).
 */
export const documentVersions = pgTable(
  "document_versions",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    auto: boolean("auto").notNull().default(false),
    /** Why an automatic version was taken ("Sign-off requested"), or a person's note. */
    reason: text("reason"),
    state: bytea("state").notNull(),
    canonical: jsonb("canonical").$type<CanonicalDocument>().notNull(),
    contentHash: text("content_hash").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("document_versions_document_number").on(t.documentId, t.number),
    check("document_versions_number_positive", sql`${t.number} >= 1`),
    check("document_versions_hash_hex", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    check("document_versions_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);
