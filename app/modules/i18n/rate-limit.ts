/**
 * A creation limit's refusal (abuse/limits.server.ts rateLimitMessage) in the reader's language:
 * the same words in English, built from the error's action and wait rather than its message.
 */
import type { TFunction } from "i18next";

const THINGS = {
  "organization.create": "organizations",
  "project.create": "projects",
  "invitation.create": "invitations",
  "framework.import": "frameworkImports",
  "demand.import": "demandImports",
} as const;

export function rateLimitText(t: TFunction, error: { action: keyof typeof THINGS; retryAfterMinutes: number }): string {
  const minutes = error.retryAfterMinutes;
  const wait = minutes < 120 ? t("ui.rateLimit.minutes", { count: minutes }) : t("ui.rateLimit.hours", { count: Math.ceil(minutes / 60) });
  return t("ui.rateLimit.message", { things: THINGS[error.action], wait });
}
