import { index, jsonb, pgEnum, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import type { DocumentProjection } from "../../app/modules/documents/model/projection";
import { users } from "./auth";
import { projects } from "./projects";

export const documentKind = pgEnum("document_kind", ["credential_spec", "assessment_plan", "wbl_agreement"]);

// Only "draft" is reachable until the sign-off workflow lands; the other states are declared now
// so that the enum does not need a migration per state later.
export const documentStatus = pgEnum("document_status", [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
  "withdrawn",
]);

export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: documentKind("kind").notNull(),
    title: text("title").notNull(),
    status: documentStatus("status").notNull().default("draft"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    // The projection: what lists, search and other documents read without loading the Y.Doc.
    // Written together (one statement) by app/modules/documents/projection.server.ts after the
    // content is durable; all null until the document is first projected.
    /** SHA-256 of the canonical form (model canonicalHash): the version approvals bind to. */
    contentHash: text("content_hash"),
    projection: jsonb("projection").$type<DocumentProjection>(),
    /** Copied out of the projection so lists can sort and filter on it with an index-friendly column. */
    completenessPercent: smallint("completeness_percent"),
    projectedAt: timestamp("projected_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("documents_project_idx").on(t.projectId)],
);
