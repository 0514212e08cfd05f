/**
 * POST /language — the header's "Français" / "English" switch: remembers the choice in a cookie
 * (visitors) and on the account (signed in), then returns to the page it was pressed on.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getSession, isSecureRequest, safeRedirectPath } from "~/modules/auth/request.server";
import { localeCookieHeader, saveAccountLocale } from "~/modules/i18n/locale.server";
import { LOCALES } from "~/modules/i18n/locales";

const LanguageSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().max(2000).optional() });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const input = LanguageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) throw new Response("Choose English or French (locale=en or locale=fr).", { status: 400 });
  const session = await getSession(request);
  if (session) await saveAccountLocale(session.user.id, input.data.locale);
  return redirect(safeRedirectPath(input.data.redirectTo), { headers: { "Set-Cookie": localeCookieHeader(input.data.locale, isSecureRequest(request)) } });
}
