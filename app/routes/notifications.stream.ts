/**
 * /notifications/stream — Server-Sent Events: the unread count now, then again after every
 * committed notification for the signed-in person (no polling). A comment line every 25 s keeps
 * proxies from closing an idle stream.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/request.server";
import { subscribe } from "~/modules/notifications/live.server";
import { unreadCount } from "~/modules/notifications/notifications.server";
import { db } from "~/db.server";

const KEEPALIVE_MS = 25_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const pushCount = async () => {
        try {
          send(`event: unread\ndata: ${JSON.stringify({ unread: await unreadCount(db(), user.id) })}\n\n`);
        } catch {
          // The next wake-up sends a fresh count.
        }
      };
      const unsubscribe = await subscribe(user.id, () => void pushCount());
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      request.signal.addEventListener("abort", cleanup, { once: true });
      send("retry: 3000\n\n");
      await pushCount();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
