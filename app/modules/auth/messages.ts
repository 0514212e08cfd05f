/**
 * The English messages of the account forms (credentials.ts, accounts.server.ts) and their keys in
 * the "auth" area, so the sign-in and sign-up pages answer in the reader's language (issue #20).
 */
import type { KnownMessages } from "~/modules/i18n/known-messages";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./credentials";

export const AUTH_MESSAGES: KnownMessages = [
  ["Email or password is incorrect.", (t) => t("auth.errors.invalidCredentials")],
  [/^Too many sign-in attempts\. Try again in (\d+) minutes?\.$/, (t, m) => t("auth.errors.tooManyAttempts", { minutes: Number(m?.[1]) })],
  ["An account with this email already exists. Sign in instead.", (t) => t("auth.errors.emailTaken")],
  ["Enter a valid email address", (t) => t("auth.errors.invalidEmail")],
  ["Email is too long", (t) => t("auth.errors.emailTooLong")],
  ["Enter your name", (t) => t("auth.errors.nameRequired")],
  ["Name is too long (120 characters at most)", (t) => t("auth.errors.nameTooLong", { max: 120 })],
  [`Use at least ${MIN_PASSWORD_LENGTH} characters`, (t) => t("auth.errors.passwordTooShort", { min: MIN_PASSWORD_LENGTH })],
  [`Password is too long (${MAX_PASSWORD_LENGTH} characters at most)`, (t) => t("auth.errors.passwordTooLongMax", { max: MAX_PASSWORD_LENGTH })],
  ["Enter your password", (t) => t("auth.errors.passwordRequired")],
  ["Password is too long", (t) => t("auth.errors.passwordTooLong")],
];
