/**
 * The column-mapping step of the import page as form fields, and back. The mapping itself is the
 * import module's ColumnMapping (validated by its ColumnMappingSchema); this file only translates
 * between it and flat selects a person can fill in: either a parent-code column, or one row of
 * selects per level (code, statement, URI), as ESCO's hierarchy file is written.
 */
import { z } from "zod";
import { ColumnMappingSchema, type ColumnMapping } from "~/modules/frameworks/import/mapped-csv";

/** Most levels the form offers (ESCO has 4, Red Seal standards 3). */
export const MAX_LEVEL_ROWS = 6;

const column = z.preprocess((value) => (typeof value === "string" ? value.trim() : value), z.string().optional());

export const MappingFieldsSchema = z.object({
  mode: z.enum(["parent", "levels"]).default("parent"),
  code: column,
  statement: column,
  description: column,
  parentCode: column,
  levels: z
    .array(z.object({ code: column, statement: column, uri: column }).optional())
    .max(MAX_LEVEL_ROWS)
    .optional(),
});

export type MappingFields = z.infer<typeof MappingFieldsSchema>;

const filled = (value: string | undefined): value is string => value !== undefined && value !== "";

/**
 * The mapping the fields describe, or the field to fix and why. In level mode the statement is
 * per level when any level names one (then every level must), else the one statement column.
 */
export function mappingFromFields(fields: MappingFields): { ok: true; mapping: ColumnMapping } | { ok: false; field: string; message: string } {
  let candidate: unknown;
  if (fields.mode === "levels") {
    const levels = (fields.levels ?? []).filter((level): level is NonNullable<typeof level> => level !== undefined && filled(level.code));
    if (levels.length === 0) return { ok: false, field: "levels", message: "Choose the code column of at least one level." };
    const statements = levels.map((level) => level.statement);
    const perLevel = statements.some(filled);
    if (perLevel && !statements.every(filled)) {
      return { ok: false, field: "levels", message: "Choose a statement column for every level, or none and one statement column below." };
    }
    const uris = levels.map((level) => level.uri);
    if (uris.some(filled) && !uris.every(filled)) {
      return { ok: false, field: "levels", message: "Choose a URI column for every level, or for none." };
    }
    candidate = {
      levelColumns: levels.map((level) => level.code),
      statement: perLevel ? statements : (fields.statement ?? ""),
      description: fields.description ?? "",
      uri: uris.every(filled) ? uris : "",
    };
  } else {
    candidate = {
      code: fields.code ?? "",
      statement: fields.statement ?? "",
      description: fields.description ?? "",
      parentCode: fields.parentCode ?? "",
    };
  }
  const parsed = ColumnMappingSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const issue = parsed.error.issues[0];
  const field = fields.mode === "levels" && issue?.path[0] !== "statement" ? "levels" : "statement";
  return { ok: false, field, message: issue?.message ?? "Choose the columns to import." };
}

/** The fields that show a mapping (the import module's suggestion, to start from). */
export function fieldsFromMapping(mapping: ColumnMapping | undefined): MappingFields {
  if (!mapping) return { mode: "parent" };
  if ("levelColumns" in mapping && Array.isArray(mapping.levelColumns)) {
    const statements = Array.isArray(mapping.statement) ? mapping.statement : undefined;
    const uris = Array.isArray(mapping.uri) ? mapping.uri : undefined;
    return {
      mode: "levels",
      statement: typeof mapping.statement === "string" ? mapping.statement : undefined,
      description: mapping.description,
      levels: mapping.levelColumns.map((code, index) => ({ code, statement: statements?.[index], uri: uris?.[index] })),
    };
  }
  const parent = mapping as Extract<ColumnMapping, { code?: string }>;
  return { mode: "parent", code: parent.code, statement: parent.statement, description: parent.description, parentCode: parent.parentCode };
}
