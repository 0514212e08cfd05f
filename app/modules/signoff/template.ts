/**
 * Sign-off templates: which parties decide, in which order, with which quorum. Pure; the DB layer
 * loads the project's participants and the document's stored (adjusted) template, this module
 * validates and resolves them to concrete organizations.
 *
 * A template names parties by project role or by organization. Roles are resolved when sign-off is
 * requested, so an employer partner who joins the project before the request is included; the
 * resolved stages are then frozen in the round (see machine.ts), so later participant changes never
 * change who signs an open round.
 */
import { z } from "zod";
import { PROJECT_ROLES, type DocumentKind, type DocumentStatus, type ProjectRole } from "~/modules/permissions/roles";

export type PartyRef = { kind: "role"; role: ProjectRole } | { kind: "organization"; organizationId: string };
/** "all" parties of the stage, or at least k of its n resolved parties. */
export type Quorum = { kind: "all" } | { kind: "k_of_n"; k: number };
export type TemplateStage = { name: string; parties: PartyRef[]; quorum: Quorum };
/** `reminderAfterDays`: days a pending decision waits before its signatories are reminded (default 3; notifications/reminders.ts). */
export type SignoffTemplate = { stages: TemplateStage[]; reminderAfterDays?: number };

export type ProjectParticipant = { organizationId: string; role: ProjectRole };
/** A stage with its parties resolved to organizations: the unit the state machine works with. */
export type ResolvedStage = { name: string; organizationIds: string[]; quorum: Quorum };

export type TemplateIssue = { path: string; message: string };

export const MAX_STAGES = 10;
export const MAX_PARTIES_PER_STAGE = 50;
export const MAX_REMINDER_AFTER_DAYS = 60;

/** Roles of the first default stage: every partner party of the project (domain.md, Sign-off). */
export const DEFAULT_PARTNER_ROLES: readonly ProjectRole[] = [
  "lead_institution",
  "partner_institution",
  "employer_partner",
  "professional_body",
];

export const PartyRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("role"), role: z.enum(PROJECT_ROLES, { error: "Choose a project role" }) }),
  z.object({ kind: z.literal("organization"), organizationId: z.string().trim().min(1, "Choose an organization").max(100) }),
]);

export const QuorumSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({
    kind: z.literal("k_of_n"),
    k: z.int("The quorum must be a whole number").min(1, "The quorum must be at least 1").max(MAX_PARTIES_PER_STAGE),
  }),
]);

export const TemplateStageSchema = z.object({
  name: z.string({ error: "Name the stage" }).trim().min(1, "Name the stage").max(80, "Stage name is too long (80 characters at most)"),
  parties: z
    .array(PartyRefSchema)
    .min(1, "A stage needs at least one party")
    .max(MAX_PARTIES_PER_STAGE, `A stage has at most ${MAX_PARTIES_PER_STAGE} parties`),
  quorum: QuorumSchema,
});

const partyKey = (party: PartyRef) => (party.kind === "role" ? `role:${party.role}` : `organization:${party.organizationId}`);

export const SignoffTemplateSchema = z
  .object({
    stages: z
      .array(TemplateStageSchema)
      .min(1, "A template needs at least one stage")
      .max(MAX_STAGES, `A template has at most ${MAX_STAGES} stages`),
    reminderAfterDays: z
      .int("Remind after a whole number of days")
      .min(1, "Remind after at least 1 day")
      .max(MAX_REMINDER_AFTER_DAYS, `Remind after ${MAX_REMINDER_AFTER_DAYS} days at most`)
      .optional(),
  })
  .superRefine((template, ctx) => {
    // A party listed twice would make one organization hold two seats; refuse it up front.
    const seen = new Map<string, string>();
    template.stages.forEach((stage, s) =>
      stage.parties.forEach((party, p) => {
        const key = partyKey(party);
        const first = seen.get(key);
        if (first) ctx.addIssue({ code: "custom", path: ["stages", s, "parties", p], message: `Already listed at ${first}` });
        else seen.set(key, `stage ${s + 1}`);
      }),
    );
  });

export const ResolvedStageSchema = z.object({
  name: z.string().min(1),
  organizationIds: z.array(z.string().min(1)).min(1),
  quorum: QuorumSchema,
});
export const ResolvedStagesSchema = z.array(ResolvedStageSchema).min(1).max(MAX_STAGES);

/**
 * Roles of a work-based learning agreement's first default stage: the agreement's own parties, the
 * employer and its institutions (the kind's "parties" field allows only employers and institutions).
 * A professional body is a project partner but not a party to the placement, so it is not asked.
 */
export const WBL_AGREEMENT_PARTY_ROLES: readonly ProjectRole[] = ["employer_partner", "lead_institution", "partner_institution"];

/** Roles of the first default stage for a document kind. */
export function defaultPartyRoles(kind: DocumentKind): readonly ProjectRole[] {
  return kind === "wbl_agreement" ? WBL_AGREEMENT_PARTY_ROLES : DEFAULT_PARTNER_ROLES;
}

