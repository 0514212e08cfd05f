/**
 * The only file that knows about Lucia (see docs/decisions/0002-auth-with-lucia-v3.md). Lucia v3 is
 * deprecated upstream; swapping it for the oslo-based session recipe means rewriting this file only,
 * against the same `sessions` table.
 */
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Cookie, Lucia, TimeSpan } from "lucia";
import { db, type Database } from "~/db.server";
import { sessions, users } from "../../../db/schema/auth";

export const SESSION_COOKIE_NAME = "concord_session";

function createLucia(database: Database) {
  return new Lucia(new DrizzlePostgreSQLAdapter(database as never, sessions, users), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      attributes: { sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name, locale: attributes.locale }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: { email: string; name: string; locale: string | null };
  }
}

// One Lucia per open database (tests open several in one process).
const instances = new WeakMap<Database, ReturnType<typeof createLucia>>();
function lucia() {
  const database = db();
  let instance = instances.get(database);
  if (!instance) {
    instance = createLucia(database);
    instances.set(database, instance);
  }
  return instance;
}

export type SessionUser = { id: string; email: string; name: string; locale: string | null };
export type ValidatedSession = { user: SessionUser; sessionId: string; expiresAt: Date; fresh: boolean };

export async function createSession(userId: string): Promise<{ sessionId: string; expiresAt: Date }> {
  const session = await lucia().createSession(userId, {});
  return { sessionId: session.id, expiresAt: session.expiresAt };
}

export function readSessionId(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  return lucia().readSessionCookie(cookieHeader);
}

export async function validateSession(sessionId: string): Promise<ValidatedSession | null> {
  const { user, session } = await lucia().validateSession(sessionId);
  if (!user || !session) return null;
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    sessionId: session.id,
    expiresAt: session.expiresAt,
    fresh: session.fresh,
  };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await lucia().invalidateSession(sessionId);
}

/** Cookie header value; `secure` follows the request's scheme so plain-http local runs still sign in. */
export function sessionCookieHeader(sessionId: string, secure: boolean): string {
  const cookie = lucia().createSessionCookie(sessionId);
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, httpOnly: true, secure }).serialize();
}

export function blankSessionCookieHeader(secure: boolean): string {
  const cookie = lucia().createBlankSessionCookie();
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, httpOnly: true, secure }).serialize();
}
