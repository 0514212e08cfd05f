import { describe, expect, it } from "vitest";
import { KIND_DEFINITIONS, kindIndex } from "~/modules/documents/kinds/registry";
import type { DocumentKind, KindDefinition, RowsFieldDef, SelectFieldDef } from "~/modules/documents/model/types";
import { definitionTexts, englishPlural, kindTexts, localizedKindDefinition, rowNoun, translationTexts } from "./kind-text";

const KINDS = Object.keys(KIND_DEFINITIONS) as DocumentKind[];
const fr = kindTexts("fr");

/** Row-noun grammar the French adds beside each itemLabel (not in the English definitions). */
const NOUN_EXTRAS = /\.(itemPlural|itemGender)$/;

function item(definition: KindDefinition, key: string) {
  const entry = kindIndex(definition).fieldByKey.get(key) ?? kindIndex(definition).textByKey.get(key);
  const found = entry && ("field" in entry ? entry.field : entry.text);
  if (!found) throw new Error(`no item ${key}`);
  return found;
}

describe("French text of the document kinds", () => {
  it("has French for every user-visible string, and nothing that matches no string", () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const kind of KINDS) {
      const english = definitionTexts(KIND_DEFINITIONS[kind]);
      const french = fr[kind] ? translationTexts(fr[kind]) : new Map<string, string>();
      for (const path of english.keys()) if (!french.get(path)?.trim()) missing.push(`${kind}.${path}`);
      for (const path of french.keys()) {
        const known = NOUN_EXTRAS.test(path) ? english.has(path.replace(NOUN_EXTRAS, ".itemLabel")) : english.has(path);
        if (!known) extra.push(`${kind}.${path}`);
      }
    }
    expect(missing, "strings of the definitions without French").toEqual([]);
    expect(extra, "French entries that match nothing in the definitions").toEqual([]);
  });

  it("keys items uniquely per kind (the French file keys them by item key across sections)", () => {
    for (const kind of KINDS) {
      const keys = KIND_DEFINITIONS[kind].sections.flatMap((section) => section.items.map((entry) => entry.key));
      expect(keys.filter((key, i) => keys.indexOf(key) !== i), kind).toEqual([]);
    }
  });

  it("gives every rows field's French noun its plural and gender", () => {
    const incomplete: string[] = [];
    for (const kind of KINDS) {
      for (const field of kindIndex(kind).fields) {
        if (field.type !== "rows") continue;
        const text = fr[kind].items[field.key];
        if (!text?.itemPlural || !text.itemGender) incomplete.push(`${kind}.items.${field.key}`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it("uses French typography: no-break space before : ; ? ! and inside « », no straight quotes", () => {
    const bad: string[] = [];
    for (const kind of KINDS) {
      for (const [path, text] of translationTexts(fr[kind])) {
        if (/(^|[^\u00a0\u202f])[;?!]/.test(text) || /(^|[^\u00a0\u202f]):(?!\/\/)/.test(text) || /«(?!\u00a0)|(?<!\u00a0)»|["“”]/.test(text)) {
          bad.push(`${kind}.${path}: ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("translates labels, options and row cells, and keeps everything else", () => {
    const en = KIND_DEFINITIONS.credential_spec;
    const spec = localizedKindDefinition("credential_spec", "fr");
    expect(spec.label).toBe("Spécification du microtitre");
    expect(spec.sections[0]!.title).toBe("Identification");
    expect(item(spec, "title").label).toBe("Nom du microtitre");
    expect((item(spec, "jurisdiction") as SelectFieldDef).options.find((o) => o.value === "QC")!.label).toBe("Québec");
    expect(item(spec, "learningHours")).toMatchObject({ label: "Heures d’apprentissage prévues", unit: "heures", min: 1, max: 2000, required: true });
    expect(item(spec, "shortCode")).toMatchObject({ pattern: { source: "^[A-Z0-9][A-Z0-9-]*$", message: expect.stringContaining("traits d’union") } });

    const owners = item(spec, "owners") as RowsFieldDef;
    expect(owners.itemLabel).toBe("organisme");
    expect(owners.titleFields).toEqual(["organization"]);
    const role = owners.fields.find((cell) => cell.key === "role") as SelectFieldDef;
    expect(role.label).toBe("Rôle");
    expect(role.options.map((o) => o.value)).toEqual(["issuer_awarder", "issuer", "awarder"]);
    expect(role.options[0]!.label).toBe("Délivre et décerne");

    // Behaviour is the English definition's, untouched.
    expect(spec.rules).toBe(en.rules);
    expect(spec.competencies).toBe(en.competencies);
    expect(spec.keyFields).toBe(en.keyFields);
    expect(kindIndex(spec).fields.map((f) => f.key)).toEqual(kindIndex(en).fields.map((f) => f.key));

    const plan = localizedKindDefinition("assessment_plan", "fr");
    const method = (item(plan, "assessments") as RowsFieldDef).fields.find((cell) => cell.key === "method") as SelectFieldDef;
    expect(method.options.find((o) => o.value === "logbook_signoff")!.label).toBe("Signature du carnet de bord (preuve indirecte)");

    const wbl = localizedKindDefinition("wbl_agreement", "fr");
    expect((item(wbl, "parties") as RowsFieldDef).fields.find((cell) => cell.key === "contactEmail")!.label).toBe("Courriel");
    expect(item(wbl, "reviewDate").help).toBe("Date à laquelle les parties font le point sur le déroulement du stage.");
  });

  it("is the same object for English and memoized per kind and locale", () => {
    expect(localizedKindDefinition("credential_spec", "en")).toBe(KIND_DEFINITIONS.credential_spec);
    expect(localizedKindDefinition("credential_spec", "fr")).toBe(localizedKindDefinition(KIND_DEFINITIONS.credential_spec, "fr"));
    expect(localizedKindDefinition("credential_spec", "fr")).not.toBe(KIND_DEFINITIONS.credential_spec);
    // The source is not modified.
    expect(KIND_DEFINITIONS.credential_spec.label).toBe("Credential specification");
  });

  it("names row nouns with their plural and gender", () => {
    expect(rowNoun("credential_spec", "competencies", "fr")).toEqual({ singular: "compétence", plural: "compétences", gender: "feminine" });
    expect(rowNoun("wbl_agreement", "milestones", "fr")).toEqual({ singular: "jalon", plural: "jalons", gender: "masculine" });
    expect(rowNoun("credential_spec", "owners", "en")).toEqual({ singular: "body", plural: "bodies", gender: "other" });
    expect(rowNoun("credential_spec", "title", "fr")).toBeNull();
    expect(englishPlural("competency")).toBe("competencies");
    expect(englishPlural("start date")).toBe("start dates");
  });
});
