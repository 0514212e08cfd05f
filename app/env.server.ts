import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url().optional())
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  SEED_DEMO: booleanFlag.default(true),
  /** Extra origins (comma-separated) allowed to post forms and open collaboration sockets. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Optional bearer token for the operator metrics endpoint; without it only aggregate figures are shown. */
  METRICS_TOKEN: z.string().optional(),
  /** Encrypts organizations' credential-signing keys at rest (ADR 0016); required to sign in production. */
  SIGNING_KEY_SECRET: z.string().min(32, "use at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  /** smtp:// or smtps:// URL for notification e-mail; without it messages go to the log and /dev/outbox. */
  SMTP_URL: optionalUrl,
  /** Keep unsent e-mail for /dev/outbox; default: outside production only (the e2e server sets it). */
  MAIL_OUTBOX: booleanFlag.optional(),
  MAIL_FROM: z.string().default("Concord <no-reply@concord.localhost>"),
  /** Base of links in e-mails (no trailing slash). */
  APP_URL: z.string().default("http://localhost:3000"),
  /** Signs one-click unsubscribe links; the development default must be replaced in production. */
  NOTIFICATIONS_SECRET: z.string().min(16).default("concord-development-notifications-secret"),
  /** Runs the scheduled jobs (daily digest, reminders) in this instance; several instances share them (ADR 0018). */
  JOBS_ENABLED: booleanFlag.default(true),
  /** Cron expressions (in JOBS_TIMEZONE) of the daily digest and of the reminder check. */
  DIGEST_CRON: z.string().min(1).default("0 7 * * *"),
  REMINDERS_CRON: z.string().min(1).default("0 * * * *"),
  JOBS_TIMEZONE: z.string().min(1).default("UTC"),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().positive().default(200),
  COLLAB_UNLOAD_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** How often open collaboration sockets re-check the session and permissions. */
  COLLAB_PERMISSION_RECHECK_MS: z.coerce.number().int().positive().default(3_000),
  /** Bytes queued for one slow client before it is dropped (close 4002). */
  COLLAB_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  /** Per-connection sustained rates (bursts of 5× are allowed); beyond them close 4003. */
  COLLAB_UPDATES_PER_SECOND: z.coerce.number().positive().default(100),
  COLLAB_AWARENESS_PER_SECOND: z.coerce.number().positive().default(60),
  /** Log rows after which a document's update log is compacted into its snapshot. */
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().default(2000),
  /** Quiet time after a document's last durable write before its projection is recomputed. */
  COLLAB_PROJECTION_DEBOUNCE_MS: z.coerce.number().int().nonnegative().default(1_500),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once at boot; a bad value stops start-up with the variable's name. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
