/**
 * Notification kinds and e-mail frequencies. Their words are messages (notifications.kinds.*,
 * notifications.frequencies.* in app/locales), read in the reader's language.
 */
export const NOTIFICATION_KINDS = [
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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_FREQUENCIES = ["immediately", "daily", "never"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
