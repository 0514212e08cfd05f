import { describe, expect, it } from "vitest";
import { i18nFor } from "~/modules/i18n/i18n";
import { translateMessage } from "~/modules/i18n/known-messages";
import { RECOGNITION_MESSAGES } from "~/modules/recognitions/messages";
import { CONSORTIUM_MESSAGES } from "./messages";

describe("consortium and recognition messages", () => {
  it("say the English unchanged and the French with the typed values", () => {
    const typed = "No organization on Concord matches “Acme”. Check the exact name, or give the e-mail address of one of its admins.";
    expect(translateMessage(i18nFor("en").t, CONSORTIUM_MESSAGES, typed)).toBe(typed);
    expect(translateMessage(i18nFor("fr").t, CONSORTIUM_MESSAGES, typed)).toContain("Acme");
    expect(translateMessage(i18nFor("fr").t, CONSORTIUM_MESSAGES, "Prairie College is already a member.")).toBe("Prairie College est déjà membre.");
    for (const [english] of [...CONSORTIUM_MESSAGES, ...RECOGNITION_MESSAGES]) {
      if (typeof english === "string") expect(translateMessage(i18nFor("en").t, [...CONSORTIUM_MESSAGES, ...RECOGNITION_MESSAGES], english)).toBe(english);
    }
    expect(translateMessage(i18nFor("fr").t, CONSORTIUM_MESSAGES, "Something else.")).toBe("Something else.");
  });
});
