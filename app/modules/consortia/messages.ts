/**
 * The English messages of the consortium forms and rules (consortia.server.ts) and their keys in the
 * "consortia" area, so the consortium pages answer in the reader's language (issue #20).
 */
import type { KnownMessages } from "~/modules/i18n/known-messages";

export const CONSORTIUM_MESSAGES: KnownMessages = [
  ["Enter the consortium's name", (t) => t("consortia.errors.nameRequired")],
  ["Name is too long (160 characters at most)", (t) => t("consortia.errors.nameTooLong", { max: 160 })],
  ["Choose the institution you act for", (t) => t("consortia.errors.actingForRequired")],
  ["Type the organization's exact name or the e-mail address of one of its admins", (t) => t("consortia.errors.organizationRequired")],
  ["That is too long for an organization's name or an e-mail address", (t) => t("consortia.errors.organizationTooLong")],
  ["Choose an institution you administer.", (t) => t("consortia.errors.notAdministered")],
  [/^No organization on Concord matches “(.*)”\. Check the exact name, or give the e-mail address of one of its admins\.$/s, (t, m) => t("consortia.errors.noMatch", { typed: m?.[1] ?? "" })],
  [/^Several organizations match “(.*)”: type the exact name of the one you mean\.$/s, (t, m) => t("consortia.errors.severalMatch", { typed: m?.[1] ?? "" })],
  ["A consortium's members are institutions, employers and professional bodies.", (t) => t("consortia.errors.joiningKinds")],
  [/^(.*) is already a member\.$/s, (t, m) => t("consortia.errors.alreadyMember", { name: m?.[1] ?? "" })],
  [/^(.*) is already invited\.$/s, (t, m) => t("consortia.errors.alreadyInvited", { name: m?.[1] ?? "" })],
  ["This invitation has already been answered.", (t) => t("consortia.errors.alreadyAnswered")],
  ["That organization is not a member.", (t) => t("consortia.errors.notMember")],
  ["A consortium needs at least one admin organization.", (t) => t("consortia.errors.lastAdmin")],
];
