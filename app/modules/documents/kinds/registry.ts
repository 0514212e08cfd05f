import type { DocumentKind, DocumentRefFieldDef, FieldDef, KindDefinition, RichTextDef, RowsFieldDef, SectionDef } from "~/modules/documents/model/types";
import { ASSESSMENT_PLAN } from "~/modules/documents/kinds/assessment-plan";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import { WBL_AGREEMENT } from "~/modules/documents/kinds/wbl-agreement";

export const KIND_DEFINITIONS: Readonly<Record<DocumentKind, KindDefinition>> = {
  credential_spec: CREDENTIAL_SPEC,
  assessment_plan: ASSESSMENT_PLAN,
  wbl_agreement: WBL_AGREEMENT,
};

export type KindRef = DocumentKind | KindDefinition;

export function kindDefinition(kind: KindRef): KindDefinition {
  if (typeof kind !== "string") return kind;
  const definition = KIND_DEFINITIONS[kind];
  if (!definition) throw new Error(`Unknown document kind: ${String(kind)}`);
  return definition;
}

/** Lookups derived once per definition: the model reads them on every keystroke. */
export type KindIndex = {
  definition: KindDefinition;
  fields: FieldDef[];
  texts: RichTextDef[];
  fieldByKey: Map<string, { field: FieldDef; section: SectionDef }>;
  textByKey: Map<string, { text: RichTextDef; section: SectionDef }>;
};

const indexes = new WeakMap<KindDefinition, KindIndex>();

export function kindIndex(kind: KindRef): KindIndex {
  const definition = kindDefinition(kind);
  let index = indexes.get(definition);
  if (index) return index;
  index = { definition, fields: [], texts: [], fieldByKey: new Map(), textByKey: new Map() };
  for (const section of definition.sections) {
    for (const item of section.items) {
      if (item.type === "richtext") {
        if (index.textByKey.has(item.key)) throw new Error(`${definition.kind}: rich-text key "${item.key}" is used twice`);
        index.texts.push(item);
        index.textByKey.set(item.key, { text: item, section });
      } else {
        if (index.fieldByKey.has(item.key)) throw new Error(`${definition.kind}: field key "${item.key}" is used twice`);
        index.fields.push(item);
        index.fieldByKey.set(item.key, { field: item, section });
      }
    }
  }
  indexes.set(definition, index);
  return index;
}

export function rowsField(kind: KindRef, key: string): RowsFieldDef {
  const entry = kindIndex(kind).fieldByKey.get(key);
  if (!entry || entry.field.type !== "rows") throw new Error(`${kindDefinition(kind).kind}: "${key}" is not a rows field`);
  return entry.field;
}

/** Which field of a kind links it to the document its competencies come from, and that kind. */
export type LinkedDocument = { field: string; kind: DocumentKind };

function linkedDocuments(): Partial<Record<DocumentKind, LinkedDocument>> {
  const links: Partial<Record<DocumentKind, LinkedDocument>> = {};
  for (const definition of Object.values(KIND_DEFINITIONS)) {
    const sources = kindIndex(definition).fields.filter((field): field is DocumentRefFieldDef => field.type === "document" && field.competencySource === true);
    if (sources.length > 1) throw new Error(`${definition.kind}: only one document field may be the competency source`);
    const source = sources[0];
    if (!source) continue;
    if (!definition.keyFields.includes(source.key)) throw new Error(`${definition.kind}: the competency source "${source.key}" must be a key field`);
    links[definition.kind] = { field: source.key, kind: source.documentKind };
  }
  return links;
}

/** From the kinds' `competencySource` fields: a plan reads its specification's competencies, an agreement its plan's. */
export const LINKED_DOCUMENT: Readonly<Partial<Record<DocumentKind, LinkedDocument>>> = linkedDocuments();
