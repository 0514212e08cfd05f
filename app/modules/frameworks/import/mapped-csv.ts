/**
 * Any other CSV, through a column mapping the person chooses on the import page:
 * - **parent code**: a code column, a statement column and a column holding the parent's code
 *   (empty at the top level) — the usual spreadsheet;
 * - **level columns**: one code column per level, each row's node being its deepest non-empty
 *   level and its parent the level above (ESCO's `Level 0 code … Level 3 code`, a Red Seal
 *   standard's section / task / sub-task). The statement may be one column or one per level
 *   (ESCO's `Level N preferred term`); with one per level, a level that has no row of its own is
 *   created from the rows below it.
 * `previewMappedCsv` shows the first rows as they will be imported, so the mapping form can show
 * what a choice does before anything is stored.
 */
import { z } from "zod";
import type { CsvRow } from "~/modules/frameworks/import/csv-reader";
import { buildHierarchy, type DraftCompetency } from "~/modules/frameworks/import/hierarchy";
import {
  count,
  failure,
  listed,
  MAX_COMPETENCIES,
  problemAt,
  type FrameworkMetadata,
  type ImportProblem,
  type ImportResult,
} from "~/modules/frameworks/import/types";

/** A select left on "— none —" submits "": no column. */
const optionalColumn = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).optional());
const column = z.string().trim().min(1, "Choose a column");
const columnOrPerLevel = z.union([column, z.array(column).min(1)]);

export const ParentCodeMappingSchema = z.object({
  code: optionalColumn,
  statement: column,
  description: optionalColumn,
  parentCode: optionalColumn,
  type: optionalColumn,
  uri: optionalColumn,
});

export const LevelColumnsMappingSchema = z.object({
  /** Code columns from the top level down ("Level 0 code", …, "Level 3 code"). */
  levelColumns: z.array(column).min(1, "Choose at least one level column"),
  /** One statement column, or one per level column (same order). */
  statement: columnOrPerLevel,
  description: optionalColumn,
  type: optionalColumn,
  /** One URI column, or one per level column. */
  uri: z.preprocess((value) => (value === "" ? undefined : value), columnOrPerLevel.optional()),
  /** A label per level ("Section", "Task", "Sub-task"), kept as each competency's type. */
  levelNames: z.array(z.string().trim()).optional(),
});

/** Level columns when the form sends them (even none: that is the person's choice to fix), parent codes otherwise. */
export const ColumnMappingSchema = z.union([
  LevelColumnsMappingSchema,
  ParentCodeMappingSchema.extend({ levelColumns: z.undefined().optional() }),
]);

export type ParentCodeMapping = z.infer<typeof ParentCodeMappingSchema>;
export type LevelColumnsMapping = z.infer<typeof LevelColumnsMappingSchema>;
export type ColumnMapping = ParentCodeMapping | LevelColumnsMapping;

function isLevelMapping(mapping: ColumnMapping): mapping is LevelColumnsMapping {
  return Array.isArray((mapping as Partial<LevelColumnsMapping>).levelColumns);
}

/** One data row as it will be imported (before the whole file's checks). */
export interface PreviewRow {
  line: number;
  code?: string;
  statement?: string;
  description?: string;
  typeLabel?: string;
  parentCode?: string;
  /** 0 at the top level; undefined when the parent chain cannot be followed. */
  depth?: number;
}

interface MappedRows {
  drafts: Array<DraftCompetency & { depth?: number }>;
  problems: ImportProblem[];
  notes: string[];
}

function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = name.trim().toLowerCase();
  return header.findIndex((cell) => cell.trim().toLowerCase() === wanted);
}

