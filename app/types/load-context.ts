// What server/http-app.ts passes to every loader and action.
import type { LiveDocuments } from "~/modules/documents/live-documents";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (X-Forwarded-For is trusted from loopback proxies only). */
    clientIp: string;
    /** The collaboration server's open documents (e.g. sign-off re-checks their sockets' permissions). */
    liveDocuments: LiveDocuments;
  }
}

export {};
