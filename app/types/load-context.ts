// What server/http-app.ts passes to every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (X-Forwarded-For is trusted from loopback proxies only). */
    clientIp: string;
  }
}

export {};
