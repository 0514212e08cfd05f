import { redirect } from "@remix-run/node";
import { loadActor } from "~/modules/orgs/actor.server";
import type { Actor } from "~/modules/permissions/can";
import {
  blankSessionCookieHeader,
  createSession,
  invalidateSession,
  readSessionId,
  sessionCookieHeader,
  validateSession,
  type SessionUser,
  type ValidatedSession,
} from "~/modules/auth/lucia.server";

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export async function getSession(request: Request): Promise<ValidatedSession | null> {
  const sessionId = readSessionId(request.headers.get("Cookie"));
  return sessionId ? validateSession(sessionId) : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/** Only same-site paths: an open redirect through ?redirectTo= would help phishing. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const here = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  }
  return user;
}

export async function requireActor(request: Request): Promise<{ user: SessionUser; actor: Actor }> {
  const user = await requireUser(request);
  return { user, actor: await loadActor(user.id) };
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/");
}

/** Starts a session and redirects, with the cookie set. */
export async function signInAndRedirect(request: Request, userId: string, redirectTo: string): Promise<Response> {
  const { sessionId } = await createSession(userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookieHeader(sessionId, isSecureRequest(request)) } });
}

export async function signOutAndRedirect(request: Request): Promise<Response> {
  const session = await getSession(request);
  if (session) await invalidateSession(session.sessionId);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookieHeader(isSecureRequest(request)) } });
}

/** Lucia extends a session past half its life; the cookie must then be re-sent with the new expiry. */
export function refreshedCookieHeaders(request: Request, session: ValidatedSession | null): HeadersInit {
  return session?.fresh ? { "Set-Cookie": sessionCookieHeader(session.sessionId, isSecureRequest(request)) } : {};
}
