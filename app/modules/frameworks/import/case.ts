/**
 * 1EdTech CASE packages (1.0 and 1.1): `CFDocument`, `CFItems`, `CFAssociations`. Items carry no
 * parent: an `isChildOf` association does (origin = the child, destination = its parent item or
 * the CFDocument), and its `sequenceNumber` orders siblings. Read leniently: CASE 1.0 packages
 * carry fields the 1.1 schema refuses (`CFDocumentURI`, `CFPackageURI`) — they are listed as
 * ignored, not refused; without sequence numbers, siblings keep the order of their associations
 * in the file (the order the framework's editor saved; items are often sorted by code instead).
 */
import { buildHierarchy, type DraftCompetency } from "~/modules/frameworks/import/hierarchy";
import { normaliseLanguageTag } from "~/modules/frameworks/import/language";
import {
  count,
  failure,
  MAX_COMPETENCIES,
  noteIf,
  problemAt,
  type FrameworkMetadata,
  type ImportProblem,
  type ImportResult,
  type Location,
} from "~/modules/frameworks/import/types";

/**
 * The properties the official CASE 1.1 CFPackage schema allows on each object
 * (`case-v1p1-cfpackage.json`, every object `additionalProperties: false`); a test keeps these
 * lists equal to the schema.
 */
export const CASE_1_1_PROPERTIES = {
  CFPackage: ["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"],
  CFDocument: [
    "identifier",
    "uri",
    "frameworkType",
    "caseVersion",
    "creator",
    "title",
    "lastChangeDateTime",
    "officialSourceURL",
    "publisher",
    "description",
    "subject",
    "subjectURI",
    "language",
    "version",
    "adoptionStatus",
    "statusStartDate",
    "statusEndDate",
    "licenseURI",
    "notes",
    "extensions",
  ],
  CFItem: [
    "identifier",
    "fullStatement",
    "alternativeLabel",
    "CFItemType",
    "uri",
    "humanCodingScheme",
    "listEnumeration",
    "abbreviatedStatement",
    "conceptKeywords",
    "conceptKeywordsURI",
    "notes",
    "subject",
    "subjectURI",
    "language",
    "educationLevel",
    "CFItemTypeURI",
    "licenseURI",
    "statusStartDate",
    "statusEndDate",
    "lastChangeDateTime",
    "extensions",
  ],
  CFAssociation: [
    "identifier",
    "associationType",
    "sequenceNumber",
    "uri",
    "originNodeURI",
    "destinationNodeURI",
    "CFAssociationGroupingURI",
    "lastChangeDateTime",
    "notes",
    "extensions",
  ],
} as const;

/** What the import reads from each object; allowed-but-unread content is reported as not imported. */
const READ = {
  CFDocument: new Set([
    "identifier",
    "uri",
    "creator",
    "title",
    "publisher",
    "description",
    "language",
    "version",
    "licenseURI",
    "caseVersion",
  ]),
  CFItem: new Set(["identifier", "uri", "fullStatement", "humanCodingScheme", "CFItemType", "CFItemTypeURI", "notes", "language"]),
  CFAssociation: new Set(["identifier", "uri", "associationType", "sequenceNumber", "originNodeURI", "destinationNodeURI"]),
};
/** Bookkeeping every object carries: neither imported nor worth a note. */
const BOOKKEEPING = new Set(["lastChangeDateTime"]);

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The package object of a CASE file: top level, or wrapped as `{"CFPackage": …}`. */
export function casePackageOf(json: unknown): JsonObject | undefined {
  if (!isRecord(json)) return undefined;
  if (isRecord(json.CFDocument)) return json;
  if (isRecord(json.CFPackage) && isRecord(json.CFPackage.CFDocument)) return json.CFPackage;
  return undefined;
}

/** A LinkURI's identifier (`{title, identifier, uri}`), or a bare identifier / URI string. */
function linkIdentifier(value: unknown): { identifier?: string; uri?: string } {
  if (typeof value === "string") return /^https?:/i.test(value) ? { uri: value.trim() } : { identifier: value.trim() };
  if (!isRecord(value)) return {};
  return { identifier: str(value.identifier), uri: str(value.uri) };
}

