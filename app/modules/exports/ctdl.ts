/**
 * CTDL (Credential Engine) JSON-LD of an approved credential specification (issue #17). Pure: the
 * approved content and an ExportContext in, one `ceterms:MicroCredential` (or the subtype the
 * specification names) out, shaped like the registry's own ingest examples: text as language
 * maps at the top level and in condition profiles, plain strings inside alignment objects (what
 * the registry's JSON schema accepts there), organizations by @id. `ctdlPublishingProblems` is the
 * publishing API's extra rules, shared by the tests and the standards-readiness checklist.
 */
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { REGISTRY_RESOURCES } from "~/modules/frameworks/export/ctdl-asn.server";
import { awardingOwners, credentialCtid, credentialOwners, credentialUrls, offeringOwners, organizationUri, type ExportContext } from "~/modules/exports/context";

export const CTDL_CONTEXT = "https://credreg.net/ctdl/schema/context/json";

type Json = Record<string, unknown>;
type LangMap = Record<string, string>;

/** Credential subtypes of the registry's schema a specification may name; MicroCredential otherwise. */
export const CTDL_CREDENTIAL_TYPES = [
  "ceterms:MicroCredential",
  "ceterms:Certificate",
  "ceterms:CertificateOfCompletion",
  "ceterms:Certification",
  "ceterms:Badge",
  "ceterms:DigitalBadge",
  "ceterms:OpenBadge",
  "ceterms:ApprenticeshipCertificate",
  "ceterms:JourneymanCertificate",
  "ceterms:MasterCertificate",
  "ceterms:License",
  "ceterms:Diploma",
] as const;

const CTID_FORM = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** CTDL's vocabularies (https://credreg.net/ctdl/terms/…) for the specification's select fields. */
const STATUS: Record<string, [string, string]> = {
  // The vocabulary has no "in development": an approved specification is published as active.
  in_development: ["credentialStat:Active", "Active"],
  active: ["credentialStat:Active", "Active"],
  suspended: ["credentialStat:Suspended", "Suspended"],
  retired: ["credentialStat:Ceased", "Ceased"],
};
const DELIVERY: Record<string, [string, string]> = {
  online: ["deliveryType:OnlineOnly", "Online Only"],
  in_person: ["deliveryType:InPerson", "In Person Only"],
  hybrid: ["deliveryType:BlendedDelivery", "Blended Delivery"],
};
const OCCUPATION_FRAMEWORKS: Record<string, { name: string; framework: string; node: (code: string) => string | null }> = {
  noc_2021: {
    name: "National Occupational Classification 2021",
    framework: "https://noc.esdc.gc.ca/",
    node: (code) => `https://noc.esdc.gc.ca/Structure/NOCProfile?code=${encodeURIComponent(code)}&version=2021.0`,
  },
  oasis: { name: "Occupational and Skills Information System (OaSIS)", framework: "https://noc.esdc.gc.ca/Oasis/OasisWelcome", node: () => null },
  esco: { name: "ESCO occupations", framework: "http://data.europa.eu/esco/occupation", node: (code) => (/^http/.test(code) ? code : null) },
  onet: { name: "O*NET-SOC", framework: "https://www.onetcenter.org/taxonomy.html", node: (code) => `https://www.onetonline.org/link/summary/${encodeURIComponent(code)}` },
};

function alignment(framework: string, frameworkName: string, targetNode: string | null, targetNodeName: string, extra: Json = {}): Json {
  return {
    "@type": "ceterms:CredentialAlignmentObject",
    "ceterms:framework": framework,
    "ceterms:frameworkName": frameworkName,
    ...(targetNode ? { "ceterms:targetNode": targetNode } : {}),
    "ceterms:targetNodeName": targetNodeName,
    ...extra,
  };
}

function languagesOf(spec: CanonicalDocument): string[] {
  return Array.isArray(spec.fields.languages) ? spec.fields.languages.filter((l): l is string => typeof l === "string") : [];
}

function credentialType(spec: CanonicalDocument): string {
  const named = asString(spec.fields.credentialType);
  const prefixed = named && !named.startsWith("ceterms:") ? `ceterms:${named}` : named;
  return prefixed && (CTDL_CREDENTIAL_TYPES as readonly string[]).includes(prefixed) ? prefixed : "ceterms:MicroCredential";
}

/**
 * French beside the record's language when the specification is published in English and French
 * (issue #20): `{ "en": …, "fr": … }`, the same keys as the record's other language maps.
 */
function withFrench(spec: CanonicalDocument, language: string, english: string, french: string | null): LangMap {
  return spec.fields.bilingual === true && french?.trim() && language !== "fr" ? { [language]: english, fr: french.trim() } : { [language]: english };
}

