/**
 * How the framework import tests read their fixtures (real files, committed with their attribution
 * in app/modules/frameworks/import/fixtures/README.md) and look into results.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import draft04 from "ajv/lib/refs/json-schema-draft-04.json";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";
import type { ImportedCompetency, ImportedFramework, ImportFailure, ImportOutcome } from "~/modules/frameworks/import/types";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../app/modules/frameworks/import/fixtures");
/** The shared originals (`../shared/fixtures/frameworks` beside the repository), when present. */
export const SHARED_FIXTURES_DIR = path.resolve(import.meta.dirname, "../../../shared/fixtures/frameworks");
export const SHARED_STANDARDS_DIR = path.resolve(import.meta.dirname, "../../../shared/standards");

export const FIXTURE = {
  dqp: "ctdlasn-dqp-degree-qualifications-profile.jsonld",
  onet: "ctdlasn-onet-content-model.csv",
  act: "case-act-holistic-framework-math.json",
  esco: "esco-1.2.0-skillsHierarchy_en.csv",
  case11Schema: "case-v1p1-cfpackage.official.schema.json",
  competencyFrameworkSchema: "registry-jsonschema-competency_framework.json",
  competencySchema: "registry-jsonschema-competency.json",
} as const;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES_DIR, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), "utf8");
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function sharedFile(dir: string, name: string): string | undefined {
  const file = path.join(dir, name);
  return existsSync(file) ? file : undefined;
}

export function imported(outcome: ImportOutcome): ImportedFramework {
  if (outcome.status !== "imported") throw new Error(`Expected an import, got:\n${JSON.stringify(outcome, null, 2)}`);
  return outcome;
}

export function failed(outcome: ImportOutcome): ImportFailure {
  if (outcome.status !== "failed") throw new Error(`Expected a failure, got: ${outcome.status}`);
  return outcome;
}

/** Competencies by code, for assertions that read like the framework. */
export function byCode(competencies: readonly ImportedCompetency[]): Map<string, ImportedCompetency> {
  return new Map(competencies.filter((c) => c.code).map((c) => [c.code!, c]));
}

/** The children of a competency (or the top level), in sibling order. */
export function childrenOf(competencies: readonly ImportedCompetency[], parentSourceId: string | null): ImportedCompetency[] {
  return competencies.filter((c) => c.parentSourceId === parentSourceId).sort((a, b) => a.order - b.order);
}

/** Every parent appears before its children, and orders are 0..n-1 among siblings. */
export function expectWellFormedTree(competencies: readonly ImportedCompetency[]): void {
  const seen = new Map<string, ImportedCompetency>();
  const siblings = new Map<string | null, number[]>();
  for (const competency of competencies) {
    if (competency.parentSourceId !== null) {
      const parent = seen.get(competency.parentSourceId);
      if (!parent) throw new Error(`${competency.sourceId} comes before its parent ${competency.parentSourceId}`);
      if (competency.depth !== parent.depth + 1) throw new Error(`${competency.sourceId} has depth ${competency.depth}`);
    } else if (competency.depth !== 0) throw new Error(`${competency.sourceId} is top-level at depth ${competency.depth}`);
    seen.set(competency.sourceId, competency);
    const orders = siblings.get(competency.parentSourceId) ?? [];
    orders.push(competency.order);
    siblings.set(competency.parentSourceId, orders);
  }
  for (const [parent, orders] of siblings) {
    if (orders.some((order, index) => order !== index)) throw new Error(`children of ${parent} are ordered ${orders.join(",")}`);
  }
}

/**
 * A validator for an official JSON Schema file. ajv 6 is what node_modules holds (through ESLint;
 * the project does not depend on it directly): it reads draft-04 (the Credential Engine registry
 * schemas) natively; for 1EdTech's draft 2019-09 schemas it skips the meta-schema check — the
 * keywords those files use ($defs, $ref, type, enum, required, additionalProperties, format)
 * mean the same in both drafts.
 */
export function schemaValidator(schema: object): (data: unknown) => string[] {
  const draft2019 = (schema as { $schema?: string }).$schema?.includes("2019-09") ?? false;
  const ajv = new Ajv({ schemaId: "auto", allErrors: true, validateSchema: !draft2019, unknownFormats: "ignore" });
  ajv.addMetaSchema(draft04);
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const { $schema: _ignored, ...body } = schema as Record<string, unknown>;
  const validate = ajv.compile(draft2019 ? body : schema);
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.dataPath || "(root)"} ${error.message ?? ""}`.trim());
}

const ESCO_LEVELS = [0, 1, 2, 3];
/** ESCO's skills hierarchy file read through level columns (its four code/term/URI columns). */
export const ESCO_MAPPING: ColumnMapping = {
  levelColumns: ESCO_LEVELS.map((n) => `Level ${n} code`),
  statement: ESCO_LEVELS.map((n) => `Level ${n} preferred term`),
  uri: ESCO_LEVELS.map((n) => `Level ${n} URI`),
  description: "Description",
};
