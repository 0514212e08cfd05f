/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Classic compiler (the design card fixes it); the Node server in server/ imports build/index.js.
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Nothing from node_modules is bundled into the server build: yjs, PGlite and drizzle must stay
  // single copies shared with server/ (two copies of yjs break instanceof checks).
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
