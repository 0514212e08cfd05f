/**
 * The English messages of the recognition rules (recognitions.server.ts) and their keys in the
 * "recognitions" area, so the recognitions page answers in the reader's language (issue #20).
 */
import type { KnownMessages } from "~/modules/i18n/known-messages";

export const RECOGNITION_MESSAGES: KnownMessages = [
  ["This recognition is already signed.", (t) => t("recognitions.errors.alreadySigned")],
  ["The specification changed since you opened it: read it again, then sign.", (t) => t("recognitions.errors.changed")],
  ["No institution on Concord has this exact name: correct the row's institution first.", (t) => t("recognitions.errors.noInstitution")],
  ["The receiving institution has already been asked.", (t) => t("recognitions.errors.alreadyAsked")],
  ["Only a signed recognition can be withdrawn.", (t) => t("recognitions.errors.onlySigned")],
];
