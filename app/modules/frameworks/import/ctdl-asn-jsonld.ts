/**
 * CTDL-ASN JSON-LD: a `ceasn:CompetencyFramework` and its `ceasn:Competency` nodes, in a `@graph`
 * (the registry's and CaSS's exports), as a top-level array, inside a registry envelope
 * (`decoded_resource`), or embedded in one another. Nodes become `CtdlNode`s; the shared builder
 * does the rest.
 */
import { buildCtdlAsnFramework, localName, type CtdlNode } from "~/modules/frameworks/import/ctdl-asn-graph";
import type { FrameworkMetadata, ImportResult } from "~/modules/frameworks/import/types";

const KNOWN_TYPES = new Set(["Competency", "CompetencyFramework"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function writtenTypes(node: Record<string, unknown>): string[] {
  const raw = node["@type"] ?? node.type;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((type): type is string => typeof type === "string");
}

function typesOf(node: Record<string, unknown>): string[] {
  return writtenTypes(node).map(localName);
}

/** True when the JSON holds at least one CTDL-ASN framework or competency node. */
export function looksLikeCtdlAsnJson(json: unknown): boolean {
  let found = false;
  const visit = (value: unknown, depth: number) => {
    if (found || depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) visit(item, depth + 1);
    } else if (isRecord(value)) {
      if (typesOf(value).some((type) => KNOWN_TYPES.has(type))) found = true;
      else for (const key of ["@graph", "decoded_resource"]) if (key in value) visit(value[key], depth + 1);
    }
  };
  visit(json, 0);
  return found;
}

/**
 * The node objects of a JSON-LD document, each once, in document order: `@graph` items (nested
 * graphs flattened), array items, and node objects embedded as property values (replaced by a
 * reference to them).
 */
function collectNodes(json: unknown): Array<{ node: Record<string, unknown>; path: string }> {
  const nodes: Array<{ node: Record<string, unknown>; path: string }> = [];
  const visitContainer = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => visitContainer(item, `${path}[${index}]`));
    else if (isRecord(value)) {
      if ("decoded_resource" in value && !("@type" in value)) return visitContainer(value.decoded_resource, `${path}.decoded_resource`);
      const graph = value["@graph"];
      const isNode = "@type" in value || ("@id" in value && Object.keys(value).some((key) => !key.startsWith("@")));
      if (isNode) addNode(value, path);
      if (graph !== undefined) visitContainer(graph, `${path}.@graph`);
    }
  };
  const addNode = (node: Record<string, unknown>, path: string) => {
    const flat: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "@graph") continue;
      flat[key] = embedded(value, `${path}.${key}`);
    }
    nodes.push({ node: flat, path });
  };
  // An embedded competency is a node of its own; where it was embedded keeps a reference.
  const embedded = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => embedded(item, `${path}[${index}]`));
    if (isRecord(value) && typesOf(value).some((type) => KNOWN_TYPES.has(type))) {
      addNode(value, path);
      return typeof value["@id"] === "string" ? { "@id": value["@id"] } : undefined;
    }
    return value;
  };
  visitContainer(json, "$");
  return nodes;
}

export function parseCtdlAsnJsonLd(json: unknown, options: { defaults?: Partial<FrameworkMetadata>; notes?: string[] } = {}): ImportResult {
  const collected = collectNodes(json);
  const nodes: CtdlNode[] = collected.map(({ node }, index) => {
    const id = typeof node["@id"] === "string" ? node["@id"] : undefined;
    const props = new Map<string, { written: string; value: unknown }>();
    for (const [key, value] of Object.entries(node)) {
      const name = key.startsWith("@") ? key : localName(key);
      const existing = props.get(name);
      // Both prefixes on one node ("ceasn:isChildOf" and "ceterms:isChildOf"): keep both values.
      if (existing) existing.value = [existing.value, value].flat();
      else props.set(name, { written: key, value });
    }
    return {
      id,
      types: typesOf(node),
      writtenType: writtenTypes(node)[0],
      props,
      where: id
        ? { nodeId: id, label: `Node ${id}`, position: `node #${index + 1} of the file` }
        : { nodeId: `#${index + 1}`, label: `Node #${index + 1} (no @id)` },
    };
  });
  return buildCtdlAsnFramework(nodes, {
    format: "ctdl-asn-jsonld",
    defaults: options.defaults ?? {},
    notes: options.notes ?? [],
    unit: "property",
  });
}