/**
 * The default template of a document kind: stage 1 the kind's parties present in the project
 * (every partner party, or for a work-based learning agreement its own parties), deciding in
 * parallel; stage 2 the QA reviewer, when the project has one (QA gives the final approval). Roles
 * that no participant holds are left out so the template resolves cleanly.
 */
export function defaultTemplate(kind: DocumentKind, participants: readonly ProjectParticipant[]): SignoffTemplate {
  const present = new Set(participants.map((p) => p.role));
  const stages: TemplateStage[] = [];
  const partners = defaultPartyRoles(kind).filter((role) => present.has(role));
  if (partners.length > 0) {
    stages.push({ name: kind === "wbl_agreement" ? "Parties to the agreement" : "Partners", parties: partners.map((role) => ({ kind: "role", role })), quorum: { kind: "all" } });
  }
  if (present.has("qa_reviewer")) {
    stages.push({ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } });
  }
  return { stages };
}

/** How many approvals on the current version complete the stage. */
export function requiredApprovals(stage: ResolvedStage): number {
  return stage.quorum.kind === "all" ? stage.organizationIds.length : stage.quorum.k;
}

/**
 * Resolves parties to the project's organizations. Refuses: a named organization that is not a
 * participant, a stage that resolves to nobody, a quorum larger than the stage, and an
 * organization required in two stages (one organization, one seat per round).
 */
export function resolveTemplate(
  template: SignoffTemplate,
  participants: readonly ProjectParticipant[],
): { ok: true; stages: ResolvedStage[] } | { ok: false; issues: TemplateIssue[] } {
  const issues: TemplateIssue[] = [];
  const participantIds = new Set(participants.map((p) => p.organizationId));
  const stageOf = new Map<string, number>();
  const stages: ResolvedStage[] = template.stages.map((stage, s) => {
    const organizationIds: string[] = [];
    stage.parties.forEach((party, p) => {
      let resolved: string[];
      if (party.kind === "role") {
        resolved = participants
          .filter((participant) => participant.role === party.role)
          .map((participant) => participant.organizationId)
          .sort();
      } else if (participantIds.has(party.organizationId)) {
        resolved = [party.organizationId];
      } else {
        issues.push({ path: `stages.${s}.parties.${p}`, message: "This organization does not take part in the project" });
        resolved = [];
      }
      for (const organizationId of resolved) {
        const otherStage = stageOf.get(organizationId);
        if (otherStage === undefined) {
          stageOf.set(organizationId, s);
          organizationIds.push(organizationId);
        } else if (otherStage !== s) {
          issues.push({
            path: `stages.${s}.parties.${p}`,
            message: `An organization of this party already decides in stage ${otherStage + 1}`,
          });
        }
        // Same stage twice (a role plus one of its organizations by name): one seat, silently.
      }
    });
    const resolvedStage: ResolvedStage = { name: stage.name, organizationIds, quorum: stage.quorum };
    if (organizationIds.length === 0) {
      issues.push({ path: `stages.${s}.parties`, message: "No organization of the project holds a seat in this stage" });
    } else if (requiredApprovals(resolvedStage) > organizationIds.length) {
      issues.push({
        path: `stages.${s}.quorum`,
        message: `The quorum (${requiredApprovals(resolvedStage)}) is larger than the stage (${organizationIds.length})`,
      });
    }
    return resolvedStage;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, stages };
}

/** Parses an adjusted template (form or JSON body) and resolves it in one step. */
export function parseTemplate(
  input: unknown,
  participants: readonly ProjectParticipant[],
): { ok: true; template: SignoffTemplate; stages: ResolvedStage[] } | { ok: false; issues: TemplateIssue[] } {
  const parsed = SignoffTemplateSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    };
  }
  const resolved = resolveTemplate(parsed.data, participants);
  return resolved.ok ? { ok: true, template: parsed.data, stages: resolved.stages } : resolved;
}

/**
 * Checks stages handed to the state machine (they may come from a stored round, so they are not
 * trusted to have been resolved by this module): shape, no empty stage, quorum within the stage,
 * no organization twice.
 */
export function checkResolvedStages(stages: readonly ResolvedStage[]): TemplateIssue[] {
  const parsed = ResolvedStagesSchema.safeParse(stages);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  }
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  stages.forEach((stage, s) => {
    for (const organizationId of stage.organizationIds) {
      if (seen.has(organizationId)) issues.push({ path: `${s}.organizationIds`, message: `${organizationId} holds two seats` });
      seen.add(organizationId);
    }
    if (requiredApprovals(stage) > stage.organizationIds.length) {
      issues.push({ path: `${s}.quorum`, message: "The quorum is larger than the stage" });
    }
  });
  return issues;
}

/**
 * Only the lead institution adjusts a template, and only while no round is running: the stages of
 * an open round are frozen (a request to change them is a withdraw and a new request).
 */
export function mayAdjustTemplate(status: DocumentStatus, projectRoles: readonly ProjectRole[]): boolean {
  return projectRoles.includes("lead_institution") && (status === "draft" || status === "changes_requested");
}
