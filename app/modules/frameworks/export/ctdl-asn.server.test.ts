import { describe, expect, it } from "vitest";
import {
  CTDL_ASN_CONTEXT,
  CTDL_ASN_CSV_COLUMNS,
  toCtdlAsnCsv,
  toCtdlAsnJsonLd,
  uuidV5,
  type CtdlAsnDocument,
} from "~/modules/frameworks/export/ctdl-asn.server";
import { parseCtdlAsnCsv } from "~/modules/frameworks/import/ctdl-asn-csv";
import { parseCtdlAsnJsonLd } from "~/modules/frameworks/import/ctdl-asn-jsonld";
import { readCsv } from "~/modules/frameworks/import/csv-reader";
import { FIXTURE, fixtureBytes, fixtureJson, imported, schemaValidator, ESCO_MAPPING } from "../../../../test/support/framework-fixtures";
import { importFrameworkFile } from "~/modules/frameworks/import/import-framework";
import type { ImportedCompetency, ImportedFramework } from "~/modules/frameworks/import/types";

const CTID = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FRAMEWORKS: Array<[string, () => ImportedFramework]> = [
  ["DQP (CTDL-ASN JSON-LD)", () => imported(importFrameworkFile(fixtureBytes(FIXTURE.dqp)))],
  ["O*NET (CTDL-ASN CSV)", () => imported(importFrameworkFile(fixtureBytes(FIXTURE.onet)))],
  ["ACT (CASE 1.0)", () => imported(importFrameworkFile(fixtureBytes(FIXTURE.act)))],
  [
    "ESCO (mapped CSV)",
    () =>
      imported(
        importFrameworkFile(fixtureBytes(FIXTURE.esco), {
          mapping: ESCO_MAPPING,
          defaults: { name: "ESCO skills hierarchy", language: "en" },
        }),
      ),
  ],
];

type Schema = { required?: string[]; definitions: Record<string, { required: string[] }> };
const frameworkSchema = fixtureJson(FIXTURE.competencyFrameworkSchema) as Schema;
const competencySchema = fixtureJson(FIXTURE.competencySchema) as Schema;
const validateFramework = schemaValidator(frameworkSchema);
const validateCompetency = schemaValidator(competencySchema);

/**
 * The registry schemas predate the https:// context URL and accept only its http:// form (see
 * ../shared/standards/README.md): each node is validated with that form, as the README says to.
 */
function validateForRegistry(document: CtdlAsnDocument): string[] {
  const asRegistry = (node: Record<string, unknown>) => ({ ...node, "@context": "http://credreg.net/ctdlasn/schema/context/json" });
  const [framework, ...competencies] = document["@graph"];
  return [
    ...validateFramework(asRegistry(framework)).map((error) => `framework ${error}`),
    ...competencies.flatMap((node) => validateCompetency(asRegistry(node)).map((error) => `${String(node["@id"])} ${error}`)),
  ];
}

/** What must survive a round trip: the tree by position, and each competency's own text. */
function shape(competencies: readonly ImportedCompetency[]) {
  const index = new Map(competencies.map((c, i) => [c.sourceId, i]));
  return competencies.map((c) => ({
    code: c.code,
    statement: c.statement,
    description: c.description,
    typeLabel: c.typeLabel,
    depth: c.depth,
    order: c.order,
    parent: c.parentSourceId === null ? null : index.get(c.parentSourceId),
  }));
}

describe("uuidV5", () => {
  it("is RFC 4122's name-based UUID (as Python's uuid.uuid5 computes it)", () => {
    expect(uuidV5("https://example.org/framework")).toBe("7be1d296-f104-508f-b6f2-ec52b8258d6f");
  });
});

