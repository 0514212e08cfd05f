/**
 * # The document model — the three document kinds as pure TypeScript (no React, Remix or DB)
 *
 * ## Y.Doc layout (the contract shared by editor, UI, collaboration server and persistence)
 *
 * ```
 * ydoc.getMap("meta")                 { kind: "credential_spec" | "assessment_plan" | "wbl_agreement", layout: 1 }
 * ydoc.getMap("fields")               one key per structured field of the kind (keys: kinds/*.ts)
 *   scalar field                      plain JSON: string | number | boolean | null; absent = empty
 *                                       text/longtext/url/email/select/date ("YYYY-MM-DD") → string
 *                                       number/integer/money_cad (dollars, e.g. 1450.5) → number
 *                                       boolean → boolean; document/competency refs → id string
 *                                       A value that does not parse (e.g. "12a" in a number field)
 *                                       is stored AS TYPED so everyone sees it and it is flagged.
 *   multiselect field                 Y.Array<string>  (concurrent ticks of different options merge)
 *   rows field                        Y.Array<Y.Map>; each row map: { id: string, <cell>: value, … }
 *                                       id: stable, unique in the document, no dots (path segment);
 *                                       multiselect cells are Y.Array<string>; no nested rows.
 *   coverage field                    Y.Map keyed "<assessmentRowId>|<competencyId>" → true (plan's matrix)
 * ydoc.getXmlFragment("text:<key>")   one per rich-text block (Tiptap StarterKit, y-prosemirror shape)
 * ```
 * Each field and each row cell is its own Y.Map key, so concurrent edits of different fields or
 * cells never overwrite each other; the same key is last-writer-wins. Nested Y.Arrays must exist
 * before people edit (two clients creating one would race): `newDocumentFromTemplate` creates them,
 * and `ensureLayout` repairs an older document — run it in ONE place (the server), never per client.
 *
 * Paths name values everywhere (issues, checklist, diff): `title`, `competencies.<rowId>.level`,
 * `competencies.<rowId>` (a row), `text:purpose` (a rich-text block). `anchorFor(path)` gives the
 * element id to put on the input (`field-competencies-<rowId>-level`), `sectionAnchor(key)` the
 * section's (`section-identity`).
 *
 * ## API
 * Kinds (plain data the UI renders; labels are for people):
 *   kindDefinition(kind) → KindDefinition { kind, label, sections: SectionDef[], keyFields, … }
 *   SectionDef { key, title, intro?, items: (FieldDef | RichTextDef)[] }   — array order = TOC order
 *   FieldDef   { key, label, type, required?, help?, showWhen?, initial?, options? (select,
 *                multiselect), min?/max?/unit? (numbers), maxLength?/pattern? (text),
 *                documentKind? (document), fields/itemLabel/titleFields/minRows? (rows) }
 *   tableOfContents(kind) → { key, title, anchor }[]
 *
 * Reading and writing a live Y.Doc (what the UI binds inputs to):
 *   readFields(ydoc) → stored JSON;  fieldsMap(ydoc) (observeDeep it);  textFragment(ydoc, key)
 *   parseInput(field, raw) → value to store;  checkValue(field, value) → inline message | null
 *   setValue(ydoc, kind, path, value, origin?)          scalar, multiselect (array) or row cell
 *   setValues(ydoc, kind, {key: value}) / addRows / replaceRows   (bulk: imports, demo)
 *   addRow(ydoc, kind, rowsKey, values?, {id?, index?}) → rowId;  removeRow(…);  moveRow(…)
 *   setCellOnRows(ydoc, kind, rowsKey, rowIds, cellKey, value) / removeRows(…)   (bulk, one pass)
 *   rowMap(ydoc, rowsKey, rowId) → Y.Map | null;   RowNotFoundError when a row vanished meanwhile
 *   readText(ydoc, key) / writeText(ydoc, key, prosemirrorJSON)   (the editor writes via Tiptap)
 *
 * Canonical form, hash, projection, checks, diff (pure):
 *   canonicalDocument(ydoc, kind) → CanonicalDocument { format, kind, fields, text: {key: {doc, plain}} }
 *   canonicalFrom(kind, storedFields, textsByKey) → the same from plain data
 *   canonicalHash(canonical) → Promise<sha-256 hex>   (Web Crypto: browser and Node alike)
 *   canonicalString(canonical) → the exact string hashed (RFC 8785, ~/utils/canonical-json)
 *   projectDocument(canonical, kind?, {linkedCompetencies?}) → { title, keyFields, competencies,
 *                                                   completeness, validationErrors }
 *   validateFields(kind, fields, {today?, linkedCompetencies?}) → FieldIssue[] (errors + warnings)
 *   completeness(kind, canonical, {linkedCompetencies?}) → { required, filled, percent, missing[] }
 *   diffCanonical(before, after, {granularity?}) → { identical, fields: FieldChange[], text: TextChange[] }
 *   diffText(a, b, "word" | "line") → DiffOp[]
 *   touchedPaths(transaction) → { field, row }[]   what a Y transaction changed (authorship, server)
 *
 * Documents as Yjs updates:
 *   newDocumentFromTemplate(kind, {title?}) → Uint8Array   (store as the first state)
 *   duplicateDocument(sourceState, {title?}) → Uint8Array  (content only, fresh history)
 *
 * Assessment plan (kinds/assessment-plan.ts; rules in modules/coverage/rules.ts):
 *   planCoverage(fields, {linkedCompetencies, linkedKeyFields?}) → CoverageReport | null
 *   setCoverage(ydoc, kind, "coverage", assessmentId, competencyIds, ticked) → cells changed
 *   coverageMap(ydoc, "coverage") → the live Y.Map (keys "<assessmentId>|<competencyId>")
 *   migratePerCompetencyRows(planYdoc) (kinds/assessment-migration.ts; run server-side, once)
 *
 * Demo content: import from "~/modules/documents/kinds/demo" (kept out of this index).
 */