function targetCompetencies(spec: CanonicalDocument, language: string): Json[] {
  return rowsOf(spec.fields, "competencies").flatMap((row) => {
    const title = asString(row.title);
    if (!row.id || !title) return [];
    const code = asString(row.code);
    const outcome = asString(row.outcome);
    const framework = asString(row.framework);
    const uri = asString(row.uri);
    return [
      {
        "@type": "ceterms:CredentialAlignmentObject",
        ...(framework ? { "ceterms:frameworkName": framework } : {}),
        ...(uri ? { "ceterms:targetNode": uri } : {}),
        "ceterms:targetNodeName": title,
        ...(outcome ? { "ceterms:targetNodeDescription": spec.fields.bilingual === true && asString(row.outcomeFr)?.trim() ? withFrench(spec, language, outcome, asString(row.outcomeFr)) : outcome } : {}),
        ...(code ? { "ceterms:codedNotation": code } : {}),
      },
    ];
  });
}

function occupations(spec: CanonicalDocument): Json[] {
  return rowsOf(spec.fields, "occupations").flatMap((row) => {
    const system = OCCUPATION_FRAMEWORKS[asString(row.system) ?? ""];
    const code = asString(row.code);
    const title = asString(row.title);
    if (!system || !code || !title) return [];
    return [alignment(system.framework, system.name, system.node(code), title, { "ceterms:codedNotation": code })];
  });
}

export function ctdlCredential(spec: CanonicalDocument, context: ExportContext): Json {
  const title = asString(spec.fields.title) ?? "";
  const urls = credentialUrls(context, title);
  const ctid = credentialCtid(context.documentId);
  const languages = languagesOf(spec);
  const language = languages[0] ?? "en";
  const text = (value: string): LangMap => ({ [language]: value });
  const owners = credentialOwners(spec, context);
  const status = STATUS[asString(spec.fields.credentialStatus) ?? ""];
  const delivery = DELIVERY[asString(spec.fields.learningMode) ?? ""];
  const weeks = asNumber(spec.fields.timeToCompleteWeeks);
  const hours = asNumber(spec.fields.learningHours);
  const cost = asNumber(spec.fields.costCad);
  const competencies = targetCompetencies(spec, language);
  const occupationTypes = occupations(spec);
  const qaAgencies = context.approval
    ? context.organizations.filter((o) => o.kind === "qa_agency" && context.approval!.approvedByOrganizationIds.includes(o.id))
    : [];
  const durationText = [weeks !== null ? `Typically ${weeks} weeks` : null, hours !== null ? `${hours} notional learning hours` : null].filter(Boolean).join("; ");

  return {
    "@context": CTDL_CONTEXT,
    "@id": `${REGISTRY_RESOURCES}${ctid}`,
    "@type": credentialType(spec),
    "ceterms:ctid": ctid,
    "ceterms:name": withFrench(spec, language, title, asString(spec.fields.titleFr)),
    "ceterms:description": withFrench(spec, language, asString(spec.fields.summary) ?? "", asString(spec.fields.summaryFr)),
    ...(asString(spec.fields.shortCode) ? { "ceterms:codedNotation": asString(spec.fields.shortCode) } : {}),
    "ceterms:ownedBy": awardingOwners(owners).map((o) => o.uri),
    "ceterms:offeredBy": offeringOwners(owners).map((o) => o.uri),
    "ceterms:subjectWebpage": urls.catalogPage,
    "ceterms:inLanguage": languages,
    ...(status ? { "ceterms:credentialStatusType": alignment("https://credreg.net/ctdl/terms/CredentialStatus", "Credential Status", status[0], status[1]) } : {}),
    ...(context.approval ? { "ceterms:dateEffective": context.approval.approvedAt.slice(0, 10) } : {}),
    ...(durationText
      ? {
          "ceterms:estimatedDuration": [
            { "@type": "ceterms:DurationProfile", ...(weeks !== null ? { "ceterms:exactDuration": `P${weeks}W` } : {}), "ceterms:description": text(durationText) },
          ],
        }
      : {}),
    ...(cost !== null
      ? {
          "ceterms:estimatedCost": [
            {
              "@type": "ceterms:CostProfile",
              "ceterms:costDetails": urls.catalogPage,
              "ceterms:currency": "CAD",
              "ceterms:price": cost,
              "ceterms:description": text(asString(spec.fields.costIncludes) ?? "Cost to the learner"),
              "ceterms:directCostType": [alignment("https://credreg.net/ctdl/terms/CostType", "Cost Type", "costType:AggregateCost", "Aggregate Cost")],
            },
          ],
        }
      : {}),
    ...(delivery ? { "ceterms:learningDeliveryType": [alignment("https://credreg.net/ctdl/terms/Delivery", "Delivery Type", delivery[0], delivery[1])] } : {}),
    ...(competencies.length > 0
      ? {
          "ceterms:requires": [
            {
              "@type": "ceterms:ConditionProfile",
              "ceterms:name": text("Competencies"),
              "ceterms:description": text("Demonstrate each of these competencies in the credential's assessments."),
              "ceterms:targetCompetency": competencies,
            },
          ],
        }
      : {}),
    ...(occupationTypes.length > 0 ? { "ceterms:occupationType": occupationTypes } : {}),
    ...(qaAgencies.length > 0 ? { "ceterms:approvedBy": qaAgencies.map((o) => organizationUri(context.origin, o)) } : {}),
    ...stacking(spec, context),
    ...laddering(context, text),
  };
}

