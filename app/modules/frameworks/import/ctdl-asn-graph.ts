/**
 * CTDL-ASN, whichever way it was written down: the JSON-LD parser and the bulk-upload CSV parser
 * both turn their input into nodes (an id, types, properties by CTDL-ASN local name) and this
 * module turns nodes into a framework. It is where the leniency real files need lives:
 * - `ceasn:` and `ceterms:` prefixes (and full `purl.org` IRIs) name the same property;
 * - a top-level competency is marked by `isTopChildOf`, by `isChildOf` pointing at the framework,
 *   by that URI with a trailing slash, or only by the framework's `hasTopChild`;
 * - a parent is referenced by its URI (`http`/`https`, trailing slash or not) or its CTID;
 * - `hasChild` / `hasTopChild` give sibling order when present, and a parent when `isChildOf` is
 *   missing;
 * - text is a string, a language map in any tag casing, or JSON-LD value objects.
 */
import { buildHierarchy, type DraftCompetency, type HierarchyLabels } from "~/modules/frameworks/import/hierarchy";
import { dominantLanguage, frameworkLanguage, normaliseLanguageTag, TextPicker } from "~/modules/frameworks/import/language";
import {
  count,
  failure,
  listed,
  MAX_COMPETENCIES,
  noteIf,
  problemAt,
  type FrameworkFormat,
  type FrameworkMetadata,
  type ImportProblem,
  type ImportResult,
  type Location,
} from "~/modules/frameworks/import/types";

export interface CtdlNode {
  /** `@id` as written. */
  id?: string;
  /** `@type` values by local name ("Competency", "CompetencyFramework", "CredentialOrganization"). */
  types: string[];
  /** The first `@type` as the file wrote it ("ceterms:CredentialOrganization"), for notes. */
  writtenType?: string;
  /** Property values by local name ("isChildOf"), with the name as the file wrote it. */
  props: Map<string, { written: string; value: unknown }>;
  where: Location;
}

