import { describe, expect, it } from "vitest";
import { CASE_1_1_PROPERTIES, parseCasePackage } from "~/modules/frameworks/import/case";
import {
  byCode,
  childrenOf,
  expectWellFormedTree,
  failed,
  FIXTURE,
  fixtureJson,
  imported,
  schemaValidator,
} from "../../../../test/support/framework-fixtures";

type Json = Record<string, unknown>;
type Package = { CFDocument: Json; CFItems: Json[]; CFAssociations: Json[]; CFDefinitions?: Json };

const act = () => fixtureJson(FIXTURE.act) as Package;
const DOCUMENT_ID = "a33fc64e-5c40-11e7-82c4-3d54268aa9ee";
const L1 = "H.A.MATH.GM.PF.2DFP.L1";
const caseSchema = fixtureJson(FIXTURE.case11Schema) as { properties: Json; $defs: Record<string, { properties: Json }> };

/** The ACT package rewritten as CASE 1.1: without CASE 1.0's URI fields, with a version and a licence. */
function asCase11(pkg: Package): Package {
  const { CFPackageURI: _package, ...document } = pkg.CFDocument;
  const strip = ({ CFDocumentURI: _document, ...rest }: Json) => rest;
  return {
    CFDocument: {
      ...document,
      caseVersion: "1.1",
      language: "en",
      version: "2017",
      licenseURI: { title: "Tests only", identifier: "0f8f1e8c-0000-4000-8000-000000000001", uri: "https://ex.org/licences/tests" },
    },
    CFItems: pkg.CFItems.map(strip),
    CFAssociations: pkg.CFAssociations.map(strip),
    CFDefinitions: {
      CFLicenses: [
        {
          identifier: "0f8f1e8c-0000-4000-8000-000000000001",
          uri: "https://ex.org/licences/tests",
          title: "Tests only",
          licenseText: "© ACT, Inc. Used in tests only.",
          lastChangeDateTime: "2017-10-18T15:02:46+00:00",
        },
      ],
    },
  };
}

describe("CASE 1.0: the ACT Holistic Framework, Math (real file)", () => {
  const result = imported(parseCasePackage(act()));
  const codes = byCode(result.competencies);

  it("imports the CFDocument and its 28 items in five levels", () => {
    expect(result.format).toBe("case");
    expect(result.framework).toEqual({
      name: "ACT Holistic Framework, Math",
      // CASE 1.0 has no publisher here: the creator stands in.
      publisher: "ACT, Inc.",
      sourceIdentifier: DOCUMENT_ID,
      sourceUri: `http://localhost:3000/ims/case/v1p0/CFDocuments/${DOCUMENT_ID}`,
    });
    expect(result.competencies).toHaveLength(28);
    expectWellFormedTree(result.competencies);
    expect(result.competencies.slice(0, 4).map((c) => [c.code, c.depth])).toEqual([
      ["H.A.MATH.GM", 0],
      ["H.A.MATH.GM.PF", 1],
      ["H.A.MATH.GM.PF.2DFP", 2],
      [L1, 3],
    ]);
  });

  it("takes the hierarchy from isChildOf associations: one item under the CFDocument", () => {
    expect(childrenOf(result.competencies, null).map((c) => c.code)).toEqual(["H.A.MATH.GM"]);
    expect(codes.get("H.A.MATH.GM.PF")!.parentSourceId).toBe("3d8cdec5-83d6-49b4-9300-91a824c59758");
    expect(childrenOf(result.competencies, codes.get(L1)!.sourceId)).toHaveLength(24);
  });

  it("orders siblings as their associations are ordered (no sequenceNumber), not as the items are sorted", () => {
    // CFItems is sorted by code (L1.1, L1.10, L1.11, …); the associations keep the editor's order.
    expect(childrenOf(result.competencies, codes.get(L1)!.sourceId).map((c) => c.code!.slice(L1.length + 1))).toEqual([
      "1",
      "10",
      "3",
      "4",
      "20",
      "6",
      "14",
      "8",
      "9",
      "2",
      "11",
      "12",
      "13",
      "7",
      "15",
      "16",
      "17",
      "18",
      "19",
      "5",
      "21",
      "22",
      "23",
      "24",
    ]);
  });

  it("reads humanCodingScheme as the code, fullStatement as the statement and notes as the description", () => {
    expect(codes.get(`${L1}.16`)).toMatchObject({
      sourceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      statement: "Identify and name polygons with 7-8 sides by referring to the number of sides",
      description: '7-sided polygon is a "seven-gon" or a "seven-sided shape"',
      depth: 4,
    });
    expect(result.competencies.filter((c) => c.description)).toHaveLength(11);
    expect(codes.get(`${L1}.16`)!.sourceUri).toBe(`http://localhost:3000/ims/case/v1p0/CFItems/${codes.get(`${L1}.16`)!.sourceId}`);
  });

  it("tolerates the CASE 1.0 fields the CASE 1.1 schema rejects, and says so", () => {
    expect(schemaValidator(caseSchema)(act())).toEqual(
      expect.arrayContaining([".CFDocument should NOT have additional properties", ".CFItems[0] should NOT have additional properties"]),
    );
    expect(result.ignored).toEqual([
      "Fields the CASE 1.1 schema does not allow were ignored (this is a CASE 1.0 package): CFDocument.CFPackageURI, CFItems[].CFDocumentURI (28), CFAssociations[].CFDocumentURI (28).",
      "Not imported: CFItems[].abbreviatedStatement (4).",
      "No isChildOf association has a sequenceNumber: siblings keep the order of their associations in the file.",
    ]);
  });
});