/**
 * Confirmed recognitions: preparation for admission as isPreparationFor, credits and advanced
 * standing as isAdvancedStandingFor, each a ConditionProfile naming the program and asserted by the
 * receiving institution (proposed ones are not exported: nobody has agreed to them yet).
 */
function laddering(context: ExportContext, text: (value: string) => LangMap): Json {
  const profile = (r: NonNullable<ExportContext["recognitions"]>[number]): Json => {
    const grant = r.standing === "preparation" ? "Preparation for admission" : r.standing === "advanced_standing" ? "Advanced standing" : `${r.creditGranted ?? 0} credits`;
    const valid = r.validFrom || r.validTo ? ` Valid ${r.validFrom ?? "…"} to ${r.validTo ?? "…"}.` : "";
    return {
      "@type": "ceterms:ConditionProfile",
      "ceterms:name": text(`${r.program}, ${r.institution}`),
      // Conditions go in the description: the registry schema types ceterms:condition as plain strings, not language maps.
      "ceterms:description": text(`${grant} in ${r.program} at ${r.institution}${r.province ? ` (${r.province})` : ""}, signed by the institution.${r.conditions ? ` Conditions: ${r.conditions}` : ""}${valid}`),
      "ceterms:assertedBy": [organizationUri(context.origin, { id: r.organizationId })],
      ...(r.standing === "credits" && r.creditGranted !== null ? { "ceterms:creditUnitValue": r.creditGranted } : {}),
      ...(r.validFrom ? { "ceterms:dateEffective": r.validFrom } : {}),
    };
  };
  const all = context.recognitions ?? [];
  const preparation = all.filter((r) => r.standing === "preparation").map(profile);
  const standing = all.filter((r) => r.standing !== "preparation").map(profile);
  return {
    ...(standing.length > 0 ? { "ceterms:isAdvancedStandingFor": standing } : {}),
    ...(preparation.length > 0 ? { "ceterms:isPreparationFor": preparation } : {}),
  };
}

/** A stack names its modules (hasPart), a module the approved stacks it is part of (isPartOf), as registry resources. */
function stacking(spec: CanonicalDocument, context: ExportContext): Json {
  const resource = (documentId: string) => `${REGISTRY_RESOURCES}${credentialCtid(documentId)}`;
  const kind = asString(spec.fields.credentialKind);
  if (kind === "stack") {
    const modules = [...new Set(rowsOf(spec.fields, "stackModules").flatMap((row) => asString(row.moduleDocumentId) ?? []))];
    return modules.length > 0 ? { "ceterms:hasPart": modules.map(resource) } : {};
  }
  if (kind === "module" && context.stacks && context.stacks.length > 0) return { "ceterms:isPartOf": context.stacks.map(resource) };
  return {};
}

export type PublishingProblem = { property: string; message: string };

function values(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object" && !Array.isArray(value)) return Object.values(value).filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * What the Credential Engine publishing API refuses beyond the registry's JSON schema: the
 * schema's required properties, plus ownedBy, inLanguage, a description of at least 15
 * characters and a CTID of the form ce-<uuid>. Empty when the record can be published.
 */
export function ctdlPublishingProblems(record: Readonly<Record<string, unknown>>): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  const present = (key: string) => {
    const value = record[key];
    return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0) && (typeof value !== "object" || Array.isArray(value) || Object.keys(value).length > 0);
  };
  for (const key of ["@type", "@id", "ceterms:name", "ceterms:subjectWebpage", "ceterms:credentialStatusType"]) {
    if (!present(key)) problems.push({ property: key, message: `${key} is required.` });
  }
  const ctid = record["ceterms:ctid"];
  if (typeof ctid !== "string" || !CTID_FORM.test(ctid)) problems.push({ property: "ceterms:ctid", message: "The CTID must have the form ce-<uuid>." });
  const names = values(record["ceterms:name"]);
  if (present("ceterms:name") && names.every((n) => n.trim() === "")) problems.push({ property: "ceterms:name", message: "ceterms:name is required." });
  const descriptions = values(record["ceterms:description"]);
  if (descriptions.length === 0 || descriptions.some((d) => d.trim().length < 15)) {
    problems.push({ property: "ceterms:description", message: "The description must be at least 15 characters long." });
  }
  if (!present("ceterms:ownedBy")) problems.push({ property: "ceterms:ownedBy", message: "The credential needs an owning organization (ceterms:ownedBy)." });
  if (!present("ceterms:inLanguage")) problems.push({ property: "ceterms:inLanguage", message: "The credential needs a language (ceterms:inLanguage)." });
  return problems;
}
