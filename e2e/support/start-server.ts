/**
 * Starts the production server for the e2e suite on a fresh embedded database (the default a
 * user gets with `npm start`), so every run begins from the seeded demo workspace.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// One directory per port: runs on different ports (E2E_PORT) do not wipe each other's database.
const port = process.env.PORT ?? "3210";
const dataDir = path.resolve(port === "3210" ? ".cache/e2e-data" : `.cache/e2e-data-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });

const child = spawn("npx", ["tsx", "server/index.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", SEED_DEMO: "true",
    // Production refuses to sign credentials without a secret for the organizations' keys (ADR 0016).
    SIGNING_KEY_SECRET: "e2e-only-signing-key-secret-not-for-real-use",
    // Notification e-mail is kept for /dev/outbox (e2e/notifications.spec.ts), never sent.
    MAIL_OUTBOX: "true", SMTP_URL: "" },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
