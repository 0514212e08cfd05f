/**
 * Reminder rules: what is due at time T. Pure; reminders.server.ts loads the facts, asks
 * dueReminders(), and sends each due reminder once, recording its key (reminder_deliveries).
 *
 * - A pending decision reminds its organization's signatories `reminderAfterDays` (template
 *   setting, default 3) after its stage opened, then every 7 days while it stays pending. Each
 *   reminder is an occasion with its own key (…:0, …:1, …); only the latest one is due, so a queue
 *   that was down for two weeks sends one reminder, not three.
 * - A stage open for twice `reminderAfterDays` is overdue: the lead institution is told once per
 *   stage of a round.
 * - A review date (labour-market evidence, the credential's next review) reminds the lead
 *   institution 30 days ahead, once per date: a new date is a new occasion.
 *
 * When a stage opened is not stored; it is derived: the round's request for the first stage, else
 * the latest live decision of an earlier stage (the one that completed it), never before the request.
 */
import { evaluateRound, type RoundState } from "~/modules/signoff/machine";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_REMINDER_AFTER_DAYS = 3;
export const REMIND_AGAIN_EVERY_DAYS = 7;
/** A stage is overdue once open for this many times the reminder delay. */
export const OVERDUE_FACTOR = 2;
export const REVIEW_NOTICE_DAYS = 30;

export type OpenRoundFacts = {
  documentId: string;
  documentTitle: string;
  round: RoundState & { requestedAt: Date; currentVersionHash: string };
  /** The template's setting; absent or invalid means the default. */
  reminderAfterDays?: number | null;
};

export type ReviewField = "evidenceReviewDate" | "nextReviewDate";
export type ReviewDateFacts = { documentId: string; documentTitle: string; field: ReviewField; /** YYYY-MM-DD */ date: string };

export type ReminderFacts = { openRounds: readonly OpenRoundFacts[]; reviewDates: readonly ReviewDateFacts[] };

export type DueReminder =
  | { type: "decision"; key: string; documentId: string; documentTitle: string; organizationId: string; stageName: string; occasion: number; daysOpen: number }
  | { type: "stage_overdue"; key: string; documentId: string; documentTitle: string; stageIndex: number; stageName: string; daysOpen: number }
  | { type: "review"; key: string; documentId: string; documentTitle: string; field: ReviewField; date: string };

export function reminderDelayDays(value: number | null | undefined): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : DEFAULT_REMINDER_AFTER_DAYS;
}

/** When the stage at `stageIndex` opened (see the module comment). */
export function stageOpenedAt(round: OpenRoundFacts["round"], stageIndex: number): Date {
  let opened = round.requestedAt.getTime();
  for (const decision of round.decisions) {
    if (decision.stageIndex < stageIndex && !decision.outdated) opened = Math.max(opened, decision.decidedAt.getTime());
  }
  return new Date(opened);
}

function decisionReminders(facts: OpenRoundFacts, now: Date): DueReminder[] {
  const { round } = facts;
  if (round.status !== "open") return [];
  const evaluation = evaluateRound(round, round.currentVersionHash);
  const stageIndex = evaluation.openStageIndex;
  if (stageIndex === null) return [];
  const stageName = round.stages[stageIndex]?.name ?? `Stage ${stageIndex + 1}`;
  const delay = reminderDelayDays(facts.reminderAfterDays);
  const openMs = now.getTime() - stageOpenedAt(round, stageIndex).getTime();
  const daysOpen = Math.floor(openMs / DAY_MS);
  const due: DueReminder[] = [];
  if (openMs >= delay * DAY_MS) {
    const occasion = Math.floor((openMs - delay * DAY_MS) / (REMIND_AGAIN_EVERY_DAYS * DAY_MS));
    for (const seat of evaluation.mayDecide) {
      due.push({
        type: "decision",
        key: `decision:${round.id}:${stageIndex}:${seat.organizationId}:${occasion}`,
        documentId: facts.documentId,
        documentTitle: facts.documentTitle,
        organizationId: seat.organizationId,
        stageName,
        occasion,
        daysOpen,
      });
    }
  }
  if (openMs >= OVERDUE_FACTOR * delay * DAY_MS && evaluation.mayDecide.length > 0) {
    due.push({ type: "stage_overdue", key: `stage_overdue:${round.id}:${stageIndex}`, documentId: facts.documentId, documentTitle: facts.documentTitle, stageIndex, stageName, daysOpen });
  }
  return due;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function reviewReminder(facts: ReviewDateFacts, now: Date): DueReminder[] {
  if (!DATE.test(facts.date)) return [];
  const dueAt = Date.parse(`${facts.date}T00:00:00Z`) - REVIEW_NOTICE_DAYS * DAY_MS;
  if (Number.isNaN(dueAt) || now.getTime() < dueAt) return [];
  return [{ type: "review", key: `review:${facts.documentId}:${facts.field}:${facts.date}`, documentId: facts.documentId, documentTitle: facts.documentTitle, field: facts.field, date: facts.date }];
}

/** Every reminder due at `now`, each with the key of its occasion (already-sent keys are filtered by the caller). */
export function dueReminders(facts: ReminderFacts, now: Date): DueReminder[] {
  return [...facts.openRounds.flatMap((round) => decisionReminders(round, now)), ...facts.reviewDates.flatMap((review) => reviewReminder(review, now))];
}

/** The notification's words for a due reminder. */
/** The reminder's notification values (its words are notifications.titles.<kind> in the reader's language). */
export function reminderParams(reminder: DueReminder): Record<string, string | number> {
  switch (reminder.type) {
    case "decision":
      return { document: reminder.documentTitle, days: reminder.daysOpen };
    case "stage_overdue":
      return { document: reminder.documentTitle, stage: reminder.stageName, days: reminder.daysOpen };
    case "review":
      return { document: reminder.documentTitle, field: reminder.field, date: reminder.date };
  }
}
