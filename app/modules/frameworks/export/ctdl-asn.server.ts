/**
 * A framework out of Concord in Credential Engine's formats: CTDL-ASN JSON-LD (a `@graph` of the
 * `ceasn:CompetencyFramework` and its `ceasn:Competency` nodes, shaped to the registry's JSON
 * schemas) and the CTDL-ASN CSV bulk-upload layout, which the importer reads back unchanged.
 *
 * The registry requires a CTID (`ce-<uuid>`) on every node. A node that arrived with one keeps it;
 * a CASE item's identifier (a UUID) becomes `ce-<identifier>`, as Credential Engine's own CASE
 * converter does; anything else gets a name-based UUID (v5) from the framework's source identifier
 * and the competency's, so exporting the same framework twice gives the same CTIDs.
 */
import { createHash } from "node:crypto";
import { writeCsv } from "~/modules/frameworks/import/csv-reader";
import type { FrameworkMetadata, ImportedCompetency } from "~/modules/frameworks/import/types";

/** The CTDL-ASN JSON-LD context (the registry's JSON schemas still name its older http:// form). */
export const CTDL_ASN_CONTEXT = "https://credreg.net/ctdlasn/schema/context/json";
/** Where the registry publishes a resource: this base + its CTID. */
export const REGISTRY_RESOURCES = "https://credentialengineregistry.org/resources/";

/** What an export needs of a competency (depth is recomputed from the parents). */
export type ExportedCompetency = Omit<ImportedCompetency, "depth">;

export interface CtdlAsnExportOptions {
  /** `@id` base for nodes without a URI of their own: the base + the CTID. */
  idBase?: string;
  /** The `@context` to write. */
  context?: string;
}

type LangString = Record<string, string>;
type JsonLdNode = Record<string, unknown>;

export interface CtdlAsnDocument {
  "@context": string;
  "@graph": [JsonLdNode, ...JsonLdNode[]];
}

const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CTID = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 4122 name-based UUID, version 5 (SHA-1), in the URL namespace by default. */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isHttpUri(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/\S+$/i.test(value);
}

interface Identity {
  ctid: string;
  id: string;
}