const PREFIXED = /^(?:ceasn|ceterms|asn):/i;
const FULL_IRI =
  /^https?:\/\/(?:purl\.org\/(?:ctdlasn|ctdl|asn)\/terms|credreg\.net\/(?:ctdlasn|ctdl)\/terms|purl\.org\/ASN\/schema\/core)[/#]/i;

// A file uses a few dozen property names thousands of times: each is worked out once.
const localNames = new Map<string, string>();

/** "ceterms:isChildOf", "ceasn:isChildOf" and the full IRI all name "isChildOf". */
export function localName(name: string): string {
  let local = localNames.get(name);
  if (local === undefined) {
    local = name.trim().replace(PREFIXED, "").replace(FULL_IRI, "");
    if (localNames.size < 1000) localNames.set(name, local);
  }
  return local;
}

/** A key under which two spellings of one reference meet: trailing slashes, http vs https, host case. */
export function referenceKey(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, "");
  const match = /^https?:\/\/([^/?#]+)(.*)$/i.exec(trimmed);
  if (match) return `http://${match[1]!.toLowerCase()}${match[2]}`;
  const ctid = ctidIn(trimmed);
  return ctid && ctid.length === trimmed.length ? `ctid:${ctid}` : trimmed;
}

const CTID = /(?:^|\/)(ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The CTID a value is or ends with ("ce-…", "https://credentialengineregistry.org/resources/ce-…"). */
export function ctidIn(value: string): string | undefined {
  return CTID.exec(value.trim().replace(/\/+$/, ""))?.[1]?.toLowerCase();
}

function isAbsoluteUri(value: string | undefined): value is string {
  return value !== undefined && /^(?:https?|urn):/i.test(value.trim());
}

/** References in a value: strings, `{"@id": …}` objects, arrays of either; CSV cells split on "|". */
export function referencesIn(value: unknown): string[] {
  if (typeof value === "string") {
    if (!value.includes("|")) return value.trim() ? [value.trim()] : [];
    return value
      .split("|")
      .map((part) => part.trim())
      .filter(Boolean);
  }
  if (Array.isArray(value)) return value.length === 1 ? referencesIn(value[0]) : value.flatMap(referencesIn);
  if (typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["@id"] === "string") {
    return referencesIn((value as Record<string, unknown>)["@id"]);
  }
  return [];
}

/** Properties read from a framework node; anything else is reported as not imported. */
const FRAMEWORK_PROPERTIES = new Set([
  "@id",
  "@type",
  "@context",
  "name",
  "description",
  "publisherName",
  "inLanguage",
  "license",
  "rights",
  "ctid",
  "hasTopChild",
  "hasChild",
  "versionCode",
  "versionIdentifier",
]);

/** Properties read from a competency node. */
const COMPETENCY_PROPERTIES = new Set([
  "@id",
  "@type",
  "@context",
  "competencyText",
  "comment",
  "description",
  "competencyCategory",
  "codedNotation",
  "ctid",
  "isChildOf",
  "isTopChildOf",
  "hasChild",
  "isPartOf",
  "inLanguage",
]);

export interface CtdlBuildContext {
  format: Extract<FrameworkFormat, "ctdl-asn-jsonld" | "ctdl-asn-csv">;
  defaults: Partial<FrameworkMetadata>;
  /** Notes from reading the file (encoding, ragged rows). */
  notes: string[];
  /** "property" for JSON-LD, "column" for CSV: how unused input is named in notes. */
  unit: "property" | "column";
}

export function buildCtdlAsnFramework(nodes: readonly CtdlNode[], context: CtdlBuildContext): ImportResult {
  const { format, unit } = context;
  const ignored = [...context.notes];
  const problems: ImportProblem[] = [];

  const frameworks: CtdlNode[] = [];
  const competencyNodes: CtdlNode[] = [];
  const otherTypes = new Map<string, number>();
  let untypedCompetencies = 0;
  for (const node of nodes) {
    if (node.types.includes("CompetencyFramework")) frameworks.push(node);
    else if (node.types.includes("Competency")) competencyNodes.push(node);
    else if (node.types.length === 0 && node.props.has("competencyText")) {
      competencyNodes.push(node);
      untypedCompetencies++;
    } else {
      const type = node.writtenType ?? node.types[0] ?? "(no @type)";
      otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
    }
  }

  if (competencyNodes.length > MAX_COMPETENCIES) {
    const limit = MAX_COMPETENCIES.toLocaleString("en-CA");
    return failure(format, [
      {
        kind: "too-large",
        message: `The file holds ${count(competencyNodes.length, "competency", "competencies")}; the limit is ${limit}.`,
      },
    ]);
  }
  if (frameworks.length > 1) {
    const ids = listed(frameworks.map((node) => node.id ?? "without @id"));
    return failure(format, [
      {
        kind: "malformed",
        message: `The file holds ${frameworks.length} competency frameworks (${ids}): import them one at a time.`,
      },
    ]);
  }
  const frameworkNode = frameworks[0];

  // The language first: every text value is picked in it.
  const declared = frameworkNode ? languageOf(frameworkNode.props.get("inLanguage")?.value) : undefined;
  const textLanguage = dominantLanguage([
    frameworkNode?.props.get("name")?.value,
    ...competencyNodes.slice(0, 200).map((node) => node.props.get("competencyText")?.value),
  ]);
  const language = frameworkLanguage(declared, textLanguage) ?? context.defaults.language;
  const picker = new TextPicker(language);

  const framework = frameworkMetadata(frameworkNode, picker, context.defaults, language);
  if (!framework.name) {
    problems.push({
      kind: "missing-framework",
      message: frameworkNode
        ? `${where(frameworkNode)}: the framework has no name (ceasn:name).`
        : `The file has no ceasn:CompetencyFramework ${unit === "column" ? "row" : "node"}, so the framework has no name: give one.`,
    });
  }

  // References: every spelling of a competency's id (URI, CTID) → its key.
  const frameworkKeys = new Set<string>();
  if (frameworkNode?.id) {
    frameworkKeys.add(referenceKey(frameworkNode.id));
    const ctid = ctidIn(frameworkNode.id);
    if (ctid) frameworkKeys.add(`ctid:${ctid}`);
  }
  if (framework.ctid) frameworkKeys.add(`ctid:${framework.ctid}`);
  if (!frameworkNode) {
    // No framework node: what the competencies call their framework (isTopChildOf, isPartOf) is it.
    for (const node of competencyNodes) {
      for (const ref of referencesIn([node.props.get("isTopChildOf")?.value, node.props.get("isPartOf")?.value])) {
        frameworkKeys.add(referenceKey(ref));
      }
    }
  }

  const keyOf = new Map<CtdlNode, string>();
  const aliases = new Map<string, string>();
  for (const node of competencyNodes) {
    const ctid = textOf(node.props.get("ctid")?.value)?.toLowerCase() ?? (node.id ? ctidIn(node.id) : undefined);
    const code = textOf(node.props.get("codedNotation")?.value);
    const id = node.id?.trim() || ctid || code || ("line" in node.where ? `line-${node.where.line}` : undefined);
    if (!id) {
      problems.push(problemAt(node.where, "malformed", "this competency has no @id."));
      continue;
    }
    const key = referenceKey(id);
    keyOf.set(node, key);
    for (const alias of [key, ctid ? `ctid:${ctid}` : undefined]) {
      if (alias && !aliases.has(alias)) aliases.set(alias, key);
    }
  }
  const resolved = new Map<string, string | "framework" | undefined>();
  const resolve = (ref: string): string | "framework" | undefined => {
    if (resolved.has(ref)) return resolved.get(ref);
    const target = resolveOnce(ref);
    resolved.set(ref, target);
    return target;
  };
  const resolveOnce = (ref: string): string | "framework" | undefined => {
    const key = referenceKey(ref);
    if (frameworkKeys.has(key)) return "framework";
    const ctid = ctidIn(ref);
    if (ctid && frameworkKeys.has(`ctid:${ctid}`)) return "framework";
    return aliases.get(key) ?? (ctid ? aliases.get(`ctid:${ctid}`) : undefined);
  };

  // Downward links (hasChild, hasTopChild): sibling order, and a parent where isChildOf is missing.
  const listedUnder = new Map<string, { parent: string | null; index: number }>();
  let danglingListings = 0;
  const listChildren = (parentKey: string | null, value: unknown) => {
    referencesIn(value).forEach((ref, index) => {
      const child = resolve(ref);
      if (child === undefined || child === "framework") danglingListings++;
      else if (!listedUnder.has(child)) listedUnder.set(child, { parent: parentKey, index });
    });
  };
  if (frameworkNode) listChildren(null, frameworkNode.props.get("hasTopChild")?.value);
  for (const node of competencyNodes) {
    const key = keyOf.get(node);
    if (key) listChildren(key, node.props.get("hasChild")?.value);
  }

  const drafts: DraftCompetency[] = [];
  const unused = new Map<string, number>();
  let labelAsStatement = 0;
  let unplaced = 0;
  let extraParents = 0;
  let listingDisagrees = 0;
  for (const node of competencyNodes) {
    const key = keyOf.get(node);
    if (!key) continue;
    for (const [name, { written }] of node.props) {
      if (!COMPETENCY_PROPERTIES.has(name)) unused.set(written, (unused.get(written) ?? 0) + 1);
    }
    const text = (name: string) => picker.text(node.props.get(name)?.value);
    let statement = text("competencyText");
    if (!statement) {
      const label = text("competencyLabel");
      if (label) {
        statement = label;
        labelAsStatement++;
        unused.delete(node.props.get("competencyLabel")!.written);
      }
    }
    const descriptions = [text("description"), text("comment")].filter((part): part is string => Boolean(part));
    const ctid = textOf(node.props.get("ctid")?.value)?.toLowerCase() ?? (node.id ? ctidIn(node.id) : undefined);

    // The parent: isChildOf first (a competency over the framework), then isTopChildOf, then a listing.
    let parent: DraftCompetency["parent"] = null;
    let placed = false;
    const childOf = referencesIn(node.props.get("isChildOf")?.value);
    if (childOf.length > 0) {
      const targets = childOf.map((ref) => ({ ref, target: resolve(ref) }));
      const competencyParents = targets.filter((entry) => entry.target !== undefined && entry.target !== "framework");
      if (competencyParents.length > 0) {
        parent = { written: competencyParents[0]!.ref, key: competencyParents[0]!.target };
        if (competencyParents.length > 1) extraParents++;
      } else if (!targets.some((entry) => entry.target === "framework")) {
        parent = { written: childOf[0]!, key: undefined };
      }
      placed = true;
    } else if (referencesIn(node.props.get("isTopChildOf")?.value).length > 0) {
      placed = true;
    }
    const listing = listedUnder.get(key);
    if (!placed && listing) {
      parent = listing.parent === null ? null : { written: listing.parent, key: listing.parent };
      placed = true;
    }
    if (!placed) unplaced++;
    const parentKey = parent?.key ?? null;
    if (listing && listing.parent !== parentKey) listingDisagrees++;

    drafts.push({
      key,
      sourceId: node.id?.trim() || (ctid ?? key),
      code: textOf(node.props.get("codedNotation")?.value),
      statement,
      description: descriptions.length > 0 ? [...new Set(descriptions)].join("\n\n") : undefined,
      typeLabel: text("competencyCategory"),
      sourceUri: isAbsoluteUri(node.id) ? node.id.trim() : undefined,
      ctid,
      parent,
      order: listing && listing.parent === parentKey ? listing.index : undefined,
      where: node.where,
    });
  }

  const labels: HierarchyLabels =
    unit === "column"
      ? { id: "@id", code: "ceasn:codedNotation", statement: "the ceasn:competencyText column", parent: "ceasn:isChildOf" }
      : { id: "@id", code: "ceasn:codedNotation", statement: "ceasn:competencyText", parent: "ceasn:isChildOf" };
  const tree = buildHierarchy(drafts, labels);
  if (!tree.ok) problems.push(...tree.problems);
  if (problems.length > 0 || !tree.ok) return failure(format, sortProblems(problems));

  if (frameworkNode) {
    const unusedOnFramework = [...frameworkNode.props]
      .filter(([name]) => !FRAMEWORK_PROPERTIES.has(name) && !name.startsWith("@"))
      .map(([, { written }]) => written);
    if (unusedOnFramework.length > 0) ignored.push(`Not imported from the framework: ${unusedOnFramework.join(", ")}.`);
  }
  if (unused.size > 0) {
    const [one, many] = unit === "column" ? ["row", "rows"] : ["competency", "competencies"];
    const parts = [...unused].filter(([written]) => !written.startsWith("@")).map(([written, n]) => `${written} (${count(n, one, many)})`);
    if (parts.length > 0) ignored.push(`Not imported from the competencies: ${parts.join(", ")}.`);
  }
  const [row, rows] = unit === "column" ? ["row", "rows"] : ["node", "nodes"];
  for (const [type, n] of otherTypes) ignored.push(`${count(n, `${row} of type ${type}`, `${rows} of type ${type}`)} not imported.`);
  // One note per leniency, only when it happened.
  ignored.push(
    ...noteIf(untypedCompetencies, "node has", "nodes have", "no @type but a ceasn:competencyText: imported as competencies."),
    ...noteIf(
      labelAsStatement,
      "competency has",
      "competencies have",
      "no ceasn:competencyText: its ceasn:competencyLabel is the statement.",
    ),
    ...noteIf(
      unplaced,
      "competency has",
      "competencies have",
      "no isChildOf or isTopChildOf and no hasChild listing: placed at the top level.",
    ),
    ...noteIf(extraParents, "competency has", "competencies have", "more than one parent (ceasn:isChildOf): only the first is kept."),
    ...noteIf(
      listingDisagrees,
      "competency is",
      "competencies are",
      "listed in a hasChild or hasTopChild that disagrees with its isChildOf: isChildOf was followed.",
    ),
    ...noteIf(
      danglingListings,
      "hasChild or hasTopChild link points",
      "hasChild or hasTopChild links point",
      "at no competency of this file: ignored.",
    ),
  );
  const languageNote = picker.note();
  if (languageNote) ignored.push(languageNote);

  return { status: "imported", format, framework, competencies: tree.competencies, ignored };
}

function frameworkMetadata(
  node: CtdlNode | undefined,
  picker: TextPicker,
  defaults: Partial<FrameworkMetadata>,
  language: string | undefined,
): FrameworkMetadata {
  const text = (name: string) => (node ? picker.text(node.props.get(name)?.value) : undefined);
  const ctid = (node && textOf(node.props.get("ctid")?.value)?.toLowerCase()) ?? (node?.id ? ctidIn(node.id) : undefined);
  const sourceUri = isAbsoluteUri(node?.id) ? node.id.trim() : undefined;
  const licenseValue = textOf(node?.props.get("license")?.value) ?? referencesIn(node?.props.get("license")?.value)[0];
  const rights = text("rights") ?? referencesIn(node?.props.get("rights")?.value)[0];
  const licenceUri = [licenseValue, rights].find(isAbsoluteUri);
  const licence = [licenseValue, rights].find((value) => value !== undefined && !isAbsoluteUri(value));
  const version = text("versionCode") ?? identifierValue(node?.props.get("versionIdentifier")?.value);
  const metadata: FrameworkMetadata = {
    ...defaults,
    name: text("name") ?? defaults.name ?? "",
  };
  const set = <K extends keyof FrameworkMetadata>(key: K, value: FrameworkMetadata[K] | undefined) => {
    if (value !== undefined && value !== "") metadata[key] = value;
  };
  set("description", text("description"));
  set("publisher", text("publisherName"));
  set("version", version);
  set("language", language);
  set("ctid", ctid);
  set("sourceUri", sourceUri);
  set("sourceIdentifier", ctid ?? sourceUri);
  set("licence", licence);
  set("licenceUri", licenceUri);
  return metadata;
}

function identifierValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return identifierValue(value[0]);
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) if (localName(key) === "identifierValueCode") return textOf(inner);
  }
  return undefined;
}

function languageOf(value: unknown): string | undefined {
  for (const ref of Array.isArray(value) ? value : [value]) {
    if (typeof ref === "string") {
      const tag = normaliseLanguageTag(ref.split("|")[0] ?? "");
      if (tag) return tag;
    }
  }
  return undefined;
}

/** A plain string value (first of an array), trimmed; language maps are not plain strings. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  return value.trim() || undefined;
}

function where(node: CtdlNode): string {
  return "line" in node.where ? `Line ${node.where.line}` : node.where.label;
}

/** File order: by line, then as found. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}