/** The rows of a CSV read through a mapping: competencies not yet checked as a whole. */
function mapRows(rows: readonly CsvRow[], mapping: ColumnMapping): MappedRows {
  const [headerRow, ...body] = rows;
  const problems: ImportProblem[] = [];
  if (!headerRow) return { drafts: [], problems: [{ kind: "malformed", message: "The file is empty.", code: "frameworks.problems.fileEmpty" }], notes: [] };
  const header = headerRow.cells.map((cell) => cell.trim());
  const columnList = listed(
    header.map((cell) => `"${cell}"`),
    12,
  );
  const used = new Set<number>();
  const resolve = (name: string, role: string): number => {
    const index = findColumn(header, name);
    if (index === -1) {
      problems.push({
        kind: "missing-column",
        line: headerRow.line,
        message: `Line ${headerRow.line}: there is no column "${name}" (chosen for ${role}); the columns are ${columnList}.`,
      });
    } else used.add(index);
    return index;
  };
  const perLevel = (value: string | string[] | undefined, levels: number, role: string): number[] | number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string") return resolve(value, role);
    if (value.length !== levels) {
      problems.push({
        kind: "missing-column",
        message: `Choose one ${role} column per level: ${levels} level columns, ${value.length} ${role} columns.`,
      });
    }
    return value.map((name, level) => resolve(name, `${role} of level ${level + 1}`));
  };
  const cell = (row: CsvRow, index: number | undefined) =>
    index === undefined || index < 0 ? undefined : row.cells[index]?.trim() || undefined;

  const drafts: MappedRows["drafts"] = [];
  const notes: string[] = [];

  if (isLevelMapping(mapping)) {
    const levels = mapping.levelColumns.map((name, level) => resolve(name, `level ${level + 1}`));
    const statement = perLevel(mapping.statement, levels.length, "statement");
    const uri = perLevel(mapping.uri, levels.length, "URI");
    const description = mapping.description ? resolve(mapping.description, "the description") : undefined;
    const type = mapping.type ? resolve(mapping.type, "the type") : undefined;
    if (problems.length > 0) return { drafts, problems, notes };

    // A row's own node reads a single column or its level's column; a level above it (created
    // from this row) only ever its level's column.
    const own = (row: CsvRow, columns: number[] | number | undefined, level: number) =>
      Array.isArray(columns) ? cell(row, columns[level]) : cell(row, columns);
    const above = (row: CsvRow, columns: number[] | number | undefined, level: number) =>
      Array.isArray(columns) ? cell(row, columns[level]) : undefined;
    const levelName = (level: number) => mapping.levelNames?.[level]?.trim() || undefined;

    // Each row's path of codes from the top down; its node is the deepest.
    const entries = body.map((row) => {
      const path = levels
        .map((index, level) => ({ level, code: cell(row, index) }))
        .filter((step): step is { level: number; code: string } => step.code !== undefined);
      return { row, path };
    });
    const ownRow = new Set(entries.map(({ path }) => path[path.length - 1]?.code).filter((code): code is string => code !== undefined));
    const impliedParent = new Map<string, { parent: string | null; line: number }>();
    const created = new Set<string>();
    for (const { row, path } of entries) {
      const node = path[path.length - 1];
      if (!node) {
        problems.push(
          problemAt(
            { line: row.line },
            "malformed",
            `none of the level columns (${listed(mapping.levelColumns.map((name) => `"${name}"`))}) has a code.`,
          ),
        );
        continue;
      }
      // Every step of the path says who its parent is; two rows must not disagree.
      path.forEach((step, i) => {
        const parent = i > 0 ? path[i - 1]!.code : null;
        const earlier = impliedParent.get(step.code);
        if (!earlier) impliedParent.set(step.code, { parent, line: row.line });
        else if (earlier.parent !== parent) {
          problems.push(
            problemAt(
              { line: row.line },
              "conflicting-parent",
              `"${step.code}" is under ${parent === null ? "no parent" : `"${parent}"`} here but under ${
                earlier.parent === null ? "no parent" : `"${earlier.parent}"`
              } on line ${earlier.line}.`,
            ),
          );
        }
      });
      // Levels above this row that no row of their own defines: created from this row's level columns.
      if (Array.isArray(statement)) {
        path.slice(0, -1).forEach((step, i) => {
          if (ownRow.has(step.code) || created.has(step.code)) return;
          const text = above(row, statement, step.level);
          if (!text) return;
          created.add(step.code);
          const parentStep = i > 0 ? path[i - 1]! : undefined;
          drafts.push({
            key: step.code,
            sourceId: above(row, uri, step.level) ?? step.code,
            code: step.code,
            statement: text,
            typeLabel: levelName(step.level),
            sourceUri: above(row, uri, step.level),
            parent: parentStep ? { written: parentStep.code, key: parentStep.code } : null,
            where: { line: row.line },
            depth: i,
          });
        });
      }
      const parentStep = path.length > 1 ? path[path.length - 2]! : undefined;
      const uriValue = own(row, uri, node.level);
      drafts.push({
        key: node.code,
        sourceId: uriValue ?? node.code,
        code: node.code,
        statement: own(row, statement, node.level),
        description: cell(row, description),
        typeLabel: cell(row, type) ?? levelName(node.level),
        sourceUri: uriValue,
        parent: parentStep ? { written: parentStep.code, key: parentStep.code } : null,
        where: { line: row.line },
        depth: path.length - 1,
      });
    }
    if (created.size > 0) {
      const has = created.size === 1 ? "level has no row of its own" : "levels have no row of their own";
      notes.push(
        `${created.size.toLocaleString("en-CA")} ${has} (${listed([...created])}): created from the level columns of the rows below.`,
      );
    }
  } else {
    const code = mapping.code ? resolve(mapping.code, "the code") : undefined;
    const statement = resolve(mapping.statement, "the statement");
    const description = mapping.description ? resolve(mapping.description, "the description") : undefined;
    const parentCode = mapping.parentCode ? resolve(mapping.parentCode, "the parent code") : undefined;
    const type = mapping.type ? resolve(mapping.type, "the type") : undefined;
    const uri = mapping.uri ? resolve(mapping.uri, "the URI") : undefined;
    if (parentCode !== undefined && code === undefined) {
      problems.push({ kind: "missing-column", message: "Choose a code column too: the parent column holds codes.", code: "frameworks.problems.chooseCodeColumn" });
    }
    if (problems.length > 0) return { drafts, problems, notes };
    for (const row of body) {
      const codeValue = cell(row, code);
      const uriValue = cell(row, uri);
      const parentValue = cell(row, parentCode);
      drafts.push({
        key: codeValue ?? (uriValue ? `uri:${uriValue}` : `line:${row.line}`),
        sourceId: uriValue ?? codeValue ?? `line-${row.line}`,
        code: codeValue,
        statement: cell(row, statement),
        description: cell(row, description),
        typeLabel: cell(row, type),
        sourceUri: uriValue,
        parent: parentValue ? { written: parentValue, key: parentValue } : null,
        where: { line: row.line },
      });
    }
    // Depth for the preview: follow parent codes (bounded, so a cycle cannot loop).
    const byKey = new Map(drafts.map((draft) => [draft.key, draft]));
    for (const draft of drafts) {
      let depth = 0;
      let parent = draft.parent?.key;
      while (parent !== undefined && depth <= drafts.length) {
        const next = byKey.get(parent);
        if (!next) break;
        depth++;
        parent = next.parent?.key;
      }
      draft.depth = parent === undefined ? depth : undefined;
    }
  }

  const unusedColumns = header.filter((name, index) => !used.has(index) && name !== "");
  if (unusedColumns.length > 0) notes.push(`Columns not imported: ${unusedColumns.map((name) => `"${name}"`).join(", ")}.`);
  return { drafts, problems, notes };
}

