/**
 * How an assessment gathers evidence, and what kind of evidence that is (domain reference §2).
 * Direct evidence shows the person doing the work; log-book sign-off, self-report and attendance
 * only say that it happened ("soft"), and never make a competency assessed on their own.
 */

export type EvidenceKind = "direct" | "soft";

export type Choice = { readonly value: string; readonly label: string };

export const ASSESSMENT_METHODS: readonly (Choice & { readonly evidence: EvidenceKind })[] = [
  { value: "observation", label: "Direct observation", evidence: "direct" },
  { value: "practical_demonstration", label: "Practical demonstration", evidence: "direct" },
  { value: "work_product", label: "Work product", evidence: "direct" },
  { value: "simulation", label: "Simulation", evidence: "direct" },
  { value: "oral_examination", label: "Oral examination", evidence: "direct" },
  { value: "written_examination", label: "Written examination", evidence: "direct" },
  { value: "portfolio", label: "Portfolio", evidence: "direct" },
  { value: "logbook_signoff", label: "Log-book sign-off", evidence: "soft" },
  { value: "self_report", label: "Self-report", evidence: "soft" },
  { value: "attendance", label: "Attendance", evidence: "soft" },
];

export const ASSESSMENT_SETTINGS: readonly Choice[] = [
  { value: "workplace", label: "Workplace" },
  { value: "institution", label: "Institution" },
  { value: "online", label: "Online" },
];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = { direct: "Direct", soft: "Soft" };

const EVIDENCE_BY_METHOD = new Map(ASSESSMENT_METHODS.map((method) => [method.value, method.evidence]));

/** The evidence kind a method yields; null for no method or one we do not know. */
export function evidenceKindOf(method: unknown): EvidenceKind | null {
  return typeof method === "string" ? (EVIDENCE_BY_METHOD.get(method) ?? null) : null;
}

export function methodLabel(method: unknown): string | null {
  return typeof method === "string" ? (ASSESSMENT_METHODS.find((m) => m.value === method)?.label ?? null) : null;
}
