/**
 * The English refusals of the sign-off commands (machine.ts, signoff.server.ts, the coverage and
 * stack gates) and their keys in the "signoff" area, so the sign-off panel answers in the reader's
 * language (issue #20). The domain keeps its English (tests quote it); a refusal's `reason` is its
 * stable code, and the words below carry the parameters (stage numbers, counts, names).
 */
import type { TFunction } from "i18next";
import { translateMessage, type KnownMessages } from "~/modules/i18n/known-messages";

/** An English count as written by the domain ("1,234") back to a number. */
const count = (digits: string | undefined) => Number((digits ?? "0").replace(/,/g, ""));

/** The template's issues (template.ts), as listed in a refusal or on the panel. */
export const TEMPLATE_ISSUE_MESSAGES: KnownMessages = [
  ["This organization does not take part in the project", (t) => t("signoff.templateIssues.notInProject")],
  [/^An organization of this party already decides in stage (\d+)$/, (t, m) => t("signoff.templateIssues.alreadyInStage", { stage: Number(m?.[1]) })],
  ["No organization of the project holds a seat in this stage", (t) => t("signoff.templateIssues.noSeat")],
  [/^The quorum \((\d+)\) is larger than the stage \((\d+)\)$/, (t, m) => t("signoff.templateIssues.quorumTooLarge", { quorum: Number(m?.[1]), size: Number(m?.[2]) })],
  ["The quorum is larger than the stage", (t) => t("signoff.templateIssues.quorumLarger")],
];

/** A joined list of template issues ("a; b"), each translated when known. */
export function translateTemplateIssues(t: TFunction, joined: string): string {
  return joined
    .split("; ")
    .map((issue) => translateMessage(t, TEMPLATE_ISSUE_MESSAGES, issue))
    .join(t("signoff.refusals.listSeparator"));
}

/** The coverage and stack gates' words (without the refusal's final period). */
export const GATE_MESSAGES: KnownMessages = [
  [/^([\d,]+) competenc(?:y has|ies have) no direct assessment$/, (t, m) => t("coverage.summary.gaps", { count: count(m?.[1]) })],
  [
    /^([\d,]+) essential competenc(?:y is|ies are) assessed by soft evidence only \(log-book sign-off, self-report or attendance\)$/,
    (t, m) => t("coverage.summary.softOnly", { count: count(m?.[1]) }),
  ],
  [/^(\d+) modules? (?:is|are) not approved: (.*)$/s, (t, m) => t("signoff.refusals.modulesNotApproved", { count: Number(m?.[1]), names: m?.[2] ?? "" })],
];

