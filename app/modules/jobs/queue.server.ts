/**
 * Scheduled jobs on a Postgres-backed queue (pg-boss, ADR 0018): the daily digest and the reminder
 * check. Schedules and jobs live in the database (schema `pgboss`), so they survive restarts; every
 * instance runs a scheduler and workers, and pg-boss makes each scheduled slot one job that one
 * worker takes (SKIP LOCKED). The work itself is idempotent on top of that: the digest claims rows
 * compare-and-set, reminders record their occasion's key, so even a job run twice sends nothing twice.
 *
 * On server Postgres pg-boss opens its own small pool on the same database. On the embedded
 * default (PGlite, one in-process connection) it runs through the handle's executeSql: PGlite
 * serializes every query and transaction, so pg-boss's advisory locks and SKIP LOCKED hold trivially.
 */
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { db as appDb, type Queryable } from "~/db.server";
import type { Env } from "~/env.server";
import { sendDailyDigests } from "~/modules/notifications/digest.server";
import { sendDueReminders } from "~/modules/notifications/reminders.server";
import { log } from "~/utils/log.server";
import type { DatabaseHandle } from "../../../db/client";

export const JOBS = { digest: "daily-digest", reminders: "reminders" } as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

export type JobsConfig = {
  /** Where the queue keeps its tables: a server URL, or the embedded database's raw SQL. */
  connection: { connectionString: string } | { executeSql: NonNullable<DatabaseHandle["executeSql"]> };
  digestCron: string;
  remindersCron: string;
  timezone: string;
  /** The database the jobs write to (default: the app's). */
  database?: () => Queryable;
  /** The clock the jobs read (tests move it). */
  now?: () => Date;
  /** Seconds between polls: workers, and the scheduler's check of due schedules (tests shorten them). */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
};

export type Jobs = {
  boss: PgBoss;
  /** Queues a job now (as its schedule would); `slot` dedupes: one job per name and slot. */
  enqueue: (name: JobName, slot?: string) => Promise<string | null>;
  stop: () => Promise<void>;
};

/** The queue's connection for an open database handle. */
export function jobsConnection(database: DatabaseHandle): JobsConfig["connection"] {
  if (database.executeSql) return { executeSql: database.executeSql };
  if (database.url) return { connectionString: database.url };
  throw new Error("The job queue needs the database's URL or raw SQL access.");
}

/** pg-boss's own small pool on a server, or an adapter over the embedded database's one connection. */
export function bossConnection(connection: JobsConfig["connection"]): PgBoss.ConstructorOptions {
  if ("connectionString" in connection) return { connectionString: connection.connectionString, max: 3 };
  const { executeSql } = connection;
  return { db: { executeSql: (text: string, values?: unknown[]) => executeSql(text, values) } };
}

export function jobsConfig(env: Env, database: DatabaseHandle): JobsConfig {
  return { connection: jobsConnection(database), digestCron: env.DIGEST_CRON, remindersCron: env.REMINDERS_CRON, timezone: env.JOBS_TIMEZONE };
}

export async function startJobs(config: JobsConfig): Promise<Jobs> {
  const now = config.now ?? (() => new Date());
  const database = config.database ?? appDb;
  const boss = new PgBoss({
    ...bossConnection(config.connection),
    application_name: "concord-jobs",
    ...(config.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: config.cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: config.cronMonitorIntervalSeconds } : {}),
  });
  boss.on("error", (error) => log.error("jobs: queue error", error));
  const handlers: Record<JobName, () => Promise<unknown>> = {
    [JOBS.digest]: async () => log.info(`jobs: daily digest sent ${await sendDailyDigests(now(), database())} message(s)`),
    [JOBS.reminders]: async () => {
      const sent = await sendDueReminders(now(), database());
      if (sent.length > 0) log.info(`jobs: sent ${sent.length} reminder(s)`);
    },
  };
  const crons: Record<JobName, string> = { [JOBS.digest]: config.digestCron, [JOBS.reminders]: config.remindersCron };
  const declare = async () => {
    await boss.start();
    for (const name of Object.values(JOBS)) {
      // "singleton": at most one job of the queue is active at a time, across all instances.
      await boss.createQueue(name, { name, policy: "singleton", retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 });
      // An upsert: every instance declares the same schedule at start-up.
      await boss.schedule(name, crons[name], {}, { tz: config.timezone });
    }
  };
  if ("connectionString" in config.connection) {
    // Two instances starting together on a fresh database both install pg-boss's schema and create
    // its queues (DDL), and Postgres answers one of them "deadlock detected" (seen in the two-instance
    // tests): one at a time, behind an advisory lock held by a transaction of the app's own pool.
    // (PGlite is one process and one connection: nothing to serialize, and a transaction would block pg-boss.)
    await database().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('concord:jobs:start'))`);
      await declare();
    });
  } else {
    await declare();
  }
  for (const name of Object.values(JOBS)) {
    await boss.work(name, { batchSize: 1, ...(config.pollingIntervalSeconds ? { pollingIntervalSeconds: config.pollingIntervalSeconds } : {}) }, async () => {
      await handlers[name]();
    });
  }

  return {
    boss,
    enqueue: (name, slot) => boss.send(name, {}, slot ? { singletonKey: slot, singletonHours: 24 } : {}),
    // Within server/index.ts's 10-second shutdown: a job still running after 5 s is failed and retried later.
    stop: () => boss.stop({ graceful: true, timeout: 5_000, wait: true }),
  };
}
