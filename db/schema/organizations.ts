import { pgEnum, pgTable, primaryKey, text, timestamp, index } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const organizationKind = pgEnum("organization_kind", [
  "employer",
  "institution",
  "professional_body",
  "qa_agency",
]);

export const membershipRole = pgEnum("membership_role", ["admin", "member"]);

export const organizations = pgTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: organizationKind("kind").notNull(),
  province: text("province").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

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
  (t) => [index("invitations_org_idx").on(t.organizationId)],
);
