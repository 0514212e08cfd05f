import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Anchor } from "../../app/modules/comments/anchors";
import { users } from "./auth";
import { documents } from "./documents";

export const commentThreadStatus = pgEnum("comment_thread_status", ["open", "resolved"]);

/**
 * A discussion attached to one place of a document: a field (by path) or a range of rich text
 * (Yjs relative positions, which follow the text as people edit around it). The anchor is
 * validated by app/modules/comments/anchors.ts before it is stored.
 */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    anchor: jsonb("anchor").$type<Anchor>().notNull(),
    status: commentThreadStatus("status").notNull().default("open"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Last reply, resolve or reopen: threads are listed by activity. */
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("comment_threads_document_idx").on(t.documentId, t.updatedAt),
    // resolved_by may be nulled by a deleted account; resolved_at is the record of resolution.
    check("comment_threads_resolved_at_iff_resolved", sql`(${t.status} = 'resolved') = (${t.resolvedAt} IS NOT NULL)`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Users named with @Name, resolved on the server against the project's participant members. */
    mentions: text("mentions").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("comments_thread_idx").on(t.threadId, t.createdAt),
    // "Where was I mentioned?" looks threads up by mentioned user.
    index("comments_mentions_idx").using("gin", t.mentions),
    check("comments_body_not_blank", sql`length(trim(${t.body})) > 0`),
  ],
);