describe("CASE 1.1", () => {
  it("keeps its list of allowed properties equal to the official CFPackage schema", () => {
    expect([...CASE_1_1_PROPERTIES.CFPackage].sort()).toEqual(Object.keys(caseSchema.properties).sort());
    expect([...CASE_1_1_PROPERTIES.CFDocument].sort()).toEqual(Object.keys(caseSchema.$defs.CFPckgDocument!.properties).sort());
    expect([...CASE_1_1_PROPERTIES.CFItem].sort()).toEqual(Object.keys(caseSchema.$defs.CFPckgItem!.properties).sort());
    expect([...CASE_1_1_PROPERTIES.CFAssociation].sort()).toEqual(Object.keys(caseSchema.$defs.CFPckgAssociation!.properties).sort());
  });

  it("imports a valid 1.1 package with nothing ignored but what it does not read, and its licence", () => {
    const pkg = asCase11(act());
    expect(schemaValidator(caseSchema)(pkg)).toEqual([]);
    const result = imported(parseCasePackage(pkg));
    expect(result.framework).toMatchObject({
      name: "ACT Holistic Framework, Math",
      version: "2017",
      language: "en",
      licence: "© ACT, Inc. Used in tests only.",
      licenceUri: "https://ex.org/licences/tests",
    });
    expect(result.competencies).toHaveLength(28);
    expect(result.ignored).toEqual([
      "Not imported: CFItems[].abbreviatedStatement (4).",
      "No isChildOf association has a sequenceNumber: siblings keep the order of their associations in the file.",
    ]);
  });

  it("orders siblings by sequenceNumber, and reads CFItemType as the type", () => {
    const pkg = asCase11(act());
    const leaves = pkg.CFAssociations.slice(4);
    // Number the 24 leaves in reverse of their file order.
    leaves.forEach((association, index) => (association.sequenceNumber = leaves.length - index));
    for (const item of pkg.CFItems) item.CFItemType = item.humanCodingScheme === L1 ? "Level" : "Skill";
    const result = imported(parseCasePackage(pkg));
    const codes = byCode(result.competencies);
    const order = childrenOf(result.competencies, codes.get(L1)!.sourceId).map((c) => c.code!.slice(L1.length + 1));
    expect(order).toEqual([
      "24",
      "23",
      "22",
      "21",
      "5",
      "19",
      "18",
      "17",
      "16",
      "15",
      "7",
      "13",
      "12",
      "11",
      "2",
      "9",
      "8",
      "14",
      "6",
      "20",
      "4",
      "3",
      "10",
      "1",
    ]);
    expect(codes.get(L1)!.typeLabel).toBe("Level");
    expect(result.ignored).toEqual([
      "Not imported: CFItems[].abbreviatedStatement (4).",
      "4 isChildOf associations have no sequenceNumber: those siblings come after the numbered ones, in file order.",
    ]);
  });

  it("accepts a package wrapped as {CFPackage: …} and reports what it skips", () => {
    const pkg = asCase11(act());
    const extraAssociation = {
      ...pkg.CFAssociations[1]!,
      identifier: "0f8f1e8c-0000-4000-8000-000000000002",
      associationType: "exactMatchOf",
    };
    const secondParent = { ...pkg.CFAssociations[5]!, identifier: "0f8f1e8c-0000-4000-8000-000000000003" };
    const orphan = { ...pkg.CFItems[5]!, identifier: "0f8f1e8c-0000-4000-8000-000000000004", humanCodingScheme: "ORPHAN" };
    const result = imported(
      parseCasePackage({
        CFPackage: { ...pkg, CFItems: [...pkg.CFItems, orphan], CFAssociations: [...pkg.CFAssociations, extraAssociation, secondParent] },
      }),
    );
    expect(childrenOf(result.competencies, null).map((c) => c.code)).toEqual(["H.A.MATH.GM", "ORPHAN"]);
    expect(result.ignored).toEqual([
      "Not imported: CFItems[].abbreviatedStatement (4).",
      "Associations other than isChildOf were not imported: exactMatchOf (1).",
      "No isChildOf association has a sequenceNumber: siblings keep the order of their associations in the file.",
      "1 item has a second isChildOf association: only the first is kept.",
      "1 item has no isChildOf association: placed at the top level.",
    ]);
  });
});

