import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import { users } from "../../../db/schema/auth";
import type { FieldErrors } from "../forms/parse-form";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server";
import { FailureLimiter } from "./rate-limit";
import { generateId } from "../ids.server";

export const MIN_PASSWORD_LENGTH = 10;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "Email is too long"));

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120, "Name is too long (120 characters at most)"),
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(256, "Password is too long (256 characters at most)"),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(256, "Password is too long"),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export type SignUpResult = { ok: true; userId: string } | { ok: false; fieldErrors: FieldErrors };

export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  const inserted = await db()
    .insert(users)
    .values({ id: generateId(), email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const row = inserted[0];
  if (!row) return { ok: false, fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
  return { ok: true, userId: row.id };
}

/** Same message for an unknown e-mail and a wrong password: no account enumeration. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

const failuresByEmail = new FailureLimiter(8, 15 * 60_000);
const failuresByIp = new FailureLimiter(40, 15 * 60_000);

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; formError: string; retryAfterSeconds?: number };

export async function signIn(input: SignInInput, clientIp: string): Promise<SignInResult> {
  const emailKey = `email:${input.email}`;
  const ipKey = `ip:${clientIp}`;
  const wait = Math.max(failuresByEmail.retryAfter(emailKey), failuresByIp.retryAfter(ipKey));
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    return {
      ok: false,
      formError: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      retryAfterSeconds,
    };
  }
  const user = await db().query.users.findFirst({ where: eq(users.email, input.email) });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    failuresByEmail.recordFailure(emailKey);
    failuresByIp.recordFailure(ipKey);
    return { ok: false, formError: INVALID_CREDENTIALS };
  }
  failuresByEmail.reset(emailKey);
  return { ok: true, userId: user.id };
}