export function parseMappedCsv(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  options: { defaults?: Partial<FrameworkMetadata>; notes?: string[] } = {},
): ImportResult {
  if (rows.length - 1 > MAX_COMPETENCIES) {
    return failure("csv", [
      {
        kind: "too-large",
        message: `The file holds ${count(rows.length - 1, "row", "rows")}; the limit is ${MAX_COMPETENCIES.toLocaleString(
          "en-CA",
        )} competencies.`,
      },
    ]);
  }
  const { drafts, problems, notes } = mapRows(rows, mapping);
  const name = options.defaults?.name?.trim();
  if (!name) problems.unshift({ kind: "missing-framework", message: "Name the framework: a CSV file does not carry its name.", code: "frameworks.problems.nameFramework" });
  if (problems.length > 0) return failure("csv", problems);
  const statementColumn = typeof mapping.statement === "string" ? `the "${mapping.statement}" column` : "the statement column of its level";
  const tree = buildHierarchy(drafts, {
    id: "URI",
    code: "code",
    idIsCode: true,
    statement: statementColumn,
    parent: isLevelMapping(mapping) ? "the level columns" : `the "${mapping.parentCode}" column`,
  });
  if (!tree.ok) return failure("csv", tree.problems);
  return {
    status: "imported",
    format: "csv",
    framework: { ...options.defaults, name: name! },
    competencies: tree.competencies,
    ignored: [...(options.notes ?? []), ...notes],
  };
}

export interface MappedCsvPreview {
  /** The header, as written. */
  columns: string[];
  /** The first data rows as they will be imported. */
  rows: PreviewRow[];
  /** Data rows in the file. */
  total: number;
  /** Problems of the mapping (a column that is not there) and of the whole file under it. */
  problems: ImportProblem[];
  ignored: string[];
}

