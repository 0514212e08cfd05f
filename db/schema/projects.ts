import { pgEnum, pgTable, primaryKey, text, timestamp, index } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

export const projectRole = pgEnum("project_role", [
  "lead_institution",
  "partner_institution",
  "employer_partner",
  "professional_body",
  "qa_reviewer",
]);

export const projects = pgTable("projects", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

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
