import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { documents } from "./documents";
import { organizations } from "./organizations";
import { frameworkImportStatus } from "./frameworks";

/**
 * Labour-market demand (app/modules/demand): signals imported from CSV files, reference data
 * readable by every signed-in user, owned by the importing organization. One import job per file;
 * its rows carry the file's source so that re-importing a source replaces its rows for the periods
 * the new file covers.
 */
export const demandImports = pgTable(
  "demand_imports",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    status: frameworkImportStatus("status").notNull().default("queued"),
    total: integer("total").notNull().default(0),
    stored: integer("stored").notNull().default(0),
    /** Rows of earlier imports of the same sources replaced by this one. */
    replaced: integer("replaced").notNull().default(0),
    problems: jsonb("problems")
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Source names the file holds. */
    sources: jsonb("sources")
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("demand_imports_user_idx").on(t.userId, t.createdAt)],
);

/** One demand signal: a metric's value for a subject, region and period, from a named source. */
export const demandSignals = pgTable(
  "demand_signals",
  {
    id: text("id").primaryKey(),
    importId: text("import_id")
      .notNull()
      .references(() => demandImports.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** A NOC 2021 code, an O*NET-SOC code, an ESCO URI, or a competency's code or URI, as written. */
    subject: text("subject").notNull(),
    subjectKind: text("subject_kind").notNull(),
    /** CA or a province / territory code. */
    region: text("region").notNull(),
    /** As written: YYYY, YYYY-Qn or YYYY-MM. */
    period: text("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    metric: text("metric").notNull(),
    value: doublePrecision("value").notNull(),
    sourceName: text("source_name").notNull(),
    sourceUrl: text("source_url"),
    retrievedOn: date("retrieved_on", { mode: "string" }).notNull(),
  },
  (t) => [
    index("demand_signals_subject_idx").on(t.subject, t.metric, t.region, t.periodEnd),
    index("demand_signals_source_idx").on(t.organizationId, t.sourceName, t.period),
  ],
);

/**
 * An employer partner's hiring commitment on a specification, signed by the person and their
 * organization (names copied at signing). Withdrawn, it stays as a record with withdrawn_at set.
 */
export const hiringCommitments = pgTable(
  "hiring_commitments",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    signerName: text("signer_name").notNull(),
    organizationName: text("organization_name").notNull(),
    hires: integer("hires").notNull(),
    region: text("region").notNull(),
    months: integer("months").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
    withdrawnBy: text("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("hiring_commitments_document_idx").on(t.documentId, t.createdAt)],
);
