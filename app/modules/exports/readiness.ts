/**
 * Standards readiness of a credential specification (issue #17): for each target — the EU
 * micro-credential standard, Open Badges 3.0, CTDL publishing and eCampusOntario — a checklist
 * of its elements, each ready or saying what is missing and which field to fill. Pure: works on
 * live or approved content; the CTDL items are the publishing rules `ctdlPublishingProblems`
 * applies to the record `ctdlCredential` builds, so the checklist and the export cannot disagree.
 */
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { anchorFor, asNumber, asString, cellPath, rowsOf } from "~/modules/documents/model/values";
import { planAssessments } from "~/modules/exports/assessments";
import { awardingOwners, credentialOwners, type ExportContext } from "~/modules/exports/context";
import { ctdlCredential, ctdlPublishingProblems } from "~/modules/exports/ctdl";
import { READINESS_TARGET_TITLES, type ReadinessItem, type ReadinessLink, type ReadinessTarget } from "~/modules/exports/readiness-view";

export { readinessHref, readyCount, READINESS_TARGET_TITLES, type ReadinessItem, type ReadinessLink, type ReadinessTarget, type ReadinessTargetKey } from "~/modules/exports/readiness-view";

export type ReadinessInput = {
  documentId: string;
  /** The specification's assessment plan, when one links to it. */
  plan: { id: string; canonical: CanonicalDocument } | null;
};

const NO_PLAN = "an assessment plan linked to this specification";

