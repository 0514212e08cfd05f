/** /notifications/settings — per kind: e-mail immediately, in a daily digest, or never (in-app only). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { EMAIL_FREQUENCIES, FREQUENCY_LABELS, KIND_LABELS, NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { emailPreferences, setEmailPreference } from "~/modules/notifications/mail.server";

export const meta: MetaFunction = () => [{ title: "Notification settings — Concord" }];

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
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Notifications</p>
          <h1>E-mail settings</h1>
          <p>You always see notifications in Concord; choose which ones also reach you by e-mail.</p>
        </div>
      </div>
      <section className="card">
        <Form method="post">
          <table className="table">
            <thead>
              <tr>
                <th>Notification</th>
                <th>E-mail</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_KINDS.map((kind) => (
                <tr key={kind}>
                  <td>
                    <label htmlFor={`pref-${kind}`}>{KIND_LABELS[kind]}</label>
                  </td>
                  <td>
                    <select id={`pref-${kind}`} name={kind} defaultValue={preferences[kind]}>
                      {EMAIL_FREQUENCIES.map((frequency) => (
                        <option key={frequency} value={frequency}>
                          {FREQUENCY_LABELS[frequency]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button">
            Save
          </button>
          {result?.saved ? <p role="status">Saved.</p> : null}
        </Form>
      </section>
    </>
  );
}
