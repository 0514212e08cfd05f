import { sql } from "drizzle-orm";
import { pgEnum, pgTable, primaryKey, text, timestamp, index, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

export const projectRole = pgEnum("project_role", [
  "lead_institution",
  "partner_institution",
  "employer_partner",
  "professional_body",
  "qa_reviewer",
]);

export const projects = pgTable(
  "projects",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  // The per-account creation limit (app/modules/abuse) counts a person's recent projects.
  (t) => [index("projects_created_by_idx").on(t.createdBy, t.createdAt)],
);

export const projectParticipants = pgTable(
  "project_participants",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: projectRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organizationId] }),
    index("project_participants_org_idx").on(t.organizationId),
  ],
);

export const projectInvitationStatus = pgEnum("project_invitation_status", ["pending", "accepted", "declined", "withdrawn"]);

/**
 * An invitation of an organization into a project (app/modules/projects/participation.server.ts).
 * Taking part needs consent: the invited organization becomes a participant only when one of its
 * admins accepts. Until then it sees nothing of the project but this invitation.
 *
 * Rows are kept after the decision (the history of who was asked); at most one invitation per
 * project and organization is pending at a time (the partial unique index), so two leads inviting
 * at once cannot both succeed.
 */
export const projectInvitations = pgTable(
  "project_invitations",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** The invited organization. */
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The proposed project role (it fits the invited organization's kind). */
    role: projectRole("role").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** The organization the inviting person acted for (the project's lead institution). */
    invitingOrganizationId: text("inviting_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: projectInvitationStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("project_invitations_one_pending").on(t.projectId, t.organizationId).where(sql`${t.status} = 'pending'`),
    index("project_invitations_org_pending_idx").on(t.organizationId).where(sql`${t.status} = 'pending'`),
    // Per-account creation limits count a person's recent invitations.
    index("project_invitations_invited_by_idx").on(t.invitedBy, t.createdAt),
  ],
);
