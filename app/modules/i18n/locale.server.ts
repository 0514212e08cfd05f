/**
 * The language of a request (issue #20): the account's choice, else the visitor's cookie, else
 * Accept-Language (locales.ts chooseLocale). The "Français" / "English" switch (POST /language)
 * writes the cookie, and the account too when someone is signed in.
 */
import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/lucia.server";
import { users } from "../../../db/schema/auth";
import { chooseLocale, type Locale } from "./locales";

export const LOCALE_COOKIE = "concord_locale";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function cookieValue(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function requestLocale(request: Request, user: Pick<SessionUser, "locale"> | null): Locale {
  return chooseLocale({ account: user?.locale, cookie: cookieValue(request.headers.get("Cookie"), LOCALE_COOKIE), acceptLanguage: request.headers.get("Accept-Language") });
}

export function localeCookieHeader(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export async function saveAccountLocale(userId: string, locale: Locale): Promise<void> {
  await db().update(users).set({ locale }).where(eq(users.id, userId));
}
