/**
 * Where a specification counts (issue #18): its "Programs it ladders into" rows, read from its
 * content. Pure. The receiving institution is named by its exact name on Concord; a recognition
 * (recognitions.server.ts) is what turns a row from proposed into confirmed.
 */
import type { CanonicalFields } from "~/modules/documents/model/types";
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";

export type LadderingStanding = "credits" | "advanced_standing" | "preparation";

export type LadderingRow = {
  rowId: string;
  program: string;
  institution: string;
  province: string | null;
  creditGranted: number | null;
  standing: LadderingStanding;
  conditions: string | null;
  validFrom: string | null;
  validTo: string | null;
};

export type RecognitionStatus = "proposed" | "confirmed" | "withdrawn";

export function ladderingRows(fields: CanonicalFields): LadderingRow[] {
  return rowsOf(fields, "laddersInto").flatMap((row) => {
    const program = asString(row.program)?.trim();
    const institution = asString(row.institution)?.trim();
    if (!row.id || !program || !institution) return [];
    const standing = asString(row.standing);
    return [
      {
        rowId: row.id,
        program,
        institution,
        province: asString(row.province)?.trim() || null,
        creditGranted: asNumber(row.creditGranted),
        standing: standing === "advanced_standing" || standing === "preparation" ? standing : "credits",
        conditions: asString(row.conditions)?.trim() || null,
        validFrom: asString(row.validFrom) || null,
        validTo: asString(row.validTo) || null,
      },
    ];
  });
}

/** "Prairie University (SK): 6 credits" — one line of a recognition, for lists and exports. */
export function recognitionSummary(row: Pick<LadderingRow, "program" | "institution" | "province" | "creditGranted" | "standing">): string {
  const grant = row.standing === "advanced_standing" ? "advanced standing" : row.standing === "preparation" ? "preparation for admission" : `${row.creditGranted ?? 0} credits`;
  return `${row.program}, ${row.institution}${row.province ? ` (${row.province})` : ""}: ${grant}`;
}
