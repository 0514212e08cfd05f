/** /notifications/settings — per kind: e-mail immediately, in a daily digest, or never (in-app only). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { requireUser } from "~/modules/auth/request.server";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { emailPreferences, setEmailPreference } from "~/modules/notifications/mail.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("notifications.settingsPage.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ preferences: await emailPreferences(user.id) });
}

const SettingsSchema = z.object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.enum(EMAIL_FREQUENCIES)])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodEnum<{ [K in (typeof EMAIL_FREQUENCIES)[number]]: K }>>);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = SettingsSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ saved: false }, { status: 400 });
  for (const kind of NOTIFICATION_KINDS) await setEmailPreference(user.id, kind, parsed.data[kind]);
  return json({ saved: true });
}

export default function NotificationSettingsPage() {
  const { preferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("notifications.page.title")}</p>
          <h1>{t("notifications.mail.settings")}</h1>
          <p>{t("notifications.settingsPage.intro")}</p>
        </div>
      </div>
      <section className="card">
        <Form method="post">
          <table className="table">
            <thead>
              <tr>
                <th>{t("notifications.settingsPage.notification")}</th>
                <th>{t("notifications.settingsPage.email")}</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_KINDS.map((kind) => (
                <tr key={kind}>
                  <td>
                    <label htmlFor={`pref-${kind}`}>{t(`notifications.kinds.${kind}`)}</label>
                  </td>
                  <td>
                    <select id={`pref-${kind}`} name={kind} defaultValue={preferences[kind]}>
                      {EMAIL_FREQUENCIES.map((frequency) => (
                        <option key={frequency} value={frequency}>
                          {t(`notifications.frequencies.${frequency}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button">
            {t("notifications.settingsPage.save")}
          </button>
          {result?.saved ? <p role="status">{t("notifications.settingsPage.saved")}</p> : null}
        </Form>
      </section>
    </>
  );
}