/**
 * The first `limit` rows as the mapping reads them, and every problem the import would report —
 * so the mapping form can show both before anything is stored.
 */
export function previewMappedCsv(rows: readonly CsvRow[], mapping: ColumnMapping, limit = 10): MappedCsvPreview {
  const columns = rows[0]?.cells.map((cell) => cell.trim()) ?? [];
  const mapped = mapRows(rows, mapping);
  const problems = [...mapped.problems];
  if (problems.length === 0) {
    const tree = buildHierarchy(mapped.drafts, {
      id: "URI",
      code: "code",
      idIsCode: true,
      statement: "the statement column",
      parent: isLevelMapping(mapping) ? "the level columns" : "the parent code column",
    });
    if (!tree.ok) problems.push(...tree.problems);
  }
  const preview = mapped.drafts.slice(0, limit).map((draft): PreviewRow => {
    const row: PreviewRow = { line: "line" in draft.where ? draft.where.line : 0 };
    if (draft.code) row.code = draft.code;
    if (draft.statement) row.statement = draft.statement;
    if (draft.description) row.description = draft.description;
    if (draft.typeLabel) row.typeLabel = draft.typeLabel;
    if (draft.parent) row.parentCode = draft.parent.written;
    if (draft.depth !== undefined) row.depth = draft.depth;
    return row;
  });
  return { columns, rows: preview, total: Math.max(0, rows.length - 1), problems, ignored: mapped.notes };
}

/** Each column's name and a few values, for the mapping form's choices. */
export function describeColumns(rows: readonly CsvRow[], samples = 3): Array<{ name: string; samples: string[] }> {
  const header = rows[0]?.cells.map((cell) => cell.trim()) ?? [];
  return header.map((name, index) => ({
    name,
    samples: rows
      .slice(1)
      .map((row) => row.cells[index]?.trim() ?? "")
      .filter(Boolean)
      .slice(0, samples),
  }));
}

/**
 * A first guess at the mapping from the column names, for the form to start from: ESCO-style
 * "Level N code" columns become levels (with "Level N preferred term" / "… URI" beside them);
 * otherwise code / statement / description / parent columns are matched by name.
 */
export function suggestColumnMapping(columns: readonly string[]): ColumnMapping | undefined {
  const levelCode = (name: string) => /^level\s*(\d+)\b.*\bcode$/i.exec(name.trim());
  const levelColumns = columns
    .map((name) => ({ name, match: levelCode(name) }))
    .filter((entry) => entry.match)
    .sort((a, b) => Number(a.match![1]) - Number(b.match![1]));
  const find = (pattern: RegExp, except: readonly string[] = []) =>
    columns.find((name) => pattern.test(name.trim()) && !except.includes(name));
  const description = find(/^(description|definition|details?)$/i) ?? find(/description|definition/i);

  if (levelColumns.length >= 2) {
    const alongside = (level: string, pattern: RegExp) =>
      columns.find((name) => new RegExp(`^level\\s*${level}\\b`, "i").test(name.trim()) && pattern.test(name));
    const statements = levelColumns.map(({ match }) => alongside(match![1]!, /term|title|name|label|statement|text/i));
    const uris = levelColumns.map(({ match }) => alongside(match![1]!, /\b(uri|url|iri)\b/i));
    if (statements.some((name) => name === undefined)) return undefined;
    return {
      levelColumns: levelColumns.map(({ name }) => name),
      statement: statements as string[],
      ...(uris.every((name) => name !== undefined) ? { uri: uris as string[] } : {}),
      ...(description ? { description } : {}),
    };
  }
  const parentCode = find(/parent/i);
  const code =
    find(/^(code|id|identifier|coded\s*notation|number|no\.?|ref(erence)?|human\s*coding\s*scheme)$/i) ??
    find(/\bcode\b/i, parentCode ? [parentCode] : []);
  const statement =
    find(/^(statement|competency|competency\s*(text|statement)|full\s*statement|title|name|skill|task|text)$/i) ??
    find(
      /statement|competency|skill|task|title/i,
      [code, parentCode, description].filter((name): name is string => Boolean(name)),
    );
  if (!statement) return undefined;
  return {
    statement,
    ...(code ? { code } : {}),
    ...(parentCode && code ? { parentCode } : {}),
    ...(description ? { description } : {}),
  };
}
