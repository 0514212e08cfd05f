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
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().positive().default(200),
  COLLAB_UNLOAD_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
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
