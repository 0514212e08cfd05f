import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { SignInSchema, SignUpSchema, type SignInInput, type SignUpInput } from "~/modules/auth/credentials";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { FailureLimiter } from "~/modules/auth/rate-limit";
import { generateId } from "~/modules/ids.server";

/** A refusal names the field it is about, for the form to show it there. */
export type SignUpResult = { ok: true; userId: string } | { ok: false; field: keyof SignUpInput; message: string };

/** Validates its input here too: callers other than the sign-up form (seed, tests) get the same rules. */
export async function signUp(rawInput: SignUpInput): Promise<SignUpResult> {
  const input = SignUpSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  const inserted = await db()
    .insert(users)
    .values({ id: generateId(), email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const row = inserted[0];
  if (!row) return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
  return { ok: true, userId: row.id };
}

/** Same message for an unknown e-mail and a wrong password: no account enumeration. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

const failuresByEmail = new FailureLimiter(8, 15 * 60_000);
const failuresByIp = new FailureLimiter(40, 15 * 60_000);

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; formError: string; retryAfterSeconds?: number };

export async function signIn(rawInput: SignInInput, clientIp: string): Promise<SignInResult> {
  const input = SignInSchema.parse(rawInput);
  const emailKey = `email:${input.email}`;
  const ipKey = `ip:${clientIp}`;
  const wait = Math.max(failuresByEmail.retryAfter(emailKey), failuresByIp.retryAfter(ipKey));
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return {
      ok: false,
      formError: `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
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
