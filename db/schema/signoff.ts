import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { ResolvedStage, SignoffTemplate } from "../../app/modules/signoff/template";
import { users } from "./auth";
import { documents } from "./documents";
import { memberships, organizations } from "./organizations";

// Vocabulary mirrors app/modules/signoff/machine.ts (ROUND_STATUSES, DECISIONS).
export const signoffRoundStatus = pgEnum("signoff_round_status", ["open", "approved", "changes_requested", "rejected", "withdrawn"]);
export const signoffDecision = pgEnum("signoff_decision", ["approved", "changes_requested", "rejected"]);

const SHA256 = sql`'^[0-9a-f]{64}$'`;

/** A document's adjusted template; absent means the project default (template.ts defaultTemplate). */
export const signoffTemplates = pgTable("signoff_templates", {
  documentId: text("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  template: jsonb("template").$type<SignoffTemplate>().notNull(),
  adjustedBy: text("adjusted_by").references(() => users.id, { onDelete: "set null" }),
  adjustedAt: timestamp("adjusted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * Every version of a document that sign-off has seen, keyed by the SHA-256 of its canonical
 * content. The canonical text is stored byte for byte so the hash can be recomputed from it, the
 * approved version stays readable after a reopen, and signatories can diff the version they
 * approved against the current one.
 */
export const signoffVersions = pgTable(
  "signoff_versions",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    versionHash: text("version_hash").notNull(),
    canonical: text("canonical").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.versionHash] }), check("signoff_versions_hash_hex", sql`${t.versionHash} ~ ${SHA256}`)],
);

/** One sign-off request (or resubmission) of a document, with its resolved stages frozen. */
export const signoffRounds = pgTable(
  "signoff_rounds",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: signoffRoundStatus("status").notNull().default("open"),
    stages: jsonb("stages").$type<ResolvedStage[]>().notNull(),
    requestedVersionHash: text("requested_version_hash").notNull(),
    /** Moves when content changes during review (compare-and-set on the old value). */
    currentVersionHash: text("current_version_hash").notNull(),
    /** Compare-and-set counter: every change to an open round bumps it (machine.ts claim_round). */
    revision: integer("revision").notNull().default(0),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("signoff_rounds_document_number").on(t.documentId, t.number),
    // Two concurrent requests for one document cannot both open a round.
    uniqueIndex("signoff_rounds_one_open_per_document").on(t.documentId).where(sql`${t.status} = 'open'`),
    // A round can only point at versions whose content was snapshotted.
    foreignKey({
      name: "signoff_rounds_requested_version_fk",
      columns: [t.documentId, t.requestedVersionHash],
      foreignColumns: [signoffVersions.documentId, signoffVersions.versionHash],
    }),
    foreignKey({
      name: "signoff_rounds_current_version_fk",
      columns: [t.documentId, t.currentVersionHash],
      foreignColumns: [signoffVersions.documentId, signoffVersions.versionHash],
    }),
    check("signoff_rounds_number_positive", sql`${t.number} >= 1`),
    check("signoff_rounds_closed_when_not_open", sql`(${t.status} = 'open') = (${t.closedAt} IS NULL)`),
  ],
);

/**
 * Decisions of a round. A party's seat is (round, stage, organization); a seat holds at most one
 * live decision (outdated_at IS NULL), enforced by a partial unique index: two simultaneous
 * decisions by the same party both try to insert a live row and only one commits. An outdated
 * approval stays as history and frees the seat for the new decision.
 */
export const signoffDecisions = pgTable(
  "signoff_decisions",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => signoffRounds.id, { onDelete: "cascade" }),
    stageIndex: integer("stage_index").notNull(),
    // No cascade: a signed decision should not vanish because an organization was deleted.
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    decision: signoffDecision("decision").notNull(),
    /** The version the signatory was shown. */
    versionHash: text("version_hash").notNull(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    comment: text("comment"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }).notNull(),
    outdatedAt: timestamp("outdated_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("signoff_decisions_live_seat").on(t.roundId, t.stageIndex, t.organizationId).where(sql`${t.outdatedAt} IS NULL`),
    index("signoff_decisions_round_idx").on(t.roundId),
    check("signoff_decisions_hash_hex", sql`${t.versionHash} ~ ${SHA256}`),
    check("signoff_decisions_stage_nonnegative", sql`${t.stageIndex} >= 0`),
    // Requesting changes needs a comment, rejecting a reason (machine.ts refuses blanks too).
    // Spelled with IS NOT NULL because a CHECK that evaluates to NULL passes.
    check("signoff_decisions_comment_required", sql`${t.decision} = 'approved' OR (${t.comment} IS NOT NULL AND length(trim(${t.comment})) > 0)`),
    // Only approvals are bound to a version and can be outdated.
    check("signoff_decisions_only_approvals_outdate", sql`${t.outdatedAt} IS NULL OR ${t.decision} = 'approved'`),
  ],
);

/**
 * The members an organization names to decide for it (signatories.ts). The foreign key to
 * memberships means leaving the organization also ends the right to sign for it.
 */
export const organizationSignatories = pgTable(
  "organization_signatories",
  {
    organizationId: text("organization_id").notNull(),
    userId: text("user_id").notNull(),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    foreignKey({
      name: "organization_signatories_membership_fk",
      columns: [t.userId, t.organizationId],
      foreignColumns: [memberships.userId, memberships.organizationId],
    }).onDelete("cascade"),
    index("organization_signatories_user_idx").on(t.userId),
  ],
);
