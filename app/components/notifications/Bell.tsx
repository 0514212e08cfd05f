/**
 * The header's bell: the unread count from the page load, then live from /notifications/stream
 * (Server-Sent Events; the browser reconnects by itself). No polling.
 */
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/notifications/stream");
    const onUnread = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { unread?: unknown };
        if (typeof data.unread === "number") setUnread(data.unread);
      } catch {
        // A malformed event changes nothing; the next one carries the full count.
      }
    };
    source.addEventListener("unread", onUnread);
    return () => {
      source.removeEventListener("unread", onUnread);
      source.close();
    };
  }, []);
  return (
    <Link to="/notifications" className="notification-bell" aria-label={t("notifications.bell", { count: unread })} data-unread={unread}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
