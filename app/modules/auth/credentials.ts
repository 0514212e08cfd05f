/**
 * What an account's name, e-mail and password must be. Not a `.server` module: the sign-up page
 * names the password minimum in its hint, and a `.server` export is `undefined` in the browser.
 * Each field also has a message for a missing value, because Conform sends an empty input as
 * `undefined`.
 */
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters.`;
const PASSWORD_TOO_SHORT = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
const INVALID_EMAIL = "Enter a valid email address";

const email = z
  .string({ error: INVALID_EMAIL })
  .trim()
  .toLowerCase()
  .pipe(z.email(INVALID_EMAIL).max(254, "Email is too long"));

export const SignUpSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(120, "Name is too long (120 characters at most)"),
  email,
  password: z
    .string({ error: PASSWORD_TOO_SHORT })
    .min(MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT)
    .max(MAX_PASSWORD_LENGTH, `Password is too long (${MAX_PASSWORD_LENGTH} characters at most)`),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(MAX_PASSWORD_LENGTH, "Password is too long"),
});
export type SignInInput = z.infer<typeof SignInSchema>;
