/**
 * A notification's title in the reader's language: its kind's message (notifications.titles.<kind>)
 * filled with the values stored beside it. Rows written before titles were stored as values have
 * none, and keep the English title they were written with.
 */
import { translator } from "~/modules/i18n/i18n";
import type { Locale } from "~/modules/i18n/locales";
import type { NotificationKind } from "./kinds";

export type NotificationParams = Readonly<Record<string, string | number>>;

export function notificationTitle(locale: Locale, notification: { kind: NotificationKind; params: NotificationParams; title?: string }): string {
  const t = translator(locale);
  if (Object.keys(notification.params).length === 0 && notification.title) return notification.title;
  const params: Record<string, string | number> = { ...notification.params };
  if (params.document === "") params.document = t("notifications.aDocument");
  if (params.who === "") params.who = t("notifications.someone");
  return t(`notifications.titles.${notification.kind}`, params);
}
