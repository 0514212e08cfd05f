/**
 * /notifications/unsubscribe?token=… — the e-mails' one-click link. GET shows one button (link
 * scanners follow GETs, so GET changes nothing); POST (the button, or a mail client's RFC 8058
 * List-Unsubscribe-Post) sets the kind to "never". The signed token authorizes it, not a session.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { env } from "~/env.server";
import { KIND_LABELS } from "~/modules/notifications/kinds";
import { setEmailPreference } from "~/modules/notifications/mail.server";
import { verifyUnsubscribeToken } from "~/modules/notifications/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe — Concord" }];

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const valid = verifyUnsubscribeToken(env().NOTIFICATIONS_SECRET, token);
  if (!valid) throw new Response("This unsubscribe link is not valid.", { status: 400 });
  return json({ token, label: KIND_LABELS[valid.kind] });
}

export async function action({ request }: ActionFunctionArgs) {
  const valid = verifyUnsubscribeToken(env().NOTIFICATIONS_SECRET, tokenOf(request));
  if (!valid) return json({ done: false }, { status: 400 });
  await setEmailPreference(valid.userId, valid.kind, "never");
  return json({ done: true });
}

export default function UnsubscribePage() {
  const { token, label } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="card">
      <h1>Unsubscribe</h1>
      {result?.done ? (
        <p role="status">You will no longer receive e-mails for “{label}”. You still see them in Concord.</p>
      ) : (
        <Form method="post" action={`/notifications/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p>Stop e-mails for “{label}”?</p>
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </Form>
      )}
    </section>
  );
}
