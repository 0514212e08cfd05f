/** /notifications — my notifications, newest first; Mark read, Mark all read. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { Moment } from "~/components/ui/moment";
import { requireUser } from "~/modules/auth/request.server";
import { requestLocale } from "~/modules/i18n/locale.server";
import { listNotifications, markAllRead, markRead } from "~/modules/notifications/notifications.server";
import { notificationTitle } from "~/modules/notifications/titles";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("notifications.page.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = requestLocale(request, user);
  const items = await listNotifications(user.id);
  return json({
    items: items.map(({ params, ...item }) => ({ ...item, title: notificationTitle(locale, { ...item, params }), createdAt: item.createdAt.toISOString(), read: item.readAt !== null })),
  });
}

const ActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("read"), id: z.string().min(1).max(64) }), z.object({ intent: z.literal("read-all") })]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false }, { status: 400 });
  if (parsed.data.intent === "read") await markRead(user.id, parsed.data.id);
  else await markAllRead(user.id);
  return json({ ok: true });
}

export default function NotificationsPage() {
  const { items } = useLoaderData<typeof loader>();
  const unread = items.filter((item) => !item.read).length;
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("notifications.page.title")}</p>
          <h1>{t("notifications.page.title")}</h1>
          <p>
            {t("notifications.page.intro")} <Link to="/notifications/settings">{t("notifications.mail.settings")}</Link>
          </p>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--secondary">
              {t("notifications.page.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">{t("notifications.page.empty")}</p>
        ) : (
          <ul className="notification-list">
            {items.map((item) => (
              <li key={item.id} className={item.read ? "notification notification--read" : "notification notification--unread"}>
                <div>
                  <Link to={item.link}>{item.title}</Link>
                  <div className="muted">
                    <Moment iso={item.createdAt} />
                    {item.read ? null : <strong> · {t("notifications.page.unread")}</strong>}
                  </div>
                </div>
                {item.read ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" name="intent" value="read" className="button button--small button--secondary" aria-label={t("notifications.page.markReadLabel", { title: item.title })}>
                      {t("notifications.page.markRead")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
