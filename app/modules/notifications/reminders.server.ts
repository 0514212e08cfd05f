/**
 * The database side of reminders.ts: loads open rounds and review dates, asks what is due, and
 * sends each due reminder exactly once. The reminder's key is inserted into reminder_deliveries in
 * the same transaction as its notifications (ON CONFLICT DO NOTHING): a second instance running
 * the same job waits on the key's row lock and then finds it taken; a restart finds it too.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { loadLatestRounds } from "~/modules/signoff/signoff.server";
import { documents } from "../../../db/schema/documents";
import { reminderDeliveries } from "../../../db/schema/notifications";
import { memberships } from "../../../db/schema/organizations";
import { projectParticipants } from "../../../db/schema/projects";
import { organizationSignatories, signoffRounds, signoffTemplates } from "../../../db/schema/signoff";
import type { NotificationKind } from "./kinds";
import { notify } from "./notify.server";
import { dueReminders, reminderParams, type DueReminder, type ReminderFacts, type ReviewDateFacts, type ReviewField } from "./reminders";

const REVIEW_FIELDS: readonly ReviewField[] = ["evidenceReviewDate", "nextReviewDate"];

export async function loadReminderFacts(q: Queryable): Promise<ReminderFacts> {
  const open = await q
    .select({ documentId: documents.id, title: documents.title, template: signoffTemplates.template })
    .from(signoffRounds)
    .innerJoin(documents, eq(documents.id, signoffRounds.documentId))
    .leftJoin(signoffTemplates, eq(signoffTemplates.documentId, documents.id))
    .where(and(eq(signoffRounds.status, "open"), eq(documents.status, "in_review")));
  const rounds = await loadLatestRounds(
    q,
    open.map((row) => row.documentId),
  );
  const openRounds = open.flatMap((row) => {
    const round = rounds.get(row.documentId);
    return round && round.status === "open" ? [{ documentId: row.documentId, documentTitle: row.title, round, reminderAfterDays: row.template?.reminderAfterDays }] : [];
  });

  // Review dates are key fields of the projection, so no document has to be loaded for them.
  const specs = await q
    .select({ id: documents.id, title: documents.title, projection: documents.projection })
    .from(documents)
    .where(and(eq(documents.kind, "credential_spec"), isNotNull(documents.projection), sql`${documents.status} not in ('rejected', 'withdrawn')`));
  const reviewDates: ReviewDateFacts[] = specs.flatMap((spec) =>
    REVIEW_FIELDS.flatMap((field) => {
      const value = spec.projection?.keyFields[field];
      return typeof value === "string" && value ? [{ documentId: spec.id, documentTitle: spec.projection?.title || spec.title, field, date: value }] : [];
    }),
  );
  return { openRounds, reviewDates };
}

/** Who decides for the organization: its named signatories, else its admins (signatories.ts). */
async function signatoriesOf(q: Queryable, organizationId: string): Promise<string[]> {
  const named = await q.select({ userId: organizationSignatories.userId }).from(organizationSignatories).where(eq(organizationSignatories.organizationId, organizationId));
  if (named.length > 0) return named.map((row) => row.userId);
  const admins = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")));
  return admins.map((row) => row.userId);
}

/** Every member of the document's project's lead institution(s). */
async function leadMembersOf(q: Queryable, documentId: string): Promise<string[]> {
  const rows = await q
    .select({ userId: memberships.userId })
    .from(documents)
    .innerJoin(projectParticipants, and(eq(projectParticipants.projectId, documents.projectId), eq(projectParticipants.role, "lead_institution")))
    .innerJoin(memberships, eq(memberships.organizationId, projectParticipants.organizationId))
    .where(eq(documents.id, documentId));
  return rows.map((row) => row.userId);
}

const KIND: Record<DueReminder["type"], NotificationKind> = { decision: "decision_reminder", stage_overdue: "stage_overdue", review: "review_due" };

function reminderLink(reminder: DueReminder): string {
  return reminder.type === "review" ? `/documents/${reminder.documentId}` : `/documents/${reminder.documentId}#signoff`;
}

/**
 * Sends every reminder due at `now` that was not sent before; returns the keys it sent. Safe to
 * run on several instances at once and to re-run after a crash.
 */
export async function sendDueReminders(now: Date = new Date(), q: Queryable = db()): Promise<string[]> {
  const due = dueReminders(await loadReminderFacts(q), now);
  if (due.length === 0) return [];
  const sentBefore = new Set(
    (await q.select({ key: reminderDeliveries.key }).from(reminderDeliveries).where(inArray(reminderDeliveries.key, due.map((reminder) => reminder.key)))).map((row) => row.key),
  );
  const sent: string[] = [];
  for (const reminder of due.filter((r) => !sentBefore.has(r.key))) {
    const claimed = await q.transaction(async (tx) => {
      const [row] = await tx.insert(reminderDeliveries).values({ key: reminder.key, sentAt: now }).onConflictDoNothing().returning({ key: reminderDeliveries.key });
      if (!row) return false;
      const recipients = reminder.type === "decision" ? await signatoriesOf(tx, reminder.organizationId) : await leadMembersOf(tx, reminder.documentId);
      await notify(tx, recipients, { kind: KIND[reminder.type], params: reminderParams(reminder), link: reminderLink(reminder) });
      return true;
    });
    if (claimed) sent.push(reminder.key);
  }
  return sent;
}
