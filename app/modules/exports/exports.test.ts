import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaValidator } from "../../../test/support/framework-fixtures";
import { credentialCtid, credentialUrls } from "~/modules/exports/context";
import { CTDL_CONTEXT, ctdlCredential, ctdlPublishingProblems } from "~/modules/exports/ctdl";
import { demoContent, demoContext, blankSpecification } from "~/modules/exports/demo-fixture";
import { openBadgesAchievement, openBadgesDocument } from "~/modules/exports/openbadges";
import { rubricLevels } from "~/modules/exports/assessments";

const STANDARDS = path.resolve(import.meta.dirname, "../../../test/standards");
const schema = (name: string) => JSON.parse(readFileSync(path.join(STANDARDS, name), "utf8")) as Record<string, unknown> & { $defs: Record<string, object> };

const ob3 = schema("ob3-achievementcredential.schema.json");
/** `$defs/Achievement` of the official AchievementCredential schema, with the $defs it refers to. */
const validateAchievement = schemaValidator({ $schema: ob3.$schema, $defs: ob3.$defs, ...ob3.$defs.Achievement });
const validateCredential = schemaValidator(schema("registry-jsonschema-credential.json"));

type Json = Record<string, unknown>;

/**
 * The registry schema as published predates the https:// context and types text as plain strings
 * (its meta:langstring), while the registry's own ingest examples — and the publishing API — use
 * language maps; the official example fails the schema on exactly these points (see
 * ../shared/standards/README.md). So the record is validated with the http:// context and each
 * language map read as its first string (a bilingual map holds the same text in each language);
 * nothing else is changed.
 */
function registryForm(record: Json): Json {
  const flatten = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(flatten);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const langString = key === "ceterms:name" || key === "ceterms:description" || key === "ceterms:targetNodeDescription";
        const map = langString && v && typeof v === "object" && !Array.isArray(v) ? Object.values(v) : null;
        return [key, map && map.length > 0 ? map[0] : flatten(v)];
      }),
    );
  };
  return { ...(flatten(record) as Json), "@context": "http://credreg.net/ctdl/schema/context/json" };
}

/** The credential schema's errors (none when one subtype of its anyOf accepts the record). */
function credentialErrors(record: Json): string[] {
  return validateCredential(registryForm(record));
}

describe("CTDL of a credential with confirmed recognitions (issue #18)", () => {
  it("names each as a ConditionProfile under isAdvancedStandingFor / isPreparationFor, valid against the registry schema", () => {
    const { spec, plan } = demoContent();
    const recognition = { institution: "Prairie University", organizationId: "org-prairie", province: "SK", conditions: "Grade B or better", validFrom: "2027-01-01", validTo: null };
    const record = ctdlCredential(spec, {
      ...demoContext(plan),
      recognitions: [
        { ...recognition, program: "BSc Environmental Science", standing: "credits", creditGranted: 6 },
        { ...recognition, program: "Master of Planning", standing: "preparation", creditGranted: null },
      ],
    });
    expect(record["ceterms:isAdvancedStandingFor"]).toEqual([expect.objectContaining({ "@type": "ceterms:ConditionProfile", "ceterms:creditUnitValue": 6, "ceterms:assertedBy": ["https://concord.example/organizations/org-prairie"] })]);
    expect(record["ceterms:isPreparationFor"]).toEqual([expect.objectContaining({ "ceterms:name": { en: "Master of Planning, Prairie University" } })]);
    expect(credentialErrors(record)).toEqual([]);
  });
});