describe("CASE: bad packages list every problem with its item identifier", () => {
  it("duplicate identifier, duplicate humanCodingScheme, missing fullStatement, unknown parent", () => {
    const pkg = act();
    const items = pkg.CFItems;
    // Items: [0] GM, [1] PF, [2] 2DFP, [3] L1, [4] L1.1, [5] L1.10, …
    items.push({ ...items[4]!, humanCodingScheme: "DUPLICATE-ID" });
    items[6]!.humanCodingScheme = items[5]!.humanCodingScheme;
    delete items[7]!.fullStatement;
    pkg.CFAssociations[1]!.destinationNodeURI = {
      title: "gone",
      identifier: "99999999-9999-4999-8999-999999999999",
      uri: "https://ex.org/gone",
    };
    const { problems } = failed(parseCasePackage(pkg));
    const id = (index: number) => items[index]!.identifier as string;
    expect(problems).toEqual([
      {
        kind: "duplicate-code",
        nodeId: id(6),
        message: `CFItem ${id(6)}: humanCodingScheme "${L1}.10" is also used by CFItem ${id(5)}.`,
      },
      { kind: "missing-statement", nodeId: id(7), message: `CFItem ${id(7)}: no statement (fullStatement is empty).` },
      {
        kind: "duplicate-id",
        nodeId: id(4),
        message: `CFItem ${id(4)}: identifier "${id(4)}" is also used by CFItems[4] (this one is CFItems[28]).`,
      },
      {
        kind: "unknown-parent",
        nodeId: id(1),
        message: `CFItem ${id(1)}: its parent "99999999-9999-4999-8999-999999999999" (isChildOf) is not a competency of this file.`,
      },
    ]);
  });

  it("a cycle through isChildOf associations", () => {
    const pkg = act();
    // GM (top) becomes a child of 2DFP: GM → 2DFP → PF → GM.
    pkg.CFAssociations[0]!.destinationNodeURI = { ...(pkg.CFAssociations[2]!.originNodeURI as Json) };
    const { problems } = failed(parseCasePackage(pkg));
    const [gm, pf, dfp] = [0, 1, 2].map((index) => pkg.CFItems[index]!.identifier as string);
    expect(problems).toEqual([
      {
        kind: "cycle",
        nodeId: gm,
        message: `CFItem ${gm}, CFItem ${dfp} and CFItem ${pf} form a cycle through isChildOf: H.A.MATH.GM → H.A.MATH.GM.PF.2DFP → H.A.MATH.GM.PF → H.A.MATH.GM.`,
      },
    ]);
  });

  it("a package without a title or without a CFDocument", () => {
    const pkg = act();
    delete pkg.CFDocument.title;
    expect(failed(parseCasePackage(pkg)).problems).toEqual([
      { kind: "missing-framework", nodeId: DOCUMENT_ID, message: `CFDocument ${DOCUMENT_ID}: the CFDocument has no title.` },
    ]);
    expect(failed(parseCasePackage({ CFItems: [] })).problems).toEqual([
      { kind: "missing-framework", message: "The CASE package has no CFDocument." },
    ]);
  });
});