export function standardsReadiness(spec: CanonicalDocument, input: ReadinessInput): ReadinessTarget[] {
  const f = spec.fields;
  const at = (path: string): ReadinessLink => ({ documentId: input.documentId, anchor: anchorFor(path) });
  const inPlan = (path: string): ReadinessLink | null => (input.plan ? { documentId: input.plan.id, anchor: anchorFor(path) } : null);
  const item = (key: string, label: string, missing: string | null, link: ReadinessLink | null, note?: string): ReadinessItem => ({
    key,
    label,
    ready: missing === null,
    missing,
    link: missing === null ? null : link,
    ...(note ? { note } : {}),
  });
  const has = (key: string) => {
    const value = f[key];
    return value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);
  };
  const need = (key: string, label: string, missing: string, itemKey = key) => item(itemKey, label, has(key) ? null : missing, at(key));

  const context: ExportContext = { origin: "https://concord.invalid", documentId: input.documentId, organizations: [], approval: null, plan: input.plan?.canonical ?? null };
  const ownerRows = rowsOf(f, "owners").filter((row) => asString(row.organization));
  const owners = ownerRows.length > 0 ? credentialOwners(spec, context) : [];
  const competencies = rowsOf(f, "competencies").filter((row) => row.id && asString(row.title));
  const withoutOutcome = competencies.filter((row) => !asString(row.outcome));
  const custom = competencies.filter((row) => row.source !== "framework" || !asString(row.framework));
  const assessments = planAssessments(input.plan?.canonical ?? null);
  const withoutPassLevel = assessments.filter((a) => !a.requiredLevel);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  const competenciesItem = (key: string, label: string) => item(key, label, competencies.length > 0 ? null : "competencies", at("competencies"));
  const outcomesItem = (key: string, label: string) =>
    item(
      key,
      label,
      competencies.length === 0 ? "competencies with learning outcomes" : withoutOutcome.length > 0 ? `a learning outcome for ${count(withoutOutcome.length, "competency", "competencies")}` : null,
      competencies.length === 0 ? at("competencies") : at(cellPath("competencies", withoutOutcome[0]?.id ?? "", "outcome")),
    );
  const assessmentsItem = (key: string, label: string) =>
    item(key, label, !input.plan ? NO_PLAN : assessments.length === 0 ? "assessments in the assessment plan" : null, inPlan("assessments"));
  const issuingBody = (key: string, label: string) => item(key, label, owners.length > 0 ? null : "the issuing and awarding bodies", at("owners"));

  const eu: ReadinessItem[] = [
    item("learner", "Learner", null, null, "Named on each credential when it is issued."),
    need("title", "Title", "the credential title"),
    item(
      "issuerCountry",
      "Issuer's country",
      owners.some((o) => o.province) || has("jurisdiction") ? null : "the province of the issuing body (or the jurisdiction)",
      at("owners"),
    ),
    item("awardingBody", "Awarding body", awardingOwners(owners).length > 0 ? null : "an awarding body among the issuing and awarding bodies", at("owners")),
    item("issueDate", "Issue date", null, null, "The date each credential is issued."),
    outcomesItem("learningOutcomes", "Learning outcomes"),
    need("learningHours", "Notional workload", "the notional learning hours"),
    item("level", "Level", has("framework") && has("frameworkLevel") ? null : "the qualification framework and its level", at(has("framework") ? "frameworkLevel" : "framework")),
    item(
      "assessmentType",
      "Type of assessment",
      !input.plan ? NO_PLAN : assessments.some((a) => a.method) ? null : "the method of each assessment in the assessment plan",
      inPlan("assessments"),
    ),
    need("learningMode", "Form of participation", "the learning mode"),
    need("qaType", "Type of quality assurance", "the type of quality assurance"),
  ];

  const openbadges: ReadinessItem[] = [
    need("title", "Name", "the credential title"),
    need("summary", "Description", "the short description"),
    assessmentsItem("criteria", "Criteria (from the assessment plan)"),
    competenciesItem("alignment", "Alignment to competencies"),
    issuingBody("creator", "Issuing institution (creator)"),
    need("languages", "Language", "the languages of instruction and assessment"),
    item(
      "resultDescription",
      "Pass levels (result descriptions)",
      !input.plan ? NO_PLAN : assessments.length === 0 ? "assessments in the assessment plan" : withoutPassLevel.length > 0 ? `the level required to pass ${count(withoutPassLevel.length, "assessment", "assessments")}` : null,
      withoutPassLevel[0] ? inPlan(cellPath("assessments", withoutPassLevel[0].id, "requiredLevel")) : inPlan("assessments"),
    ),
  ];

  // The publishing API's rules, on the record the export would publish.
  const problems = ctdlPublishingProblems(ctdlCredential(spec, context));
  const problem = (property: string) => problems.find((p) => p.property === property) ?? null;
  const ruled = (key: string, label: string, property: string, field: string, missing: string) => item(key, label, problem(property) ? missing : null, at(field));
  const ctdl: ReadinessItem[] = [
    ruled("name", "Name", "ceterms:name", "title", "the credential title"),
    ruled("description", "Description of at least 15 characters", "ceterms:description", "summary", "a short description of at least 15 characters"),
    ruled("ownedBy", "Owning organization", "ceterms:ownedBy", "owners", "the issuing and awarding bodies"),
    ruled("inLanguage", "Language", "ceterms:inLanguage", "languages", "the languages of instruction and assessment"),
    ruled("credentialStatusType", "Credential status", "ceterms:credentialStatusType", "credentialStatus", "the credential status"),
    need("timeToCompleteWeeks", "Estimated duration", "the typical time to complete", "estimatedDuration"),
    item("estimatedCost", "Estimated cost", asNumber(f.costCad) !== null ? null : "the cost to the learner", at("costCad")),
    need("learningMode", "Learning delivery type", "the learning mode", "learningDeliveryType"),
    competenciesItem("requires", "Required competencies"),
    need("occupations", "Occupations (NOC)", "the target occupations", "occupationType"),
  ];

  const summative = assessments.filter((a) => a.evidenceKind === "direct" && a.evidence.length > 0 && a.employerAccess);
  const ecampus: ReadinessItem[] = [
    issuingBody("issuingBody", "Established issuing body"),
    item(
      "frameworkAligned",
      "Competencies aligned to a framework",
      competencies.length === 0 ? "competencies from a competency framework" : custom.length > 0 ? `a framework for ${count(custom.length, "custom competency", "custom competencies")}` : null,
      competencies.length === 0 || !custom[0] ? at("competencies") : at(cellPath("competencies", custom[0].id!, "framework")),
    ),
    outcomesItem("performanceOutcomes", "Performance outcomes"),
    item(
      "summativeAssessment",
      "Summative assessment with evidence",
      !input.plan ? NO_PLAN : summative.length > 0 ? null : "a direct assessment that keeps evidence the employer can see",
      inPlan("assessments"),
    ),
    item(
      "employerEndorsement",
      "Employer endorsement",
      rowsOf(f, "endorsements").some((row) => asString(row.organization)) ? null : "an employer letter of support or endorsement",
      at("endorsements"),
    ),
  ];

  return [
    { key: "eu", title: READINESS_TARGET_TITLES.eu, items: eu },
    { key: "openbadges", title: READINESS_TARGET_TITLES.openbadges, items: openbadges },
    { key: "ctdl", title: READINESS_TARGET_TITLES.ctdl, items: ctdl },
    { key: "ecampusontario", title: READINESS_TARGET_TITLES.ecampusontario, items: ecampus },
  ];
}
