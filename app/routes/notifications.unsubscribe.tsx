/**
 * /notifications/unsubscribe?token=… — the e-mails' one-click link. GET shows one button (link
 * scanners follow GETs, so GET changes nothing); POST (the button, or a mail client's RFC 8058
 * List-Unsubscribe-Post) sets the kind to "never". The signed token authorizes it, not a session.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { env } from "~/env.server";
import { translator } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";
import { setEmailPreference } from "~/modules/notifications/mail.server";
import { verifyUnsubscribeToken } from "~/modules/notifications/unsubscribe.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("notifications.unsubscribe.metaTitle") }];

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const valid = verifyUnsubscribeToken(env().NOTIFICATIONS_SECRET, token);
  if (!valid) throw new Response(translator(requestLocale(request, null))("notifications.unsubscribe.invalid"), { status: 400 });
  return json({ token, kind: valid.kind });
}

export async function action({ request }: ActionFunctionArgs) {
  const valid = verifyUnsubscribeToken(env().NOTIFICATIONS_SECRET, tokenOf(request));
  if (!valid) return json({ done: false }, { status: 400 });
  await setEmailPreference(valid.userId, valid.kind, "never");
  return json({ done: true });
}

export default function UnsubscribePage() {
  const { token, kind } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const label = t(`notifications.kinds.${kind}`);
  return (
    <section className="card">
      <h1>{t("notifications.unsubscribe.title")}</h1>
      {result?.done ? (
        <p role="status">{t("notifications.unsubscribe.done", { kind: label })}</p>
      ) : (
        <Form method="post" action={`/notifications/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p>{t("notifications.unsubscribe.confirm", { kind: label })}</p>
          <button type="submit" className="button">
            {t("notifications.unsubscribe.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
