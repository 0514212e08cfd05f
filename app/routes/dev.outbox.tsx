/** /dev/outbox — e-mails kept instead of sent when SMTP_URL is not set; absent in production. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { outbox, outboxEnabled } from "~/modules/notifications/mail.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("notifications.outbox.metaTitle") }];

export async function loader(_: LoaderFunctionArgs) {
  if (!outboxEnabled()) throw new Response("Not found", { status: 404 });
  const messages = await outbox();
  return json({ messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), headers: JSON.parse(m.headers) as Record<string, string> })) });
}

export default function OutboxPage() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("notifications.outbox.eyebrow")}</p>
          <h1>{t("notifications.outbox.title")}</h1>
          <p>{t("notifications.outbox.intro")}</p>
        </div>
      </div>
      {messages.length === 0 ? <p className="empty">{t("notifications.outbox.empty")}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="card" style={{ marginBottom: "1rem" }}>
          <h2>{message.subject}</h2>
          <p className="muted">
            {t("notifications.outbox.to", { to: message.to })} · {message.createdAt}
          </p>
          <pre style={{ whiteSpace: "pre-wrap" }}>{message.text}</pre>
          <details>
            <summary>{t("notifications.outbox.headers")}</summary>
            <pre style={{ whiteSpace: "pre-wrap" }}>{Object.entries(message.headers).map(([name, value]) => `${name}: ${value}`).join("\n")}</pre>
            <pre style={{ whiteSpace: "pre-wrap" }}>{message.html}</pre>
          </details>
        </article>
      ))}
    </>
  );
}
