/**
 * Open Badges 3.0 (1EdTech) `Achievement` of an approved credential specification (issue #17):
 * what a badge issued for this credential says the learner achieved. Pure: the approved content
 * and an ExportContext in, a plain object out, valid against `$defs/Achievement` of the official
 * AchievementCredential schema (tested). The sample AchievementCredential and endorsements that
 * come later wrap this object unchanged.
 */
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { planAssessments, requiredRubricLevel, rubricLevels, type PlanAssessment } from "~/modules/exports/assessments";
import { COUNTRY, credentialOwners, awardingOwners, credentialUrls, plainText, type CredentialOwner, type ExportContext } from "~/modules/exports/context";

/** The JSON-LD contexts of an Open Badges 3.0 document (VC data model 2.0 + OB 3.0.3). */
export const OPEN_BADGES_CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;

type Json = Record<string, unknown>;

export type OpenBadgesAchievement = Json & {
  id: string;
  type: ["Achievement"];
  achievementType: "MicroCredential";
  name: string;
  description: string;
  criteria: { id?: string; narrative: string };
  alignment: Json[];
};

function profile(owner: CredentialOwner): Json {
  return {
    id: owner.uri,
    type: ["Profile"],
    name: owner.name,
    address: { type: ["Address"], addressCountry: COUNTRY.name, addressCountryCode: COUNTRY.code, ...(owner.province && owner.province !== "CA" ? { addressRegion: owner.province } : {}) },
  };
}

function assessmentLine(a: PlanAssessment): string {
  const how = [a.methodLabel, a.settingLabel?.toLowerCase()].filter(Boolean).join(", ");
  return `- **${a.name}**${how ? ` (${how})` : ""}${a.requiredLevel ? `: pass at ${a.requiredLevel}` : ""}`;
}

/** Markdown narrative: the plan's assessments and their pass levels, else the competencies to show. */
function criteriaNarrative(spec: CanonicalDocument, assessments: readonly PlanAssessment[]): string {
  if (assessments.length > 0) return ["Earn the credential by passing each assessment of its assessment plan:", "", ...assessments.map(assessmentLine)].join("\n");
  const competencies = rowsOf(spec.fields, "competencies").flatMap((row) => (asString(row.title) ? [`- ${asString(row.title)}`] : []));
  return ["Demonstrate, in an assessment, each competency of the credential:", "", ...competencies].join("\n");
}

function resultDescriptions(achievementId: string, assessments: readonly PlanAssessment[]): Json[] {
  return assessments.map((a) => {
    const id = `${achievementId}#result-${a.id}`;
    const levels = rubricLevels(a.rubric).map((l) => ({
      id: `${id}-level-${l.level}`,
      type: ["RubricCriterionLevel"],
      level: l.level,
      name: l.name,
      description: l.description,
    }));
    const required = requiredRubricLevel(rubricLevels(a.rubric), a.requiredLevel);
    return {
      id,
      type: ["ResultDescription"],
      name: a.name,
      resultType: levels.length > 0 ? "RubricCriterionLevel" : "Status",
      ...(levels.length > 0 ? { rubricCriterionLevel: levels } : {}),
      ...(required ? { requiredLevel: `${id}-level-${required.level}` } : {}),
      ...(a.requiredLevel ? { requiredValue: a.requiredLevel } : {}),
    };
  });
}

function alignments(spec: CanonicalDocument, catalogPage: string): Json[] {
  return rowsOf(spec.fields, "competencies").flatMap((row) => {
    const title = asString(row.title);
    if (!row.id || !title) return [];
    const framework = asString(row.framework);
    const code = asString(row.code);
    const outcome = asString(row.outcome);
    return [
      {
        type: ["Alignment"],
        targetName: title,
        // A custom competency has no framework URI: its place on the credential's page stands in.
        targetUrl: asString(row.uri) ?? `${catalogPage}#competency-${row.id}`,
        ...(outcome ? { targetDescription: outcome } : {}),
        ...(framework ? { targetFramework: framework } : {}),
        ...(code ? { targetCode: code } : {}),
        targetType: "ceasn:Competency",
      },
    ];
  });
}

/** Frameworks' names without their version, e.g. "Climate Adaptation Practitioner Competency Framework". */
function fieldOfStudy(spec: CanonicalDocument): string | null {
  const names = new Set(
    rowsOf(spec.fields, "competencies")
      .map((row) => asString(row.framework)?.replace(/\s*\([^)]*\)\s*$/, ""))
      .filter((name): name is string => Boolean(name)),
  );
  return names.size > 0 ? [...names].join("; ") : null;
}

export function openBadgesAchievement(spec: CanonicalDocument, context: ExportContext): OpenBadgesAchievement {
  const title = asString(spec.fields.title) ?? "Untitled credential";
  const urls = credentialUrls(context, title);
  const assessments = planAssessments(context.plan);
  const creditSystem = asString(spec.fields.creditSystem);
  const credits = asNumber(spec.fields.creditValue);
  const languages = Array.isArray(spec.fields.languages) ? spec.fields.languages.filter((l): l is string => typeof l === "string") : [];
  // Open Badges has one creator: the first awarding body (the lead); co-owners appear in CTDL's ownedBy.
  const [creator] = awardingOwners(credentialOwners(spec, context));
  const study = fieldOfStudy(spec);
  const results = resultDescriptions(urls.achievement, assessments);
  return {
    id: urls.achievement,
    type: ["Achievement"],
    achievementType: "MicroCredential",
    name: title,
    description: asString(spec.fields.summary) ?? plainText(spec, "purpose") ?? title,
    criteria: { id: urls.catalogPage, narrative: criteriaNarrative(spec, assessments) },
    alignment: alignments(spec, urls.catalogPage),
    ...(creator ? { creator: profile(creator) } : {}),
    ...(credits !== null && creditSystem !== "not_for_credit" ? { creditsAvailable: credits } : {}),
    ...(study ? { fieldOfStudy: study } : {}),
    ...(asString(spec.fields.shortCode) ? { humanCode: asString(spec.fields.shortCode) } : {}),
    ...(languages[0] ? { inLanguage: languages[0] } : {}),
    ...(results.length > 0 ? { resultDescription: results } : {}),
    ...(asString(spec.fields.version) ? { version: asString(spec.fields.version) } : {}),
  };
}

/** The Achievement as a standalone JSON-LD download. */
export function openBadgesDocument(spec: CanonicalDocument, context: ExportContext): Json {
  return { "@context": [...OPEN_BADGES_CONTEXT], ...openBadgesAchievement(spec, context) };
}
