/**
 * The daily digest: notifications whose kind the person set to "Daily digest" are kept unsent by
 * the immediate mailer (mail.server.ts) and mailed here, once a day, as one message per person.
 *
 * Exactly once: the claim is the same compare-and-set as for immediate e-mail (emailed_at IS NULL
 * → now, in one UPDATE … RETURNING per person), so when two instances run the job together each
 * row is claimed by one of them. If sending fails the claim is released, and the next run retries.
 * Notifications already read in the app are claimed but left out of the message.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { env } from "~/env.server";
import { log } from "~/utils/log.server";
import { users } from "../../../db/schema/auth";
import { notifications } from "../../../db/schema/notifications";
import { translator } from "~/modules/i18n/i18n";
import { DEFAULT_LOCALE, isLocale } from "~/modules/i18n/locales";
import type { NotificationKind } from "./kinds";
import { sendMail, unsubscribeUrl, type MailedNotification, type MailMessage, type MailRecipient } from "./mail.server";
import { notificationTitle } from "./titles";

export type DigestItem = MailedNotification & { createdAt: Date };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One message for one person, in their language: every item linked, grouped by kind with that
 * kind's one-click unsubscribe, and the settings link. List-Unsubscribe names the kind with the most
 * items (one URL: a mail client's one-click button posts to the first one only); the others are in the body.
 */
export function digestMail(to: MailRecipient, items: readonly DigestItem[]): MailMessage {
  const locale = isLocale(to.locale) ? to.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  const base = env().APP_URL;
  const settings = `${base}/notifications/settings`;
  const byKind = new Map<NotificationKind, DigestItem[]>();
  for (const item of items) {
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  }
  const groups = [...byKind.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const count = items.length;
  const text: string[] = [t("notifications.mail.hello", { name: to.name }), "", t("notifications.mail.digestIntro", { count })];
  const html: string[] = [`<p>${escapeHtml(t("notifications.mail.hello", { name: to.name }))}</p>`, `<p>${escapeHtml(t("notifications.mail.digestIntro", { count }))}</p>`];
  for (const [kind, list] of groups) {
    const unsubscribe = unsubscribeUrl(to.userId, kind);
    const label = t(`notifications.kinds.${kind}`);
    const titled = list.map((item) => ({ ...item, title: notificationTitle(locale, item) }));
    text.push("", t("notifications.mail.kindHeading", { kind: label }), ...titled.map((item) => `- ${item.title}\n  ${base}${item.link}`), `  ${t("notifications.mail.stopKindAt", { kind: label, url: unsubscribe })}`);
    html.push(
      `<h3>${escapeHtml(label)}</h3>`,
      `<ul>${titled.map((item) => `<li><a href="${escapeHtml(`${base}${item.link}`)}">${escapeHtml(item.title)}</a></li>`).join("")}</ul>`,
      `<p style="color:#666;font-size:smaller"><a href="${escapeHtml(unsubscribe)}">${escapeHtml(t("notifications.mail.stopKind", { kind: label }))}</a></p>`,
    );
  }
  text.push("", t("notifications.mail.allSettings", { url: settings }));
  html.push(`<p style="color:#666;font-size:smaller"><a href="${escapeHtml(settings)}">${escapeHtml(t("notifications.mail.settings"))}</a></p>`);
  const first = unsubscribeUrl(to.userId, groups[0]![0]);
  return {
    to: to.email,
    subject: t("notifications.mail.digestSubject", { count }),
    text: text.join("\n"),
    html: html.join("\n"),
    headers: { "List-Unsubscribe": `<${first}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** The row's preference is "daily" (no row: immediately, so not on the digest). */
const onDigest = sql`exists (select 1 from notification_preferences p where p.user_id = "notifications"."user_id" and p.kind = "notifications"."kind" and p.email = 'daily')`;

/** Mails each person's pending digest; returns how many messages were sent. */
export async function sendDailyDigests(now: Date = new Date(), q: Queryable = db()): Promise<number> {
  const people = await q
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(isNull(notifications.emailedAt), onDigest));
  let sent = 0;
  for (const { userId } of people) {
    const claimed = await q
      .update(notifications)
      .set({ emailedAt: now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), onDigest))
      .returning({ id: notifications.id, kind: notifications.kind, title: notifications.title, params: notifications.params, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt });
    const items = claimed.filter((row) => row.readAt === null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    if (items.length === 0) continue;
    const [person] = await q.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
    if (!person) continue;
    try {
      await sendMail(digestMail({ userId, ...person }, items));
      sent++;
    } catch (error) {
      // Give the claim back (only ours: emailed_at is still the value we set) so the next run retries.
      await q
        .update(notifications)
        .set({ emailedAt: null })
        .where(and(inArray(notifications.id, claimed.map((row) => row.id)), eq(notifications.emailedAt, now)));
      log.error(`notifications: digest for ${userId} failed`, error);
    }
  }
  return sent;
}
