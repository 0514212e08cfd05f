import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Kinds of notification; each has its own e-mail preference (app/modules/notifications/kinds.ts). */
export const notificationKind = pgEnum("notification_kind", [
  "signoff_requested",
  "stage_opened",
  "decision",
  "changes_requested",
  "signoff_outcome",
  "mention",
  "reply",
  "invitation",
  "import_finished",
  "framework_version",
  "recognition_awaiting",
  "decision_reminder",
  "stage_overdue",
  "review_due",
]);

export const emailFrequency = pgEnum("email_frequency", ["immediately", "daily", "never"]);

/** One in-app notification for one person; written in the transaction of the event it reports. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    title: text("title").notNull(),
    /** The title's values (document, person…): the title is rendered in the reader's language from its kind and these; `title` keeps the English words. */
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    /** Path straight to the place (the thread, `#signoff`), always app-relative. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    /** Set when the e-mail for it was handed to the mailer (or skipped by preference). */
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Per-person, per-kind e-mail choice; absent rows mean "immediately". */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    email: emailFrequency("email").notNull(),
  },
  (t) => [uniqueIndex("notification_preferences_user_kind_idx").on(t.userId, t.kind)],
);

/** Messages kept when no SMTP_URL is set, shown at /dev/outbox outside production. */
export const outboxMessages = pgTable("outbox_messages", {
  id: text("id").primaryKey(),
  to: text("to_address").notNull(),
  subject: text("subject").notNull(),
  text: text("text_body").notNull(),
  html: text("html_body").notNull(),
  headers: text("headers").notNull().default("{}"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * One row per reminder occasion that was sent (keys from app/modules/notifications/reminders.ts),
 * inserted in the same transaction as the reminder's notifications: a restart or a second instance
 * finds the key and does not send it again.
 */
export const reminderDeliveries = pgTable("reminder_deliveries", {
  key: text("key").primaryKey(),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
