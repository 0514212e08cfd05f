import { describe, expect, it } from "vitest";
import { i18nFor } from "~/modules/i18n/i18n";
import { gapMessage } from "~/modules/coverage/rules";
import { TRANSITIONS } from "./machine";
import { SIGNOFF_REFUSAL_MESSAGES, translatePanelTexts, translateSignoffRefusal } from "./messages";

const en = i18nFor("en").t;
const fr = i18nFor("fr").t;

/** Every refusal the transition table words. */
const tableRefusals = [
  ...new Set(
    Object.values(TRANSITIONS).flatMap((row) => Object.values(row).flatMap((rule) => (rule.allowed ? [] : [rule.message]))),
  ),
];

describe("sign-off refusal messages", () => {
  it("say the English unchanged", () => {
    const samples = [
      ...tableRefusals,
      ...SIGNOFF_REFUSAL_MESSAGES.flatMap(([english]) => (typeof english === "string" ? [english] : [])),
      "Stage 2 has already reached its quorum.",
      "Stage 3 decides once stage 2 is complete.",
      "The sign-off template does not fit this project: This organization does not take part in the project; The quorum (3) is larger than the stage (2). Adjust the template.",
      `${gapMessage(1)}.`,
      `${gapMessage(1234)}.`,
      "2 modules are not approved: Welding I, Untitled module.",
      "1 module is not approved: Welding I.",
      "Something else.",
    ];
    for (const message of samples) expect(translateSignoffRefusal(en, message)).toBe(message);
  });

  it("translate every refusal of the transition table into French", () => {
    for (const message of tableRefusals) expect(translateSignoffRefusal(fr, message), message).not.toBe(message);
  });

  it("carry the parameters into the French", () => {
    expect(translateSignoffRefusal(fr, "Stage 3 decides once stage 2 is complete.")).toBe("L’étape 3 décide une fois l’étape 2 terminée.");
    expect(translateSignoffRefusal(fr, `${gapMessage(2)}.`)).toMatch(/^2 .*\.$/);
    expect(translateSignoffRefusal(fr, "2 modules are not approved: Welding I, Welding II.")).toBe("2 modules ne sont pas approuvés\u00a0: Welding I, Welding II.");
    expect(
      translateSignoffRefusal(fr, "The sign-off template does not fit this project: The quorum (3) is larger than the stage (2). Adjust the template."),
    ).toBe("Le modèle d’approbation ne convient pas à ce projet\u00a0: Le quorum (3) dépasse la taille de l’étape (2). Ajustez le modèle.");
    expect(translateSignoffRefusal(fr, "Something else.")).toBe("Something else.");
  });
});

describe("sign-off panel texts", () => {
  const panel = {
    templateProblems: ["No organization of the project holds a seat in this stage"],
    coverage: {
      blocked: { message: "1 module is not approved: Welding I", href: "#stacking", explanation: "a stack is signed off only when each of its modules is approved." },
      warnings: ["2 essential competencies are assessed by soft evidence only (log-book sign-off, self-report or attendance)"],
    },
  };

  it("stay the same in English", () => {
    expect(translatePanelTexts(en, panel)).toEqual(panel);
  });

  it("are translated into French", () => {
    const french = translatePanelTexts(fr, panel);
    expect(french.templateProblems).toEqual(["Aucune organisation du projet n’occupe de siège à cette étape"]);
    expect(french.coverage.blocked?.message).toBe("1 module n’est pas approuvé\u00a0: Welding I");
    expect(french.coverage.blocked?.explanation).not.toBe(panel.coverage.blocked.explanation);
    expect(french.coverage.warnings[0]).not.toBe(panel.coverage.warnings[0]);
  });
});
