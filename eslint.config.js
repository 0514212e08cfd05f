import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Dependencies point one way (the README's architecture section):
 * app/routes → app/components → app/modules, app/utils → db; server/ (the Node entry and the
 * collaboration socket), db/seed and bench/ are entry points that may use app/modules. Patterns are
 * regular expressions over the import specifier; a relative path climbing to a top-level folder
 * ("../../server/…") and the `~/` alias are what to catch.
 */
const TOP_LEVEL = (folders) => `^(\\.\\./)+(${folders.join("|")})(/|$)`;
const ENTRY_POINTS = {
  regex: TOP_LEVEL(["server", "e2e", "bench"]),
  message: "app/ must not import server/, e2e/ or bench/: they depend on app/, never the reverse (inject what app code needs, e.g. through AppLoadContext).",
};
const TEST_SUPPORT = { regex: TOP_LEVEL(["test"]), message: "Only test files (*.test.ts) may import test/ support." };
const ROUTES = { regex: "^(~/|(\\.\\./)+)routes(/|$)", message: "Routes are the top layer: move what is shared into app/modules (or app/components)." };
// A component may name a route's loader type (useFetcher<typeof loader>): erased at build.
const ROUTE_VALUES = { ...ROUTES, allowTypeImports: true };
const COMPONENTS = { regex: "^(~/|(\\.\\./)+)components(/|$)", message: "app/modules and app/utils must not import UI components." };
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

/** One config object per layer: for a file matched by several, the last one wins, so each lists all its patterns. */
function restrictImports(files, patterns, ignores = []) {
  return { files, ignores, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } };
}

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**", "db/migrations/**", "*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeScript already checks undefined names (typescript-eslint's advice).
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  restrictImports(["app/**"], [ENTRY_POINTS, TEST_SUPPORT], TESTS),
  restrictImports(TESTS.map((glob) => `app/${glob}`), [ENTRY_POINTS]),
  restrictImports(["app/components/**"], [ENTRY_POINTS, TEST_SUPPORT, ROUTE_VALUES], TESTS),
  restrictImports(TESTS.map((glob) => `app/components/${glob}`), [ENTRY_POINTS, ROUTE_VALUES]),
  restrictImports(["app/modules/**", "app/utils/**"], [ENTRY_POINTS, TEST_SUPPORT, ROUTES, COMPONENTS], TESTS),
  restrictImports(
    TESTS.flatMap((glob) => [`app/modules/${glob}`, `app/utils/${glob}`]),
    [ENTRY_POINTS, ROUTES, COMPONENTS],
  ),
  // Production code outside app/ does not lean on test helpers either.
  restrictImports(["server/**", "db/**"], [TEST_SUPPORT], TESTS),
  // The schema names the shape of its jsonb columns with app/modules' types (erased at build);
  // nothing else of app/ or server/ belongs under the database layer.
  restrictImports(
    ["db/client.ts", "db/schema/**"],
    [
      { regex: "^((\\.\\./)+app/modules/|~/modules/)", allowTypeImports: true, message: "db/ may use app/modules' types only (import type)." },
      { regex: "^((\\.\\./)+app/(?!modules/)|~/(?!modules/))", message: "db/client.ts and db/schema must not import app/." },
      { regex: TOP_LEVEL(["server"]), message: "db/client.ts and db/schema must not import server/." },
      TEST_SUPPORT,
    ],
  ),
);