export type {
  CanonicalDocument,
  CanonicalFields,
  CanonicalRow,
  CanonicalText,
  CompletenessReport,
  Condition,
  DocumentKind,
  FieldDef,
  FieldIssue,
  FieldType,
  JsonScalar,
  JsonValue,
  KindDefinition,
  Location,
  MissingItem,
  ModelContext,
  Option,
  ProjectedCompetency,
  ProseMirrorJSON,
  RichTextDef,
  RowFieldDef,
  RowsFieldDef,
  CoverageFieldDef,
  SectionDef,
  SectionItem,
} from "~/modules/documents/model/types";
export { CANONICAL_FORMAT } from "~/modules/documents/model/types";

export { KIND_DEFINITIONS, kindDefinition, kindIndex, LINKED_DOCUMENT, rowsField, type KindRef, type LinkedDocument } from "~/modules/documents/kinds/registry";
export { canonicalDocument, canonicalFrom, canonicalHash, canonicalString } from "~/modules/documents/model/canonical";
export { completeness } from "~/modules/documents/model/completeness";
export { diffCanonical, type CanonicalDiff, type FieldChange, type TextChange } from "~/modules/documents/model/diff";
export { jsonEqual } from "~/modules/documents/model/json";
export { makeLocator, rowTitle } from "~/modules/documents/model/locate";
export { projectDocument, type DocumentProjection } from "~/modules/documents/model/projection";
export { docToPlainText, isEmptyDoc, markdownToDoc, richTextSchema, RICH_TEXT_HEADING_LEVELS } from "~/modules/documents/model/richtext";
export { buildTemplate, duplicateDocument, newDocumentFromTemplate } from "~/modules/documents/model/template";
export { diffText, type DiffOp } from "~/modules/documents/model/text-diff";
export { checkValue, issuesByPath, validateFields } from "~/modules/documents/model/validate";
export { anchorFor, cellPath, isEmptyValue, isShown, parseInput, parsePath, rowPath, rowsOf, sectionAnchor, textPath, type ParsedPath } from "~/modules/documents/model/values";
export {
  addRow,
  addRows,
  documentKindOf,
  ensureLayout,
  FIELDS_MAP,
  fieldsMap,
  LAYOUT_VERSION,
  META_MAP,
  moveRow,
  newRowId,
  readFields,
  readText,
  removeRow,
  removeRows,
  setCellOnRows,
  setCoverage,
  coverageMap,
  replaceRows,
  RowNotFoundError,
  rowMap,
  setValue,
  setValues,
  TEXT_FRAGMENT_PREFIX,
  textFragment,
  textFragmentName,
  writeText,
} from "~/modules/documents/model/ydoc";
export { tableOfContents, type TocEntry } from "~/modules/documents/model/toc";
export { touchedPaths, type TouchedPath } from "~/modules/documents/model/touched";
export { planCoverage } from "~/modules/documents/kinds/assessment-plan";
export { coverageKey, coveragePairs, parseCoverageKey } from "~/modules/documents/model/coverage-cells";
