import { describe, expect, it } from "vitest";
import { parseCtdlAsnJsonLd } from "~/modules/frameworks/import/ctdl-asn-jsonld";
import {
  childrenOf,
  expectWellFormedTree,
  failed,
  FIXTURE,
  fixtureJson,
  fixtureText,
  imported,
} from "../../../../test/support/framework-fixtures";

const DQP = "http://degreeprofile.org/dqp";
const dqp = () => fixtureJson(FIXTURE.dqp) as { "@context": string; "@graph": Array<Record<string, unknown>> };
const name = (id: string) => `${DQP}/${id}`;

describe("CTDL-ASN JSON-LD: the Degree Qualifications Profile (real file)", () => {
  const result = imported(parseCtdlAsnJsonLd(dqp()));

  it("imports the framework and its 83 competencies in three levels", () => {
    expect(result.format).toBe("ctdl-asn-jsonld");
    expect(result.framework).toMatchObject({
      name: "Degree Qualification Profile",
      publisher: "Lumina Foundation",
      // inLanguage says ISO 639-2 "eng"; the text is tagged en-US: the more precise tag wins.
      language: "en-US",
      sourceUri: DQP,
      sourceIdentifier: DQP,
    });
    expect(result.framework.description).toMatch(/^The Degree Qualifications Profile \(DQP\) provides/);
    expect(result.competencies).toHaveLength(83);
    expectWellFormedTree(result.competencies);
    const depths = new Map<number, number>();
    for (const c of result.competencies) depths.set(c.depth, (depths.get(c.depth) ?? 0) + 1);
    // Intellectual Skills has skills between the category and its proficiencies; the others do not.
    expect(Object.fromEntries(depths)).toEqual({ 0: 5, 1: 47, 2: 31 });
  });

  it("finds the five top-level competencies however the file marks them, in hasTopChild order", () => {
    // sk1, bik1: isTopChildOf only; is1, acl1: isChildOf → the framework; cgl1: isChildOf → the framework's URI + "/".
    expect(childrenOf(result.competencies, null).map((c) => c.sourceId)).toEqual(["is1", "bik1", "acl1", "cgl1", "sk1"].map(name));
    expect(childrenOf(result.competencies, null).map((c) => c.statement)).toEqual([
      "Intellectual Skills",
      "Broad and Integrative Knowledge",
      // The file's own text for this category is its description (its name is only in the DQP's PDF).
      expect.stringMatching(/^This category emphasizes what students can do with what they know\./),
      "Civic and Global Learning",
      "Specialized Knowledge",
    ]);
  });

  it("follows ceterms:isChildOf to parents and keeps hasChild's sibling order", () => {
    expect(childrenOf(result.competencies, name("is37")).map((c) => c.sourceId)).toEqual(["is4", "is15", "is28"].map(name));
    expect(childrenOf(result.competencies, name("is1")).map((c) => c.sourceId)).toEqual(
      ["is37", "is38", "is39", "is40", "is41", "is42"].map(name),
    );
    expect(childrenOf(result.competencies, name("sk1"))).toHaveLength(10);
    expect(childrenOf(result.competencies, name("cgl1"))).toHaveLength(11);
    const is4 = result.competencies.find((c) => c.sourceId === name("is4"))!;
    expect(is4).toMatchObject({ parentSourceId: name("is37"), depth: 2, typeLabel: "Proficiency", sourceUri: name("is4") });
    expect(is4.statement).toMatch(/^Identifies and frames a problem or question/);
  });

  it("reads the competency category as the type and the comment as the description", () => {
    const is1 = result.competencies.find((c) => c.sourceId === name("is1"))!;
    expect(is1.typeLabel).toBe("Category");
    expect(is1.description).toMatch(/^This category includes both traditional and nontraditional cognitive skills/);
    const types = new Set(result.competencies.map((c) => c.typeLabel));
    expect(types).toEqual(new Set(["Category", "Skill", "Proficiency"]));
  });

  it("says what it did not import", () => {
    expect(result.ignored).toEqual([
      "Not imported from the framework: ceasn:author, ceasn:rightsHolder, ceasn:source, ceasn:dateCreated, ceasn:dateModified.",
      "Not imported from the competencies: ceasn:educationLevelType (72 competencies).",
    ]);
  });

  it("reads the same framework written with en-us language keys (other copies of the DQP)", () => {
    const lowerCase = JSON.parse(fixtureText(FIXTURE.dqp).replaceAll('"en-US"', '"en-us"'));
    const again = imported(parseCtdlAsnJsonLd(lowerCase));
    expect(again.framework.language).toBe("en-US");
    expect(again.competencies).toEqual(result.competencies);
    expect(again.ignored).toEqual(result.ignored);
  });

  it("reads it without @graph: a top-level array, or competencies embedded in the framework", () => {
    const graph = dqp()["@graph"];
    const asArray = imported(parseCtdlAsnJsonLd(graph));
    expect(asArray.competencies).toEqual(result.competencies);

    // The framework node at the top with its competencies embedded where hasTopChild / hasChild name them.
    const nodes = new Map(graph.map((node) => [node["@id"] as string, node]));
    const embed = (id: string): Record<string, unknown> => {
      const node = { ...nodes.get(id)! };
      if (Array.isArray(node["ceasn:hasChild"])) node["ceasn:hasChild"] = (node["ceasn:hasChild"] as string[]).map(embed);
      return node;
    };
    const framework: Record<string, unknown> = { "@context": dqp()["@context"], ...embed(DQP) };
    framework["ceasn:hasTopChild"] = (framework["ceasn:hasTopChild"] as string[]).map(embed);
    const nested = imported(parseCtdlAsnJsonLd(framework));
    expect(nested.competencies.map((c) => [c.sourceId, c.parentSourceId, c.order])).toEqual(
      result.competencies.map((c) => [c.sourceId, c.parentSourceId, c.order]),
    );
  });

  it("imports one language of a bilingual framework and says which text it left out", () => {
    const doc = dqp();
    doc["@graph"][0]!["ceasn:inLanguage"] = ["en-US", "fr-CA"];
    for (const node of doc["@graph"].slice(1, 4)) {
      node["ceasn:competencyText"] = { ...(node["ceasn:competencyText"] as object), "fr-CA": "Texte en français" };
    }
    const bilingual = imported(parseCtdlAsnJsonLd(doc));
    expect(bilingual.framework.language).toBe("en-US");
    expect(bilingual.competencies.find((c) => c.sourceId === name("sk1"))!.statement).toBe("Specialized Knowledge");
    expect(bilingual.ignored).toContain("Text in fr-CA (3 values) was not imported: the framework is imported in en-US.");
  });
});