describe("Open Badges 3.0 Achievement of the demo specification", () => {
  const { spec, plan } = demoContent();
  const achievement = openBadgesAchievement(spec, demoContext(plan));

  it("is valid against $defs/Achievement of the official schema", () => {
    expect(validateAchievement(achievement)).toEqual([]);
    expect(validateAchievement(openBadgesDocument(spec, demoContext(plan)))).toEqual([]);
  });

  it("carries the specification: name, description, type, language, credits and a stable id", () => {
    expect(achievement).toMatchObject({
      id: "https://concord.example/api/v1/credentials/demo-doc-spec/openbadges",
      type: ["Achievement"],
      achievementType: "MicroCredential",
      name: "Climate Adaptation Practitioner",
      humanCode: "CAP-101",
      inLanguage: "en",
      creditsAvailable: 3,
      fieldOfStudy: "Climate Adaptation Practitioner Competency Framework",
    });
    expect(achievement.description).toMatch(/^A 150-hour micro-credential/);
    expect(openBadgesAchievement(spec, demoContext(plan))).toEqual(achievement);
  });

  it("aligns to every competency with its framework, code and URI", () => {
    const competencies = spec.fields.competencies as Json[];
    expect(achievement.alignment).toHaveLength(8);
    expect(achievement.alignment).toHaveLength(competencies.length);
    expect(achievement.alignment[0]).toEqual({
      type: ["Alignment"],
      targetName: "Interpret climate projections and downscaled climate data for a site or asset",
      targetUrl: "https://frameworks.concord.example/climate-adaptation-practitioner/CAP.1.1",
      targetDescription: expect.stringMatching(/^Selects emissions scenarios/),
      targetFramework: "Climate Adaptation Practitioner Competency Framework (1.0)",
      targetCode: "CAP.1.1",
      targetType: "ceasn:Competency",
    });
  });

  it("takes its criteria and result descriptions from the assessment plan, with the rubric's levels", () => {
    const assessments = plan.fields.assessments as Json[];
    expect(achievement.criteria.narrative).toContain("- **Flood-exposure modelling simulation** (Simulation, institution): pass at Level 3 — Proficient on every competency it assesses");
    const results = achievement.resultDescription as Json[];
    expect(results).toHaveLength(assessments.length);
    const simulation = results.find((r) => r.name === "Flood-exposure modelling simulation")!;
    expect(simulation.resultType).toBe("RubricCriterionLevel");
    expect((simulation.rubricCriterionLevel as Json[]).map((l) => l.name)).toEqual(["Not yet", "Developing", "Proficient", "Advanced"]);
    expect(simulation.requiredLevel).toBe(`${String(simulation.id)}-level-3`);
    // A marking scheme in prose has no levels: its pass level stays text.
    const written = results.find((r) => String(r.name).startsWith("Written examination"))!;
    expect(written).toMatchObject({ resultType: "Status", requiredValue: "70% overall (Level 3 — Proficient)" });
  });

  it("names the lead institution as creator, a Profile with its country", () => {
    expect(achievement.creator).toEqual({
      id: "https://concord.example/organizations/demo-org-lakeshore",
      type: ["Profile"],
      name: "Lakeshore College",
      address: { type: ["Address"], addressCountry: "Canada", addressCountryCode: "CA", addressRegion: "ON" },
    });
  });

  it("is still valid without a plan (criteria from the competencies) and for a blank specification", () => {
    expect(validateAchievement(openBadgesAchievement(spec, demoContext(null)))).toEqual([]);
    expect(openBadgesAchievement(spec, demoContext(null)).criteria.narrative).toContain("- Model riverine and pluvial flood hazard");
    expect(validateAchievement(openBadgesAchievement(blankSpecification(), demoContext(null, { organizations: [] })))).toEqual([]);
  });

  it("the schema check can fail: a missing name and a wrong alignment type are caught", () => {
    const { name: _name, ...nameless } = achievement;
    expect(validateAchievement(nameless).join("\n")).toMatch(/name/);
    const wrong = { ...achievement, alignment: [{ ...achievement.alignment[0], type: ["Competency"] }] };
    expect(validateAchievement(wrong)).not.toEqual([]);
  });
});