/** Each node's CTID and `@id`, and the competencies in tree order (parents first, siblings in order). */
function identify(framework: FrameworkMetadata, competencies: readonly ExportedCompetency[], idBase: string) {
  const frameworkKey = framework.sourceIdentifier ?? framework.sourceUri ?? `${framework.name}|${framework.version ?? ""}`;
  const ctidFor = (given: string | undefined, sourceId: string | undefined, name: string) => {
    if (given && CTID.test(given)) return given.toLowerCase();
    if (sourceId && UUID.test(sourceId)) return `ce-${sourceId.toLowerCase()}`;
    if (sourceId && CTID.test(sourceId)) return sourceId.toLowerCase();
    return `ce-${uuidV5(name)}`;
  };
  const frameworkCtid = ctidFor(framework.ctid, framework.sourceIdentifier, `concord:framework:${frameworkKey}`);
  const frameworkIdentity: Identity = {
    ctid: frameworkCtid,
    id: isHttpUri(framework.sourceUri) ? framework.sourceUri : `${idBase}${frameworkCtid}`,
  };
  const identities = new Map<string, Identity>();
  for (const competency of competencies) {
    const ctid = ctidFor(competency.ctid, competency.sourceId, `concord:competency:${frameworkKey}#${competency.sourceId}`);
    identities.set(competency.sourceId, { ctid, id: isHttpUri(competency.sourceUri) ? competency.sourceUri : `${idBase}${ctid}` });
  }

  const children = new Map<string | null, ExportedCompetency[]>();
  for (const competency of competencies) {
    const parent = competency.parentSourceId !== null && identities.has(competency.parentSourceId) ? competency.parentSourceId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(competency);
    else children.set(parent, [competency]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.order - b.order);
  const ordered: ExportedCompetency[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  const seen = new Set<string>();
  while (stack.length > 0) {
    const competency = stack.pop()!;
    if (seen.has(competency.sourceId)) continue;
    seen.add(competency.sourceId);
    ordered.push(competency);
    stack.push(...[...(children.get(competency.sourceId) ?? [])].reverse());
  }
  return { frameworkIdentity, identities, children, ordered };
}

/** CTDL-ASN JSON-LD for a framework and its competencies. */
export function toCtdlAsnJsonLd(
  framework: FrameworkMetadata,
  competencies: readonly ExportedCompetency[],
  options: CtdlAsnExportOptions = {},
): CtdlAsnDocument {
  const language = framework.language ?? "en";
  const text = (value: string): LangString => ({ [language]: value });
  const { frameworkIdentity, identities, children, ordered } = identify(framework, competencies, options.idBase ?? REGISTRY_RESOURCES);
  const idOf = (competency: ExportedCompetency) => identities.get(competency.sourceId)!.id;

  const frameworkNode: JsonLdNode = {
    "@id": frameworkIdentity.id,
    "@type": "ceasn:CompetencyFramework",
    "ceterms:ctid": frameworkIdentity.ctid,
    "ceasn:name": text(framework.name),
    // The registry requires a description; the name stands in when the source had none.
    "ceasn:description": text(framework.description ?? framework.name),
    "ceasn:inLanguage": [language],
  };
  if (framework.publisher) frameworkNode["ceasn:publisherName"] = text(framework.publisher);
  if (isHttpUri(framework.licenceUri)) frameworkNode["ceasn:license"] = framework.licenceUri;
  const top = children.get(null) ?? [];
  if (top.length > 0) frameworkNode["ceasn:hasTopChild"] = top.map(idOf);

  const competencyNodes = ordered.map((competency): JsonLdNode => {
    const node: JsonLdNode = {
      "@id": idOf(competency),
      "@type": "ceasn:Competency",
      "ceterms:ctid": identities.get(competency.sourceId)!.ctid,
      "ceasn:competencyText": text(competency.statement),
      "ceasn:inLanguage": [language],
      "ceasn:isPartOf": [frameworkIdentity.id],
    };
    if (competency.code) node["ceasn:codedNotation"] = competency.code;
    if (competency.description) node["ceasn:comment"] = text(competency.description);
    if (competency.typeLabel) node["ceasn:competencyCategory"] = [text(competency.typeLabel)];
    const parent = competency.parentSourceId !== null ? identities.get(competency.parentSourceId) : undefined;
    if (parent) node["ceasn:isChildOf"] = [parent.id];
    else node["ceasn:isTopChildOf"] = frameworkIdentity.id;
    const own = children.get(competency.sourceId);
    if (own && own.length > 0) node["ceasn:hasChild"] = own.map(idOf);
    return node;
  });

  return { "@context": options.context ?? CTDL_ASN_CONTEXT, "@graph": [frameworkNode, ...competencyNodes] };
}

/** The CTDL-ASN CSV bulk-upload columns, in the order Credential Engine's examples use. */
export const CTDL_ASN_CSV_COLUMNS = [
  "@id",
  "ceterms:ctid",
  "ceasn:isTopChildOf",
  "ceasn:isChildOf",
  "ceasn:competencyCategory",
  "ceasn:codedNotation",
  "ceasn:competencyText",
  "ceasn:comment",
  "@type",
  "ceasn:name",
  "ceasn:description",
  "ceasn:publisherName",
  "ceasn:inLanguage",
  "ceasn:license",
] as const;

type CsvColumn = (typeof CTDL_ASN_CSV_COLUMNS)[number];

/** The framework row, then one row per competency in tree order: the importer reads it back as it was. */
export function toCtdlAsnCsv(
  framework: FrameworkMetadata,
  competencies: readonly ExportedCompetency[],
  options: Pick<CtdlAsnExportOptions, "idBase"> = {},
): string {
  const { frameworkIdentity, identities, ordered } = identify(framework, competencies, options.idBase ?? REGISTRY_RESOURCES);
  const row = (values: Partial<Record<CsvColumn, string | undefined>>) => CTDL_ASN_CSV_COLUMNS.map((column) => values[column] ?? "");
  const rows = [
    [...CTDL_ASN_CSV_COLUMNS],
    row({
      "@id": frameworkIdentity.id,
      "ceterms:ctid": frameworkIdentity.ctid,
      "@type": "ceasn:CompetencyFramework",
      "ceasn:name": framework.name,
      "ceasn:description": framework.description,
      "ceasn:publisherName": framework.publisher,
      "ceasn:inLanguage": framework.language,
      "ceasn:license": framework.licenceUri,
    }),
    ...ordered.map((competency) => {
      const identity = identities.get(competency.sourceId)!;
      const parent = competency.parentSourceId !== null ? identities.get(competency.parentSourceId) : undefined;
      return row({
        "@id": identity.id,
        "ceterms:ctid": identity.ctid,
        "ceasn:isTopChildOf": parent ? undefined : frameworkIdentity.id,
        "ceasn:isChildOf": parent?.id,
        "ceasn:competencyCategory": competency.typeLabel,
        "ceasn:codedNotation": competency.code,
        "ceasn:competencyText": competency.statement,
        "ceasn:comment": competency.description,
        "@type": "ceasn:Competency",
      });
    }),
  ];
  return writeCsv(rows);
}
