/**
 * Per-account limits on creating what other people get to see: organizations, projects and
 * invitations (into an organization or a project). A sign-up costs nothing, so without a limit one
 * account could fill the platform with organizations or flood other organizations' inboxes.
 *
 * The count comes from the rows themselves (organizations.created_by, projects.created_by,
 * invitations.invited_by, project_invitations.invited_by over a sliding window), not from memory,
 * so a limit holds across app instances and restarts. Callers pass the transaction that will write
 * the row: the check then takes a per-person, per-action advisory lock, so two requests at once
 * cannot both see "one left" and both write.
 */
import { and, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db, type Queryable } from "~/db.server";
import { demandImports } from "../../../db/schema/demand";
import { frameworkImports } from "../../../db/schema/frameworks";
import { invitations, organizations } from "../../../db/schema/organizations";
import { projectInvitations, projects } from "../../../db/schema/projects";

/** Organizations one account may create per day (a real person creates one or two, ever). */
export const ORGANIZATIONS_PER_DAY = 10;
/** Projects one account may start per day. */
export const PROJECTS_PER_DAY = 20;
/** Invitations one account may send per hour, members and organizations together. */
export const INVITATIONS_PER_HOUR = 50;
/** Framework imports one account may start per day (each can store up to 50,000 competencies). */
export const FRAMEWORK_IMPORTS_PER_DAY = 20;
/** Demand-data imports one account may start per day. */
export const DEMAND_IMPORTS_PER_DAY = 20;

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

export type LimitedAction = "organization.create" | "project.create" | "invitation.create" | "framework.import" | "demand.import";

type Limit = { max: number; windowSeconds: number; things: string };

export const CREATION_LIMITS: Readonly<Record<LimitedAction, Limit>> = {
  "organization.create": { max: ORGANIZATIONS_PER_DAY, windowSeconds: DAY, things: "organizations" },
  "project.create": { max: PROJECTS_PER_DAY, windowSeconds: DAY, things: "projects" },
  "invitation.create": { max: INVITATIONS_PER_HOUR, windowSeconds: HOUR, things: "invitations" },
  "framework.import": { max: FRAMEWORK_IMPORTS_PER_DAY, windowSeconds: DAY, things: "framework imports" },
  "demand.import": { max: DEMAND_IMPORTS_PER_DAY, windowSeconds: DAY, things: "demand imports" },
};

/** Advisory-lock namespace (first key of the two-int form) for "one person creating one kind of thing". */
const LIMIT_LOCK_NAMESPACE = 0x4c696d74;

/** "23 minutes", "1 minute"; whole hours from two hours on (a day's window is 1,440 minutes). */
function waitPhrase(minutes: number): string {
  if (minutes < 120) return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return `${Math.ceil(minutes / 60)} hours`;
}

export function rateLimitMessage(action: LimitedAction, retryAfterMinutes: number): string {
  return `You have created many ${CREATION_LIMITS[action].things} recently; try again in ${waitPhrase(retryAfterMinutes)}.`;
}

/** Refused by a per-account creation limit. A form-level refusal ("form"), shown as the form's error. */
export class RateLimitedError extends Error {
  readonly field = "form";
  constructor(
    readonly action: LimitedAction,
    readonly retryAfterMinutes: number,
  ) {
    super(rateLimitMessage(action, retryAfterMinutes));
    this.name = "RateLimitedError";
  }
}

/**
 * Seconds until each of the person's creations inside the window leaves it, newest first, at most
 * `max` of them. Time is the database's (now()), never this instance's clock, so instances with
 * skewed clocks agree.
 */
async function secondsLeftInWindow(q: Queryable, createdBy: PgColumn, createdAt: PgColumn, userId: string, limit: Limit): Promise<number[]> {
  const window: SQL = sql`${limit.windowSeconds}::int * interval '1 second'`;
  const rows = await q
    .select({ left: sql<number>`extract(epoch from (${createdAt} + ${window} - now()))::float8` })
    .from(createdAt.table)
    .where(and(eq(createdBy, userId), gt(createdAt, sql`now() - ${window}`)))
    .orderBy(desc(createdAt))
    .limit(limit.max);
  return rows.map((row) => Number(row.left));
}

async function recentCreations(q: Queryable, userId: string, action: LimitedAction, limit: Limit): Promise<number[]> {
  switch (action) {
    case "organization.create":
      return secondsLeftInWindow(q, organizations.createdBy, organizations.createdAt, userId, limit);
    case "project.create":
      return secondsLeftInWindow(q, projects.createdBy, projects.createdAt, userId, limit);
    case "invitation.create": {
      // One budget for both kinds: each one lands in someone else's inbox.
      const [members, projectWide] = await Promise.all([
        secondsLeftInWindow(q, invitations.invitedBy, invitations.createdAt, userId, limit),
        secondsLeftInWindow(q, projectInvitations.invitedBy, projectInvitations.createdAt, userId, limit),
      ]);
      return [...members, ...projectWide].sort((a, b) => b - a).slice(0, limit.max);
    }
    case "framework.import":
      // Failed imports count too: each one costs a parse of up to 20 MiB.
      return secondsLeftInWindow(q, frameworkImports.userId, frameworkImports.createdAt, userId, limit);
    case "demand.import":
      return secondsLeftInWindow(q, demandImports.userId, demandImports.createdAt, userId, limit);
  }
}

/**
 * Throws RateLimitedError when `userId` has already created the action's maximum inside its
 * window. Call it inside the transaction that writes the new row (`q`), before writing.
 */
export async function assertWithinLimit(userId: string, action: LimitedAction, q: Queryable = db()): Promise<void> {
  const limit = CREATION_LIMITS[action];
  // Transaction-scoped: held until the caller's insert commits (outside a transaction it is
  // released at once, and the check is only as exact as the moment it ran).
  await q.execute(sql`SELECT pg_advisory_xact_lock(${LIMIT_LOCK_NAMESPACE}::int, hashtext(${`${action}:${userId}`}))`);
  const recent = await recentCreations(q, userId, action, limit);
  if (recent.length < limit.max) return;
  // The limit frees up when the max-th newest creation leaves the window.
  const seconds = recent[limit.max - 1] ?? limit.windowSeconds;
  throw new RateLimitedError(action, Math.max(1, Math.ceil(seconds / 60)));
}
