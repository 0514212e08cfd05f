/**
 * The linked assessment plan as the exports read it: its assessments (method, where, pass level,
 * rubric, evidence) and the rubric's levels when the rubric is written as numbered levels.
 */
import { ASSESSMENT_SETTINGS, evidenceKindOf, methodLabel, type EvidenceKind } from "~/modules/coverage/methods";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { asString, rowsOf } from "~/modules/documents/model/values";

export type PlanAssessment = {
  id: string;
  name: string;
  method: string | null;
  methodLabel: string | null;
  evidenceKind: EvidenceKind | null;
  settingLabel: string | null;
  requiredLevel: string | null;
  rubric: string | null;
  /** Kinds of evidence kept (video, artefact…). */
  evidence: string[];
  employerAccess: string | null;
};

export function planAssessments(plan: CanonicalDocument | null): PlanAssessment[] {
  if (!plan) return [];
  return rowsOf(plan.fields, "assessments").flatMap((row) => {
    const name = asString(row.name);
    if (!row.id || !name) return [];
    const setting = asString(row.setting);
    return [
      {
        id: row.id,
        name,
        method: asString(row.method),
        methodLabel: methodLabel(row.method),
        evidenceKind: evidenceKindOf(row.method),
        settingLabel: ASSESSMENT_SETTINGS.find((s) => s.value === setting)?.label ?? null,
        requiredLevel: asString(row.requiredLevel),
        rubric: asString(row.rubric),
        evidence: Array.isArray(row.evidence) ? row.evidence.filter((e): e is string => typeof e === "string") : [],
        employerAccess: asString(row.employerAccess),
      },
    ];
  });
}

export type RubricLevel = { level: string; name: string; description: string };

/**
 * Levels of a rubric written as "1 Not yet — what it means. 2 Developing — …" (lowest first, as
 * the plan's form asks). Anything else (a marking scheme in prose) yields no levels.
 */
export function rubricLevels(rubric: string | null): RubricLevel[] {
  if (!rubric) return [];
  const pattern = /(?:^|\s)(\d{1,2})\s+([^—–\d][^—–]*?)\s+[—–]\s+(.+?)(?=\s+\d{1,2}\s+[^—–\d][^—–]*?\s+[—–]\s|$)/gs;
  const levels = [...rubric.matchAll(pattern)].map((m) => ({ level: m[1]!, name: m[2]!.trim(), description: m[3]!.trim() }));
  // Numbered 1, 2, 3… or it is not a list of levels.
  return levels.length >= 2 && levels.every((l, i) => Number(l.level) === Number(levels[0]!.level) + i) ? levels : [];
}

/** The rubric level a pass requires: the one whose name the "level required to pass" text names. */
export function requiredRubricLevel(levels: readonly RubricLevel[], requiredLevel: string | null): RubricLevel | null {
  if (!requiredLevel) return null;
  const text = requiredLevel.toLowerCase();
  return [...levels].reverse().find((l) => text.includes(l.name.toLowerCase())) ?? null;
}
