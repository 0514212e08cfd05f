/**
 * Notification e-mail through nodemailer (SMTP_URL, MAIL_FROM). Without SMTP_URL messages are
 * logged and, outside production, kept for /dev/outbox. Preferences per kind: immediately, daily
 * digest (kept unsent here; digest.server.ts mails them once a day), or never.
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { db, type Queryable } from "~/db.server";
import { env } from "~/env.server";
import { generateId } from "~/modules/ids.server";
import { log } from "~/utils/log.server";
import { users } from "../../../db/schema/auth";
import { notificationPreferences, notifications, outboxMessages } from "../../../db/schema/notifications";
import { translator } from "~/modules/i18n/i18n";
import { DEFAULT_LOCALE, isLocale } from "~/modules/i18n/locales";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, type EmailFrequency, type NotificationKind } from "./kinds";
import { notificationTitle, type NotificationParams } from "./titles";
import { unsubscribeToken } from "./unsubscribe.server";

export type MailMessage = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

let transporter: Promise<Transporter> | undefined;
async function smtp(url: string): Promise<Transporter> {
  transporter ??= import("nodemailer").then((nodemailer) => nodemailer.createTransport(url));
  return transporter;
}

/** /dev/outbox exists, and keeps messages, only without SMTP and outside production (or with MAIL_OUTBOX). */
export function outboxEnabled(): boolean {
  const config = env();
  return !config.SMTP_URL && (config.MAIL_OUTBOX ?? config.NODE_ENV !== "production");
}

/** Sends through SMTP, or keeps the message in the development outbox. */
export async function sendMail(message: MailMessage): Promise<void> {
  const config = env();
  if (config.SMTP_URL) {
    await (await smtp(config.SMTP_URL)).sendMail({ from: config.MAIL_FROM, ...message });
    return;
  }
  log.info(`mail (no SMTP_URL) to ${message.to}: ${message.subject}`);
  if (outboxEnabled()) {
    await db().insert(outboxMessages).values({ id: generateId(), ...message, headers: JSON.stringify(message.headers) });
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unsubscribeUrl(userId: string, kind: NotificationKind): string {
  const config = env();
  return `${config.APP_URL}/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken(config.NOTIFICATIONS_SECRET, userId, kind))}`;
}

export type MailRecipient = { userId: string; email: string; name: string; locale: string | null };
export type MailedNotification = { kind: NotificationKind; title: string; params: NotificationParams; link: string };

/** Plain text + HTML for one notification, in the person's language, with its link and the kind's one-click unsubscribe. */
export function notificationMail(to: MailRecipient, notification: MailedNotification): MailMessage {
  const locale = isLocale(to.locale) ? to.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  const base = env().APP_URL;
  const url = `${base}${notification.link}`;
  const unsubscribe = unsubscribeUrl(to.userId, notification.kind);
  const settings = `${base}/notifications/settings`;
  const title = notificationTitle(locale, notification);
  const kind = t(`notifications.kinds.${notification.kind}`);
  return {
    to: to.email,
    subject: title,
    text: [t("notifications.mail.hello", { name: to.name }), "", title, t("notifications.mail.open", { url }), "", t("notifications.mail.stopKindAt", { kind, url: unsubscribe }), t("notifications.mail.allSettings", { url: settings })].join("\n"),
    html: [
      `<p>${escapeHtml(t("notifications.mail.hello", { name: to.name }))}</p>`,
      `<p>${escapeHtml(title)}</p>`,
      `<p><a href="${escapeHtml(url)}">${escapeHtml(t("notifications.mail.openInConcord"))}</a></p>`,
      `<p style="color:#666;font-size:smaller"><a href="${escapeHtml(unsubscribe)}">${escapeHtml(t("notifications.mail.stopKind", { kind }))}</a> · <a href="${escapeHtml(settings)}">${escapeHtml(t("notifications.mail.settings"))}</a></p>`,
    ].join("\n"),
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** The notification row's e-mail preference (no row: immediately). */
// Written out in full: drizzle drops the table name of columns in RETURNING, which would make the subquery ambiguous.
const preference = sql<EmailFrequency>`coalesce((select p.email from notification_preferences p where p.user_id = "notifications"."user_id" and p.kind = "notifications"."kind"), 'immediately')`;

/**
 * Claims the person's unsent notifications whose kind is not on the daily digest and mails those
 * set to "immediately". The claim (emailed_at IS NULL → now) is compare-and-set: when several
 * instances hear the same NOTIFY, exactly one sends each message.
 */
export async function deliverImmediateEmails(userId: string, q: Queryable = db()): Promise<number> {
  const claimed = await q
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), sql`${preference} <> 'daily'`))
    .returning({ kind: notifications.kind, title: notifications.title, params: notifications.params, link: notifications.link, email: preference });
  const toSend = claimed.filter((row) => row.email === "immediately");
  if (toSend.length === 0) return 0;
  const [person] = await q.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
  if (!person) return 0;
  for (const row of toSend) await sendMail(notificationMail({ userId, ...person }, row));
  return toSend.length;
}

export async function emailPreferences(userId: string, q: Queryable = db()): Promise<Record<NotificationKind, EmailFrequency>> {
  const rows = await q.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? "immediately"])) as Record<NotificationKind, EmailFrequency>;
}

export async function setEmailPreference(userId: string, kind: NotificationKind, email: EmailFrequency, q: Queryable = db()): Promise<void> {
  if (!EMAIL_FREQUENCIES.includes(email)) throw new Error(`Unknown e-mail frequency ${email}`);
  await q
    .insert(notificationPreferences)
    .values({ userId, kind, email })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email } });
}

export async function outbox(limit = 50, q: Queryable = db()) {
  return q.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt), asc(outboxMessages.id)).limit(limit);
}