export function parseCasePackage(json: unknown, options: { defaults?: Partial<FrameworkMetadata>; notes?: string[] } = {}): ImportResult {
  const pkg = casePackageOf(json);
  if (!pkg) return failure("case", [{ kind: "missing-framework", message: "The CASE package has no CFDocument." }]);
  const ignored = [...(options.notes ?? [])];
  const problems: ImportProblem[] = [];
  const document = pkg.CFDocument as JsonObject;
  const items = Array.isArray(pkg.CFItems) ? pkg.CFItems : [];
  const associations = Array.isArray(pkg.CFAssociations) ? pkg.CFAssociations : [];

  if (items.length > MAX_COMPETENCIES) {
    return failure("case", [
      {
        kind: "too-large",
        message: `The package holds ${count(items.length, "CFItem", "CFItems")}; the limit is ${MAX_COMPETENCIES.toLocaleString("en-CA")}.`,
      },
    ]);
  }

  // Fields outside the CASE 1.1 schema (CASE 1.0's CFDocumentURI, CFPackageURI…) and allowed fields not imported.
  const outsideSchema = new Map<string, number>();
  const notImported = new Map<string, number>();
  const tally = (kind: keyof typeof READ, object: JsonObject, path: string) => {
    const allowed: readonly string[] = CASE_1_1_PROPERTIES[kind];
    for (const key of Object.keys(object)) {
      const name = `${path}.${key}`;
      if (!allowed.includes(key)) outsideSchema.set(name, (outsideSchema.get(name) ?? 0) + 1);
      else if (!READ[kind].has(key) && !BOOKKEEPING.has(key)) notImported.set(name, (notImported.get(name) ?? 0) + 1);
    }
  };
  for (const key of Object.keys(pkg)) {
    if (!(CASE_1_1_PROPERTIES.CFPackage as readonly string[]).includes(key)) outsideSchema.set(key, 1);
  }
  tally("CFDocument", document, "CFDocument");

  const documentId = str(document.identifier);
  const documentUri = str(document.uri);
  const language = normaliseLanguageTag(str(document.language) ?? "") ?? options.defaults?.language;

  // Items by identifier (case-insensitive: they are UUIDs), and by URI for links that only give one.
  const itemKey = (identifier: string) => identifier.toLowerCase();
  const byUri = new Map<string, string>();
  const itemWhere = new Map<string, Location>();
  const itemDrafts: Array<{ item: JsonObject; key: string; where: Location }> = [];
  items.forEach((raw, index) => {
    if (!isRecord(raw)) {
      problems.push({ kind: "malformed", nodeId: `CFItems[${index}]`, message: `CFItems[${index}] is not an object.` });
      return;
    }
    tally("CFItem", raw, "CFItems[]");
    const identifier = str(raw.identifier);
    if (!identifier) {
      problems.push({ kind: "malformed", nodeId: `CFItems[${index}]`, message: `CFItems[${index}]: the item has no identifier.` });
      return;
    }
    const where: Location = { nodeId: identifier, label: `CFItem ${identifier}`, position: `CFItems[${index}]` };
    const key = itemKey(identifier);
    if (!itemWhere.has(key)) itemWhere.set(key, where);
    const uri = str(raw.uri);
    if (uri && !byUri.has(uri)) byUri.set(uri, key);
    itemDrafts.push({ item: raw, key, where });
  });

  const isDocument = (link: { identifier?: string; uri?: string }) =>
    (link.identifier !== undefined && documentId !== undefined && link.identifier.toLowerCase() === documentId.toLowerCase()) ||
    (link.uri !== undefined && link.uri === documentUri);
  const resolveItem = (link: { identifier?: string; uri?: string }) => {
    if (link.identifier && itemWhere.has(itemKey(link.identifier))) return itemKey(link.identifier);
    return link.uri ? byUri.get(link.uri) : undefined;
  };

  // isChildOf associations: the first one per child decides its parent; the rest are reported.
  const parentLink = new Map<string, { parent: DraftCompetency["parent"]; order?: number; position: number }>();
  const otherTypes = new Map<string, number>();
  let withoutSequence = 0;
  let extraParents = 0;
  let danglingOrigins = 0;
  associations.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    tally("CFAssociation", raw, "CFAssociations[]");
    const type = str(raw.associationType) ?? "";
    if (type.replace(/\s+/g, "").toLowerCase() !== "ischildof") {
      otherTypes.set(type || "(none)", (otherTypes.get(type || "(none)") ?? 0) + 1);
      return;
    }
    const child = resolveItem(linkIdentifier(raw.originNodeURI));
    if (!child) {
      danglingOrigins++;
      return;
    }
    if (parentLink.has(child)) {
      extraParents++;
      return;
    }
    const destination = linkIdentifier(raw.destinationNodeURI);
    const sequence = typeof raw.sequenceNumber === "number" ? raw.sequenceNumber : Number(str(raw.sequenceNumber) ?? NaN);
    if (!Number.isFinite(sequence)) withoutSequence++;
    const order = Number.isFinite(sequence) ? sequence : undefined;
    // Under the CFDocument: a top-level item.
    const parent = isDocument(destination)
      ? null
      : { written: destination.identifier ?? destination.uri ?? "(no destination)", key: resolveItem(destination) };
    parentLink.set(child, { parent, order, position: index });
  });

  // Sibling order: sequenceNumber, then the association's place in the file, then the item's.
  let unplaced = 0;
  const drafts: DraftCompetency[] = itemDrafts.map(({ item, key, where }, index) => {
    const link = parentLink.get(key);
    if (!link) unplaced++;
    const identifier = str(item.identifier)!;
    const typeLabel = str(item.CFItemType) ?? (isRecord(item.CFItemTypeURI) ? str(item.CFItemTypeURI.title) : undefined);
    return {
      key,
      sourceId: identifier,
      code: str(item.humanCodingScheme),
      statement: str(item.fullStatement),
      description: str(item.notes),
      typeLabel,
      sourceUri: str(item.uri),
      parent: link ? link.parent : null,
      order: link ? link.order ?? 1e12 + link.position : 2e12 + index,
      where,
    };
  });

  const tree = buildHierarchy(drafts, {
    id: "identifier",
    code: "humanCodingScheme",
    statement: "fullStatement",
    parent: "isChildOf",
  });
  if (!tree.ok) problems.push(...tree.problems);
  const name = str(document.title) ?? options.defaults?.name;
  if (!name)
    problems.unshift(
      problemAt(
        { nodeId: documentId ?? "CFDocument", label: `CFDocument ${documentId ?? ""}`.trim() },
        "missing-framework",
        "the CFDocument has no title.",
      ),
    );
  if (problems.length > 0 || !tree.ok) return failure("case", problems);

  // The licence: CFDocument.licenseURI names a CFLicense in CFDefinitions, which holds the text.
  const licenseLink = linkIdentifier(document.licenseURI);
  const definitions = isRecord(pkg.CFDefinitions) ? pkg.CFDefinitions : {};
  const licences = Array.isArray(definitions.CFLicenses) ? definitions.CFLicenses.filter(isRecord) : [];
  const licence = licences.find((entry) => licenseLink.identifier !== undefined && str(entry.identifier) === licenseLink.identifier);
  const licenceText = licence
    ? str(licence.licenseText) ?? str(licence.title)
    : isRecord(document.licenseURI)
    ? str(document.licenseURI.title)
    : undefined;

  const framework: FrameworkMetadata = { ...options.defaults, name: name! };
  const set = <K extends keyof FrameworkMetadata>(key: K, value: FrameworkMetadata[K] | undefined) => {
    if (value !== undefined) framework[key] = value;
  };
  set("description", str(document.description));
  set("publisher", str(document.publisher) ?? str(document.creator));
  set("version", str(document.version));
  set("language", language);
  set("sourceIdentifier", documentId ?? documentUri);
  set("sourceUri", documentUri);
  set("licence", licenceText);
  set("licenceUri", licenseLink.uri ?? (licence ? str(licence.uri) : undefined));

  const caseVersion = str(document.caseVersion);
  const withCount = ([field, n]: [string, number]) => (n > 1 ? `${field} (${n.toLocaleString("en-CA")})` : field);
  if (outsideSchema.size > 0) {
    const fields = [...outsideSchema].map(withCount);
    ignored.push(
      `Fields the CASE 1.1 schema does not allow were ignored${caseVersion ? "" : " (this is a CASE 1.0 package)"}: ${fields.join(", ")}.`,
    );
  }
  if (notImported.size > 0) ignored.push(`Not imported: ${[...notImported].map(withCount).join(", ")}.`);
  for (const [kind, value] of Object.entries(definitions)) {
    // The licence the CFDocument names is imported (its text); other definitions are not.
    const unread = Array.isArray(value) ? value.filter((entry) => entry !== licence).length : 0;
    if (unread > 0) ignored.push(`CFDefinitions.${kind} (${unread.toLocaleString("en-CA")}) not imported.`);
  }
  if (Array.isArray(pkg.CFRubrics) && pkg.CFRubrics.length > 0)
    ignored.push(`CFRubrics (${pkg.CFRubrics.length.toLocaleString("en-CA")}) not imported.`);
  if (otherTypes.size > 0) {
    const parts = [...otherTypes].map(([type, n]) => `${type} (${n.toLocaleString("en-CA")})`);
    ignored.push(`Associations other than isChildOf were not imported: ${parts.join(", ")}.`);
  }
  if (withoutSequence > 0 && withoutSequence === parentLink.size) {
    ignored.push("No isChildOf association has a sequenceNumber: siblings keep the order of their associations in the file.");
  } else {
    ignored.push(
      ...noteIf(
        withoutSequence,
        "isChildOf association has",
        "isChildOf associations have",
        "no sequenceNumber: those siblings come after the numbered ones, in file order.",
      ),
    );
  }
  ignored.push(
    ...noteIf(extraParents, "item has", "items have", "a second isChildOf association: only the first is kept."),
    ...noteIf(
      danglingOrigins,
      "isChildOf association links",
      "isChildOf associations link",
      "an item that is not in the package: ignored.",
    ),
    ...noteIf(unplaced, "item has", "items have", "no isChildOf association: placed at the top level."),
  );

  return { status: "imported", format: "case", framework, competencies: tree.competencies, ignored };
}
