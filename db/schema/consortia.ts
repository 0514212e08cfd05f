import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/**
 * Consortia (app/modules/consortia): organizations that share their approved modules in a library.
 * Membership is by consent, like taking part in a project: an invited organization joins only when
 * one of its admins accepts.
 */
export const consortia = pgTable("consortia", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const consortiumRole = pgEnum("consortium_role", ["admin", "member"]);

export const consortiumMembers = pgTable(
  "consortium_members",
  {
    consortiumId: text("consortium_id")
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: consortiumRole("role").notNull().default("member"),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.organizationId] }), index("consortium_members_org_idx").on(t.organizationId)],
);

export const consortiumInvitationStatus = pgEnum("consortium_invitation_status", ["pending", "accepted", "declined"]);

/** Rows are kept after the decision; at most one pending invitation per consortium and organization. */
export const consortiumInvitations = pgTable(
  "consortium_invitations",
  {
    id: text("id").primaryKey(),
    consortiumId: text("consortium_id")
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    /** The invited organization. */
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The member organization the inviting admin acted for. */
    invitingOrganizationId: text("inviting_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    status: consortiumInvitationStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("consortium_invitations_org_idx").on(t.organizationId),
    uniqueIndex("consortium_invitations_one_pending").on(t.consortiumId, t.organizationId).where(sql`${t.status} = 'pending'`),
  ],
);