describe.each(FRAMEWORKS)("CTDL-ASN export of %s", (_, load) => {
  const source = load();
  const document = toCtdlAsnJsonLd(source.framework, source.competencies);

  it("validates against the registry's competency framework and competency schemas", () => {
    expect(document["@context"]).toBe(CTDL_ASN_CONTEXT);
    expect(document["@graph"]).toHaveLength(source.competencies.length + 1);
    expect(validateForRegistry(document)).toEqual([]);
  });

  it("has every field the schemas require, checked by hand too, and a CTID on every node", () => {
    const [framework, ...competencies] = document["@graph"];
    const frameworkRequired = frameworkSchema.definitions["ceasn:CompetencyFramework"]!.required;
    const competencyRequired = competencySchema.definitions["ceasn:Competency"]!.required;
    expect(frameworkRequired).toEqual(["@type", "@id", "ceasn:description", "ceasn:inLanguage", "ceasn:name", "ceterms:ctid"]);
    expect(competencyRequired).toEqual(["@type", "@id", "ceasn:competencyText", "ceasn:inLanguage", "ceasn:isPartOf", "ceterms:ctid"]);
    for (const field of frameworkRequired) expect(framework[field], field).toBeTruthy();
    for (const node of competencies)
      for (const field of competencyRequired) expect(node[field], `${String(node["@id"])} ${field}`).toBeTruthy();
    const ctids = document["@graph"].map((node) => node["ceterms:ctid"] as string);
    expect(ctids.every((ctid) => CTID.test(ctid))).toBe(true);
    expect(new Set(ctids).size).toBe(ctids.length);
    expect(new Set(document["@graph"].map((node) => node["@id"])).size).toBe(ctids.length);
  });

  it("reads back as the same framework (JSON-LD → importer)", () => {
    const back = imported(parseCtdlAsnJsonLd(JSON.parse(JSON.stringify(document))));
    expect(shape(back.competencies)).toEqual(shape(source.competencies));
    expect(back.framework).toMatchObject({
      name: source.framework.name,
      language: source.framework.language ?? "en",
      ...(source.framework.publisher ? { publisher: source.framework.publisher } : {}),
    });
    expect(back.ignored).toEqual([]);
  });

  it("writes the CSV bulk-upload layout, which reads back as the same framework", () => {
    const csv = toCtdlAsnCsv(source.framework, source.competencies);
    const rows = readCsv(csv).rows;
    expect(rows[0]!.cells).toEqual([...CTDL_ASN_CSV_COLUMNS]);
    expect(rows).toHaveLength(source.competencies.length + 2);
    const back = imported(parseCtdlAsnCsv(rows));
    expect(shape(back.competencies)).toEqual(shape(source.competencies));
    expect(back.framework.name).toBe(source.framework.name);
    expect(back.ignored).toEqual([]);
    // The same identities as the JSON-LD export.
    expect(back.competencies.map((c) => c.ctid)).toEqual(document["@graph"].slice(1).map((node) => node["ceterms:ctid"]));
  });

  it("is deterministic: the same framework exports to the same bytes", () => {
    expect(JSON.stringify(toCtdlAsnJsonLd(source.framework, source.competencies))).toBe(JSON.stringify(document));
  });
});

describe("the registry schema check itself", () => {
  it("catches what the registry would refuse", () => {
    const document = toCtdlAsnJsonLd({ name: "Small" }, [{ sourceId: "a", statement: "A", parentSourceId: null, order: 0 }]);
    const { "ceasn:inLanguage": _language, ...framework } = document["@graph"][0];
    const competency: Record<string, unknown> = {
      ...document["@graph"][1]!,
      "ceasn:isPartOf": "not a list",
      "ceasn:competencyCategory": { en: "not a list" },
    };
    expect(validateForRegistry({ ...document, "@graph": [framework, competency] })).toEqual([
      "framework (root) should have required property 'ceasn:inLanguage'",
      `${String(competency["@id"])} ['ceasn:competencyCategory'] should be array`,
      `${String(competency["@id"])} ['ceasn:isPartOf'] should be array`,
    ]);
  });
});

