import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { documents } from "./documents";
import { organizations } from "./organizations";

/**
 * Who changed what, as the collaboration server saw it: per person, field (and row) and minute,
 * how many updates touched it. Written beside the update log, in the background and in batches
 * (server/collab/edit-recorder.ts), never inside the commit an edit waits on
 * (docs/decisions/0015-authorship-of-edits.md). `field_key` is a key of the document's fields map
 * or a rich-text path (`text:purpose`); `row_id` a list field's row (a coverage cell: its
 * competency). `organization_id` is the organization the person acted for in the project.
 */
export const documentEdits = pgTable(
  "document_edits",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    fieldKey: text("field_key").notNull(),
    rowId: text("row_id"),
    /** The minute the edits were received in (truncated): the feed's grouping, the upsert's key. */
    minute: timestamp("minute", { withTimezone: true, mode: "date" }).notNull(),
    edits: integer("edits").notNull().default(1),
  },
  (t) => [
    // One counter per person, place and minute; a row id may be absent (coalesce: NULLs are distinct in a unique index).
    uniqueIndex("document_edits_unique_idx").on(t.documentId, t.userId, t.fieldKey, sql`coalesce(${t.rowId}, '')`, t.minute),
    // "Last changed by" and the feed read a document's edits newest first.
    index("document_edits_document_minute_idx").on(t.documentId, t.minute),
  ],
);
