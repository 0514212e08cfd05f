/** Notification kinds and their labels: the words on /notifications/settings and in e-mails. */
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

export const KIND_LABELS: Record<NotificationKind, string> = {
  signoff_requested: "Sign-off requested from your organization",
  stage_opened: "Your sign-off stage opened",
  decision: "A decision on a document you edit",
  changes_requested: "Changes requested",
  signoff_outcome: "Approved, rejected, withdrawn or reopened",
  mention: "You are mentioned",
  reply: "A reply in a thread you are in",
  invitation: "An invitation for your organization",
  import_finished: "An import finished or failed",
  framework_version: "A new framework version affects your specification",
  recognition_awaiting: "A recognition awaits your institution's signature",
  decision_reminder: "Reminder: a decision still waits for you",
  stage_overdue: "A sign-off stage you lead is overdue",
  review_due: "Labour-market evidence or a credential review is due",
};

export const EMAIL_FREQUENCIES = ["immediately", "daily", "never"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  immediately: "Immediately",
  daily: "Daily digest",
  never: "Never (in-app only)",
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
