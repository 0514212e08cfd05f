import { describe, expect, it } from "vitest";
import { credentialFacts } from "~/components/catalog/CredentialFacts";
import type { CatalogEntry } from "~/modules/catalog/entry";
import { costText, creditText, durationText, institutionsText, ladderingText, levelText, recognitionsText, startText } from "~/modules/catalog/present";
import { translator } from "~/modules/i18n/i18n";

const entry = {
  issuingInstitutions: [{ name: "Lakeshore College", province: "ON" }, { name: "Prairie University", province: null }],
  province: { code: "ON", label: "Ontario" },
  deliveryMode: { code: "hybrid", label: "Hybrid (online and in person)" },
  timeToCompleteWeeks: 1,
  learningHours: 1200,
  costCad: 1234.5,
  startModel: { schedule: { code: "cohort", label: "Cohort — fixed start dates" }, cohortStarts: ["2027-01-11", "2027-09-06"] },
  credit: { value: 1.5, system: { code: "institutional", label: "Institutional credit" } },
  laddersInto: [{ program: "BSc", institution: "Prairie University", creditGranted: 6 }],
  stacksInto: [{ credential: "Diploma", issuer: "Lakeshore College" }],
  recognitions: [],
  level: { framework: { code: "oqf", label: "Ontario Qualifications Framework (OQF)" }, level: 5 },
} as unknown as CatalogEntry;

describe("credentialFacts", () => {
  it("says in English what the catalog's English functions say", () => {
    const facts = credentialFacts(translator("en"), "en", entry);
    expect(facts).toMatchObject({
      institutions: institutionsText(entry),
      duration: durationText(entry),
      cost: costText(entry),
      start: startText(entry),
      credit: creditText(entry),
      laddering: ladderingText(entry),
      recognitions: recognitionsText(entry),
      level: levelText(entry),
      province: "Ontario",
      deliveryMode: "Hybrid (online and in person)",
    });
    const empty = { ...entry, timeToCompleteWeeks: null, learningHours: null, costCad: 0, startModel: { schedule: null, cohortStarts: [] }, credit: { value: null, system: null }, laddersInto: [], stacksInto: [], level: { framework: null, level: null } } as unknown as CatalogEntry;
    expect(credentialFacts(translator("en"), "en", empty)).toMatchObject({ duration: durationText(empty), cost: costText(empty), start: startText(empty), credit: creditText(empty), laddering: ladderingText(empty), level: levelText(empty) });
  });

  it("says it in French, with the specification's own option labels", () => {
    const facts = credentialFacts(translator("fr"), "fr", entry);
    expect(facts.deliveryMode).toBe("Hybride (en ligne et en présence)");
    expect(facts.duration).toMatch(/^1 semaine, 1200 heures d’apprentissage$/);
    expect(facts.cost).toMatch(/^1\s234,50\s\$$/);
    expect(facts.credit).toBe("1,5 crédit (Crédits de l’établissement)");
    expect(facts.start).toBe("Cohortes débutant le 11 janvier 2027, 6 septembre 2027");
  });
});