describe("CTDL-ASN JSON-LD: bad files list every problem with its node id", () => {
  /** A small framework: A (top) → A1, A2; B (top). */
  const small = () => ({
    "@context": "https://credreg.net/ctdlasn/schema/context/json",
    "@graph": [
      { "@id": "https://ex.org/fw", "@type": "ceasn:CompetencyFramework", "ceasn:name": { en: "Small" } },
      {
        "@id": "https://ex.org/a",
        "@type": "ceasn:Competency",
        "ceasn:codedNotation": "A",
        "ceasn:competencyText": { en: "A" },
        "ceasn:isTopChildOf": "https://ex.org/fw",
      },
      {
        "@id": "https://ex.org/a1",
        "@type": "ceasn:Competency",
        "ceasn:codedNotation": "A1",
        "ceasn:competencyText": { en: "A one" },
        "ceasn:isChildOf": ["https://ex.org/a"],
      },
      {
        "@id": "https://ex.org/a2",
        "@type": "ceasn:Competency",
        "ceasn:codedNotation": "A2",
        "ceasn:competencyText": { en: "A two" },
        "ceasn:isChildOf": ["https://ex.org/a"],
      },
      {
        "@id": "https://ex.org/b",
        "@type": "ceasn:Competency",
        "ceasn:codedNotation": "B",
        "ceasn:competencyText": { en: "B" },
        "ceasn:isChildOf": "https://ex.org/fw/",
      },
    ] as Array<Record<string, unknown>>,
  });

  it("imports the small framework as a baseline", () => {
    const result = imported(parseCtdlAsnJsonLd(small()));
    expect(result.competencies.map((c) => [c.code, c.depth, c.order])).toEqual([
      ["A", 0, 0],
      ["A1", 1, 0],
      ["A2", 1, 1],
      ["B", 0, 1],
    ]);
  });

  it("duplicate @id and duplicate codedNotation", () => {
    const doc = small();
    // An exact copy of a1 (one problem, though its code repeats too), and a3 with a2's code.
    doc["@graph"].push({ ...doc["@graph"][2]! });
    doc["@graph"].push({ ...doc["@graph"][3]!, "@id": "https://ex.org/a3" });
    const { problems } = failed(parseCtdlAsnJsonLd(doc));
    expect(problems).toEqual([
      {
        kind: "duplicate-id",
        nodeId: "https://ex.org/a1",
        message: 'Node https://ex.org/a1: @id "https://ex.org/a1" is also used by node #3 of the file (this one is node #6 of the file).',
      },
      {
        kind: "duplicate-code",
        nodeId: "https://ex.org/a3",
        message: 'Node https://ex.org/a3: ceasn:codedNotation "A2" is also used by Node https://ex.org/a2.',
      },
    ]);
  });

  it("unknown parent, missing statement and a cycle, all at once", () => {
    const doc = small();
    doc["@graph"][2]!["ceasn:isChildOf"] = "https://ex.org/nowhere";
    delete doc["@graph"][3]!["ceasn:competencyText"];
    doc["@graph"].push(
      { "@id": "https://ex.org/x", "@type": "ceasn:Competency", "ceasn:competencyText": "X", "ceasn:isChildOf": "https://ex.org/y" },
      { "@id": "https://ex.org/y", "@type": "ceasn:Competency", "ceasn:competencyText": "Y", "ceasn:isChildOf": "https://ex.org/x" },
    );
    const { problems } = failed(parseCtdlAsnJsonLd(doc));
    expect(problems).toEqual([
      {
        kind: "missing-statement",
        nodeId: "https://ex.org/a2",
        message: "Node https://ex.org/a2: no statement (ceasn:competencyText is empty).",
      },
      {
        kind: "unknown-parent",
        nodeId: "https://ex.org/a1",
        message: 'Node https://ex.org/a1: its parent "https://ex.org/nowhere" (ceasn:isChildOf) is not a competency of this file.',
      },
      {
        kind: "cycle",
        nodeId: "https://ex.org/x",
        message:
          "Node https://ex.org/x and Node https://ex.org/y form a cycle through ceasn:isChildOf: https://ex.org/x → https://ex.org/y → https://ex.org/x.",
      },
    ]);
  });

  it("a competency that is its own parent", () => {
    const doc = small();
    doc["@graph"][4]!["ceasn:isChildOf"] = "https://ex.org/b";
    expect(failed(parseCtdlAsnJsonLd(doc)).problems).toEqual([
      { kind: "cycle", nodeId: "https://ex.org/b", message: "Node https://ex.org/b: ceasn:isChildOf points at itself (B)." },
    ]);
  });

  it("competencies without their framework node, and a framework without a name", () => {
    const doc = small();
    const withoutFramework = { "@graph": doc["@graph"].slice(1) };
    expect(failed(parseCtdlAsnJsonLd(withoutFramework)).problems).toEqual([
      {
        kind: "missing-framework",
        message: "The file has no ceasn:CompetencyFramework node, so the framework has no name: give one.",
      },
    ]);
    // A name typed on the import form is enough.
    const named = imported(parseCtdlAsnJsonLd(withoutFramework, { defaults: { name: "Typed name" } }));
    expect(named.framework.name).toBe("Typed name");
    expect(named.competencies).toHaveLength(4);

    delete doc["@graph"][0]!["ceasn:name"];
    expect(failed(parseCtdlAsnJsonLd(doc)).problems).toEqual([
      { kind: "missing-framework", message: "Node https://ex.org/fw: the framework has no name (ceasn:name)." },
    ]);
  });

  it("is lenient where the meaning is clear, and says so", () => {
    const doc = small();
    // A parent referenced by its CTID, a competency with only a label, an untyped competency,
    // a node of another type, and a competency with no parent link at all.
    doc["@graph"][1]!["ceterms:ctid"] = "ce-11111111-2222-3333-4444-555555555555";
    doc["@graph"][2]!["ceasn:isChildOf"] = "ce-11111111-2222-3333-4444-555555555555";
    delete doc["@graph"][3]!["ceasn:competencyText"];
    doc["@graph"][3]!["ceasn:competencyLabel"] = { en: "A two (label)" };
    doc["@graph"].push(
      { "@id": "https://ex.org/c", "ceasn:competencyText": "Untyped", "ceasn:isChildOf": "https://EX.org/fw" },
      { "@id": "https://ex.org/org", "@type": "ceterms:CredentialOrganization", "ceterms:name": "Org" },
      { "@id": "https://ex.org/d", "@type": "ceasn:Competency", "ceasn:competencyText": "Floating" },
    );
    const result = imported(parseCtdlAsnJsonLd(doc));
    expect(result.competencies.map((c) => [c.statement, c.depth])).toEqual([
      ["A", 0],
      ["A one", 1],
      ["A two (label)", 1],
      ["B", 0],
      ["Untyped", 0],
      ["Floating", 0],
    ]);
    expect(result.ignored).toEqual([
      "1 node of type ceterms:CredentialOrganization not imported.",
      "1 node has no @type but a ceasn:competencyText: imported as competencies.",
      "1 competency has no ceasn:competencyText: its ceasn:competencyLabel is the statement.",
      "1 competency has no isChildOf or isTopChildOf and no hasChild listing: placed at the top level.",
    ]);
  });
});
