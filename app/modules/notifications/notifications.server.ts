/** A person's own notifications: the list, the unread count, marking read. */
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { notifications } from "../../../db/schema/notifications";
import { wake } from "./notify.server";

export { unreadCount } from "./notify.server";

export async function listNotifications(userId: string, limit = 100, q: Queryable = db()) {
  return q
    .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, params: notifications.params, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Only the owner's row is touched: another person's id simply matches nothing. */
export async function markRead(userId: string, notificationId: string, q: Queryable = db()): Promise<boolean> {
  const rows = await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  // The person's other open pages update their bell too.
  if (rows.length > 0) await wake(q, userId);
  return rows.length > 0;
}

export async function markAllRead(userId: string, q: Queryable = db()): Promise<number> {
  const rows = await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) await wake(q, userId);
  return rows.length;
}
