import { pgEnum, pgTable, text, timestamp, uniqueIndex, index } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { documents } from "./documents";
import { organizations } from "./organizations";

export const recognitionStatus = pgEnum("recognition_status", ["proposed", "confirmed", "withdrawn"]);

/**
 * Recognitions (issue #18): a specification's "Programs it ladders into" row counts only once a
 * member of the receiving institution signs it, for one version of the specification (its hash).
 * A row without a recognition here is shown as proposed; one row per document row and receiver.
 */
export const recognitions = pgTable(
  "recognitions",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** The laddersInto row's id in the specification's Y.Doc. */
    rowId: text("row_id").notNull(),
    receivingOrganizationId: text("receiving_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The specification's version hash the receiving institution signed. */
    versionHash: text("version_hash"),
    status: recognitionStatus("status").notNull().default("proposed"),
    signedBy: text("signed_by").references(() => users.id, { onDelete: "set null" }),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recognitions_row_receiver").on(t.documentId, t.rowId, t.receivingOrganizationId), index("recognitions_receiver_idx").on(t.receivingOrganizationId)],
);