describe("CTDL-ASN export: identities and shapes", () => {
  it("keeps CTIDs that came with the file, and turns CASE identifiers into CTIDs", () => {
    const onet = imported(importFrameworkFile(fixtureBytes(FIXTURE.onet)));
    const onetDoc = toCtdlAsnJsonLd(onet.framework, onet.competencies);
    expect(onetDoc["@graph"][0]).toMatchObject({
      "@id": "https://credentialengineregistry.org/resources/ce-2b824fc9-954a-11e8-b852-782bcb5df6ac",
      "ceterms:ctid": "ce-2b824fc9-954a-11e8-b852-782bcb5df6ac",
    });
    expect(onetDoc["@graph"][1]!["ceterms:ctid"]).toBe(onet.competencies[0]!.ctid);

    const act = imported(importFrameworkFile(fixtureBytes(FIXTURE.act)));
    const actDoc = toCtdlAsnJsonLd(act.framework, act.competencies);
    expect(actDoc["@graph"][0]!["ceterms:ctid"]).toBe("ce-a33fc64e-5c40-11e7-82c4-3d54268aa9ee");
    expect(actDoc["@graph"][1]!["ceterms:ctid"]).toBe(`ce-${act.competencies[0]!.sourceId}`);
  });

  it("links the tree both ways: isChildOf / isTopChildOf up, hasChild / hasTopChild down, in sibling order", () => {
    const dqp = imported(importFrameworkFile(fixtureBytes(FIXTURE.dqp)));
    const [framework, ...nodes] = toCtdlAsnJsonLd(dqp.framework, dqp.competencies)["@graph"];
    const base = "http://degreeprofile.org/dqp";
    expect(framework).toMatchObject({
      "@id": base,
      "@type": "ceasn:CompetencyFramework",
      "ceasn:name": { "en-US": "Degree Qualification Profile" },
      "ceasn:publisherName": { "en-US": "Lumina Foundation" },
      "ceasn:inLanguage": ["en-US"],
      "ceasn:hasTopChild": ["is1", "bik1", "acl1", "cgl1", "sk1"].map((id) => `${base}/${id}`),
    });
    const is37 = nodes.find((node) => node["@id"] === `${base}/is37`)!;
    expect(is37).toMatchObject({
      "@type": "ceasn:Competency",
      "ceasn:competencyText": { "en-US": "Analytic Inquiry" },
      "ceasn:competencyCategory": [{ "en-US": "Skill" }],
      "ceasn:isChildOf": [`${base}/is1`],
      "ceasn:isPartOf": [base],
      "ceasn:hasChild": [`${base}/is4`, `${base}/is15`, `${base}/is28`],
    });
    expect(nodes.find((node) => node["@id"] === `${base}/is1`)!["ceasn:isTopChildOf"]).toBe(base);
  });

  it("fills what the registry requires from what Concord has: a description, a language", () => {
    const document = toCtdlAsnJsonLd({ name: "Plumber (Red Seal)" }, [
      { sourceId: "A", code: "A", statement: "Performs common occupational skills", parentSourceId: null, order: 0 },
      { sourceId: "A-1", code: "A-1", statement: 'Uses "tools", safely\nand well', parentSourceId: "A", order: 0 },
    ]);
    expect(validateForRegistry(document)).toEqual([]);
    expect(document["@graph"][0]).toMatchObject({
      "ceasn:name": { en: "Plumber (Red Seal)" },
      "ceasn:description": { en: "Plumber (Red Seal)" },
      "ceasn:inLanguage": ["en"],
    });
    expect(document["@graph"][1]!["@id"]).toMatch(/^https:\/\/credentialengineregistry\.org\/resources\/ce-/);
    const back = imported(
      parseCtdlAsnCsv(
        readCsv(
          toCtdlAsnCsv({ name: "Plumber (Red Seal)" }, [
            { sourceId: "A", code: "A", statement: "Performs common occupational skills", parentSourceId: null, order: 0 },
            { sourceId: "A-1", code: "A-1", statement: 'Uses "tools", safely\nand well', parentSourceId: "A", order: 0 },
          ]),
        ).rows,
      ),
    );
    expect(back.competencies.map((c) => [c.code, c.statement, c.depth])).toEqual([
      ["A", "Performs common occupational skills", 0],
      ["A-1", 'Uses "tools", safely\nand well', 1],
    ]);
  });
});