describe("CTDL credential of the demo specification", () => {
  const { spec, plan } = demoContent();
  const record = ctdlCredential(spec, demoContext(plan));

  it("is valid against the registry's credential schema and passes the publishing API's rules", () => {
    expect(record["@context"]).toBe(CTDL_CONTEXT);
    expect(credentialErrors(record)).toEqual([]);
    expect(ctdlPublishingProblems(record)).toEqual([]);
  });

  it("has a stable CTID derived from the document id, and the catalog page as subject webpage", () => {
    const ctid = credentialCtid("demo-doc-spec");
    expect(ctid).toMatch(/^ce-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(credentialCtid("demo-doc-spec")).toBe(ctid);
    expect(credentialCtid("another-document")).not.toBe(ctid);
    expect(record).toMatchObject({
      "@type": "ceterms:MicroCredential",
      "@id": `https://credentialengineregistry.org/resources/${ctid}`,
      "ceterms:ctid": ctid,
      "ceterms:subjectWebpage": "https://concord.example/catalog/climate-adaptation-practitioner-demo-doc-spec",
    });
    expect(credentialUrls(demoContext(plan), "Climate Adaptation Practitioner").catalogPage).toBe(record["ceterms:subjectWebpage"]);
  });

  it("carries name and description as language maps, owners, languages, status, duration, cost and delivery", () => {
    expect(record["ceterms:name"]).toEqual({ en: "Climate Adaptation Practitioner" });
    expect(Object.keys(record["ceterms:description"] as Json)).toEqual(["en"]);
    expect(record["ceterms:ownedBy"]).toEqual(["https://concord.example/organizations/demo-org-lakeshore"]);
    expect(record["ceterms:offeredBy"]).toEqual(["https://concord.example/organizations/demo-org-lakeshore", "https://concord.example/organizations/demo-org-prairie"]);
    expect(record["ceterms:inLanguage"]).toEqual(["en"]);
    expect(record["ceterms:credentialStatusType"]).toMatchObject({ "ceterms:targetNode": "credentialStat:Active" });
    expect(record["ceterms:estimatedDuration"]).toEqual([
      { "@type": "ceterms:DurationProfile", "ceterms:exactDuration": "P16W", "ceterms:description": { en: "Typically 16 weeks; 150 notional learning hours" } },
    ]);
    expect(record["ceterms:estimatedCost"]).toMatchObject([{ "@type": "ceterms:CostProfile", "ceterms:currency": "CAD", "ceterms:price": 1450 }]);
    expect(record["ceterms:learningDeliveryType"]).toMatchObject([{ "ceterms:targetNode": "deliveryType:BlendedDelivery" }]);
    expect(record["ceterms:dateEffective"]).toBe("2026-11-30");
  });

  it("carries the French beside the English when the specification is published in both (issue #20), still valid", () => {
    const [first, ...rest] = (spec.fields.competencies as Array<Record<string, unknown>>) ?? [];
    const bilingual = {
      ...spec,
      fields: {
        ...spec.fields,
        bilingual: true,
        titleFr: "Praticien de l’adaptation climatique",
        summaryFr: "Un microtitre pour évaluer les risques climatiques et planifier l’adaptation des infrastructures.",
        competencies: [{ ...first, outcomeFr: "La personne évalue l’exposition d’un site aux inondations." }, ...rest],
      },
    } as typeof spec;
    const french = ctdlCredential(bilingual, demoContext(plan));
    expect(french["ceterms:name"]).toEqual({ en: "Climate Adaptation Practitioner", fr: "Praticien de l’adaptation climatique" });
    expect(Object.keys(french["ceterms:description"] as Json)).toEqual(["en", "fr"]);
    const json = JSON.stringify(french);
    expect(json).toContain("La personne évalue l’exposition d’un site aux inondations.");
    expect(credentialErrors(french)).toEqual([]);
    expect(ctdlPublishingProblems(french)).toEqual([]);
    // Not published in both: the French fields stay out even when filled.
    const notBilingual = ctdlCredential({ ...bilingual, fields: { ...bilingual.fields, bilingual: false } } as typeof spec, demoContext(plan));
    expect(notBilingual["ceterms:name"]).toEqual({ en: "Climate Adaptation Practitioner" });
  });

  it("requires every competency through one condition profile, and aligns to the NOC occupations", () => {
    const [condition] = record["ceterms:requires"] as Json[];
    const targets = condition!["ceterms:targetCompetency"] as Json[];
    expect(targets).toHaveLength((spec.fields.competencies as Json[]).length);
    expect(targets[2]).toEqual({
      "@type": "ceterms:CredentialAlignmentObject",
      "ceterms:frameworkName": "Climate Adaptation Practitioner Competency Framework (1.0)",
      "ceterms:targetNode": "https://frameworks.concord.example/climate-adaptation-practitioner/CAP.3.1",
      "ceterms:targetNodeName": "Model riverine and pluvial flood hazard for a reach or catchment",
      "ceterms:targetNodeDescription": expect.stringMatching(/^Builds a hydraulic model/),
      "ceterms:codedNotation": "CAP.3.1",
    });
    const occupations = record["ceterms:occupationType"] as Json[];
    expect(occupations.map((o) => o["ceterms:codedNotation"])).toEqual(["41400", "21202", "21300", "21310", "22300"]);
    expect(occupations[0]).toMatchObject({ "ceterms:frameworkName": "National Occupational Classification 2021", "ceterms:targetNodeName": expect.stringMatching(/policy researchers/) });
  });

  it("is approved by the project's QA agency when it approved, and not otherwise", () => {
    expect(record["ceterms:approvedBy"]).toEqual(["https://concord.example/organizations/demo-org-pqab"]);
    const withoutQa = ctdlCredential(spec, demoContext(plan, { approval: { approvedAt: "2026-11-30T00:00:00Z", versionHash: "b".repeat(64), approvedByOrganizationIds: ["demo-org-lakeshore"] } }));
    expect(withoutQa["ceterms:approvedBy"]).toBeUndefined();
  });

  it("uses the subtype the specification names", () => {
    const certificate = ctdlCredential({ ...spec, fields: { ...spec.fields, credentialType: "Certificate" } }, demoContext(plan));
    expect(certificate["@type"]).toBe("ceterms:Certificate");
    expect(credentialErrors(certificate)).toEqual([]);
  });

  it("names a stack's modules (hasPart) and a module's approved stacks (isPartOf) as registry resources, still valid", () => {
    const modules = [
      { id: "r1", moduleDocumentId: "module-a", versionHash: "a".repeat(64), title: "Flood-risk modelling" },
      { id: "r2", moduleDocumentId: "module-b", versionHash: "b".repeat(64), title: "Adaptation planning" },
    ];
    const stack = ctdlCredential({ ...spec, fields: { ...spec.fields, credentialKind: "stack", stackModules: modules } }, demoContext(plan));
    const resource = (id: string) => `https://credentialengineregistry.org/resources/${credentialCtid(id)}`;
    expect(stack["ceterms:hasPart"]).toEqual([resource("module-a"), resource("module-b")]);
    expect(stack["ceterms:isPartOf"]).toBeUndefined();
    expect(credentialErrors(stack)).toEqual([]);

    const module = ctdlCredential({ ...spec, fields: { ...spec.fields, credentialKind: "module" } }, { ...demoContext(plan), stacks: ["stack-x"] });
    expect(module["ceterms:isPartOf"]).toEqual([resource("stack-x")]);
    expect(module["ceterms:hasPart"]).toBeUndefined();
    expect(credentialErrors(module)).toEqual([]);
    // A stand-alone credential is neither.
    expect(record["ceterms:hasPart"]).toBeUndefined();
    expect(record["ceterms:isPartOf"]).toBeUndefined();
  });

  it("the checks can fail: the schema and the publishing rules catch what the registry would refuse", () => {
    const { "ceterms:subjectWebpage": _page, ...noPage } = record;
    expect(credentialErrors(noPage).join("\n")).toMatch(/subjectWebpage/);
    expect(credentialErrors({ ...record, "@type": "ceterms:Nonsense" })).not.toEqual([]);
    expect(ctdlPublishingProblems({ ...record, "ceterms:ctid": "ce-not-a-uuid", "ceterms:description": { en: "Too short" }, "ceterms:ownedBy": [], "ceterms:inLanguage": [] }).map((p) => p.property)).toEqual([
      "ceterms:ctid",
      "ceterms:description",
      "ceterms:ownedBy",
      "ceterms:inLanguage",
    ]);
    const blank = ctdlCredential(blankSpecification(), demoContext(null, { organizations: [] }));
    expect(ctdlPublishingProblems(blank).map((p) => p.property)).toEqual(["ceterms:name", "ceterms:description", "ceterms:ownedBy", "ceterms:inLanguage"]);
  });
});

describe("rubricLevels", () => {
  it.each([
    ["1 Not yet — a. 2 Developing — b. 3 Proficient — c.", ["Not yet", "Developing", "Proficient"]],
    ["Marking scheme mapped to the rubric: under 50% Not yet, 50–69% Developing.", []],
    ["", []],
  ])("%s", (rubric, names) => {
    expect(rubricLevels(rubric).map((l) => l.name)).toEqual(names);
  });
});