export const SIGNOFF_REFUSAL_MESSAGES: KnownMessages = [
  // The transition table (machine.ts TRANSITIONS).
  ["The document is not in review.", (t) => t("signoff.refusals.notInReview")],
  ["The document is waiting for changes; no decision can be recorded.", (t) => t("signoff.refusals.closedWaiting")],
  ["The document is approved; no decision can be recorded.", (t) => t("signoff.refusals.closedApproved")],
  ["The document is rejected; no decision can be recorded.", (t) => t("signoff.refusals.closedRejected")],
  ["The document is withdrawn; no decision can be recorded.", (t) => t("signoff.refusals.closedWithdrawn")],
  ["Only a document in sign-off can be withdrawn.", (t) => t("signoff.refusals.onlyInSignoffWithdrawn")],
  ["The document is already a draft.", (t) => t("signoff.refusals.alreadyDraft")],
  ["Nothing to resubmit: request sign-off instead.", (t) => t("signoff.refusals.nothingToResubmit")],
  ["Sign-off has already been requested.", (t) => t("signoff.refusals.alreadyRequested")],
  ["Only an approved, rejected or withdrawn document can be reopened.", (t) => t("signoff.refusals.onlyEndedReopened")],
  ["The document is already in review.", (t) => t("signoff.refusals.alreadyInReview")],
  ["Changes were requested: resubmit the document instead.", (t) => t("signoff.refusals.resubmitInstead")],
  ["The document is already editable; resubmit it when ready.", (t) => t("signoff.refusals.alreadyEditable")],
  ["The document is approved; reopen it to start a new version.", (t) => t("signoff.refusals.approvedReopen")],
  ["Approved content is locked; reopen the document to edit it.", (t) => t("signoff.refusals.approvedLocked")],
  ["An approved document cannot be withdrawn; reopen it instead.", (t) => t("signoff.refusals.approvedNoWithdraw")],
  ["The document was rejected; reopen it to start again.", (t) => t("signoff.refusals.rejectedReopen")],
  ["Rejected content is locked; reopen the document to edit it.", (t) => t("signoff.refusals.rejectedLocked")],
  ["The document was rejected; there is no sign-off to withdraw.", (t) => t("signoff.refusals.rejectedNoWithdraw")],
  ["The document was withdrawn; reopen it to start again.", (t) => t("signoff.refusals.withdrawnReopen")],
  ["Withdrawn content is locked; reopen the document to edit it.", (t) => t("signoff.refusals.withdrawnLocked")],
  ["The document is already withdrawn.", (t) => t("signoff.refusals.alreadyWithdrawn")],
  // The guards (machine.ts applyEvent).
  ["Only the lead institution can do this.", (t) => t("signoff.refusals.notLead")],
  ["Only editors of this document can do this.", (t) => t("signoff.refusals.notEditor")],
  ["Say which changes are needed.", (t) => t("signoff.refusals.commentRequired")],
  ["Give the reason for the rejection.", (t) => t("signoff.refusals.reasonRequired")],
  ["There is no open sign-off round.", (t) => t("signoff.refusals.noOpenRound")],
  ["You are not a signatory of that organization.", (t) => t("signoff.refusals.notSignatory")],
  ["That organization does not decide on this document.", (t) => t("signoff.refusals.notAParty")],
  [/^Stage (\d+) has already reached its quorum\.$/, (t, m) => t("signoff.refusals.stageComplete", { stage: Number(m?.[1]) })],
  [/^Stage (\d+) decides once stage (\d+) is complete\.$/, (t, m) => t("signoff.refusals.stageNotOpen", { stage: Number(m?.[1]), before: Number(m?.[2]) })],
  ["This organization has already decided in this round.", (t) => t("signoff.refusals.alreadyDecided")],
  ["The document changed since you opened it; review the changes and decide again.", (t) => t("signoff.refusals.staleVersion")],
  [/^The sign-off template does not resolve: (.*)$/s, (t, m) => t("signoff.refusals.doesNotResolve", { problems: translateTemplateIssues(t, m?.[1] ?? "") })],
  // The command (signoff.server.ts).
  [
    /^The sign-off template does not fit this project: (.*)\. Adjust the template\.$/s,
    (t, m) => t("signoff.refusals.invalidTemplate", { problems: translateTemplateIssues(t, m?.[1] ?? "") }),
  ],
  ["Someone else changed this; reload.", (t) => t("signoff.refusals.conflict")],
  ["Forbidden", (t) => t("signoff.refusals.forbidden")],
  // The gates' words, with the refusal's final period.
  [/^(.*)\.$/s, (t, m) => gateRefusal(t, m?.[1] ?? "")],
];

/** A gate's words as a refusal ("… no direct assessment."); unknown words stay as written. */
function gateRefusal(t: TFunction, words: string): string {
  return `${translateMessage(t, GATE_MESSAGES, words)}.`;
}

/** A sign-off command's refusal in the reader's language (unknown ones stay as written). */
export function translateSignoffRefusal(t: TFunction, message: string): string {
  return translateMessage(t, SIGNOFF_REFUSAL_MESSAGES, message);
}

/** The panel read model's English words (panel.server.ts) that the panel shows as they come. */
export type PanelTexts = {
  templateProblems: string[];
  coverage: { blocked: { message: string; href: string; explanation?: string } | null; warnings: string[] };
};

const STACK_EXPLANATION = "a stack is signed off only when each of its modules is approved.";

/**
 * The panel's template problems, gate words and warnings in the reader's language (the resource
 * route does this, so the component shows them as they come). English comes back unchanged.
 */
export function translatePanelTexts<P extends PanelTexts>(t: TFunction, panel: P): P {
  const { blocked, warnings } = panel.coverage;
  return {
    ...panel,
    templateProblems: panel.templateProblems.map((issue) => translateMessage(t, TEMPLATE_ISSUE_MESSAGES, issue)),
    coverage: {
      ...panel.coverage,
      blocked: blocked
        ? {
            ...blocked,
            message: translateMessage(t, GATE_MESSAGES, blocked.message),
            ...(blocked.explanation !== undefined
              ? { explanation: blocked.explanation === STACK_EXPLANATION ? t("signoff.panel.blockedStack") : blocked.explanation }
              : {}),
          }
        : null,
      warnings: warnings.map((warning) => translateMessage(t, GATE_MESSAGES, warning)),
    },
  };
}
