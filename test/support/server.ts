/**
 * Starts the real server (HTTP + collaboration) on a free port over a fresh test database, for
 * integration tests. Needs the Remix build (npm run build; npm test builds first).
 */
import { parseEnv, type Env } from "../../app/env.server";
import { openTestDatabase, type TestDatabase } from "./database";
import { seedDemo } from "../../db/seed/demo";
import { startServer, type RunningServer, type ServerHooks } from "../../server/app-server";

export type TestServer = RunningServer & { database: TestDatabase; env: Env; stop: () => Promise<void> };

export async function startTestServer(options: { env?: Record<string, string>; seed?: boolean; hooks?: ServerHooks } = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  if (options.seed !== false) await seedDemo(database.db);
  const env = parseEnv({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    COLLAB_UNLOAD_GRACE_MS: "200",
    ...options.env,
  });
  const running = await startServer(env, database, options.hooks);
  return {
    ...running,
    database,
    env,
    stop: async () => {
      await running.close();
      await database.drop();
    },
  };
}

/** Signs in through the real /login form and returns the session cookie ("name=value"). */
export async function signInCookie(baseUrl: string, email: string, password = "concord-demo"): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !setCookie) throw new Error(`sign-in failed for ${email}: HTTP ${response.status}`);
  return setCookie.split(";")[0]!;
}
