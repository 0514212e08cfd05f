import { pgEnum, pgTable, primaryKey, text, timestamp, index } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const organizationKind = pgEnum("organization_kind", [
  "employer",
  "institution",
  "professional_body",
  "qa_agency",
]);

export const membershipRole = pgEnum("membership_role", ["admin", "member"]);

export const organizations = pgTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: organizationKind("kind").notNull(),
    province: text("province").notNull(),
    // Who created it: the per-account creation limit (app/modules/abuse) counts these rows, so it
    // holds across app instances and restarts. Null for organizations older than the column.
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("organizations_created_by_idx").on(t.createdBy, t.createdAt)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organizationId] }), index("memberships_org_idx").on(t.organizationId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    // The secret in the invitation link; only its holder can accept.
    token: text("token").notNull().unique(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Set when the invitation was sent from a project page, so acceptance can lead back there.
    projectId: text("project_id"),
    email: text("email").notNull(),
    role: membershipRole("role").notNull().default("member"),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("invitations_org_idx").on(t.organizationId), index("invitations_invited_by_idx").on(t.invitedBy, t.createdAt)],
);

/**
 * "Do not invite us again": an organization refuses invitations from another one (set when its
 * admin declines and blocks, lifted with Unblock). The blocked side is only told that the
 * organization does not accept its invitations.
 */
export const organizationBlocks = pgTable(
  "organization_blocks",
  {
    /** The organization that blocks. */
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    blockedOrganizationId: text("blocked_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    blockedBy: text("blocked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.blockedOrganizationId] })],
);
