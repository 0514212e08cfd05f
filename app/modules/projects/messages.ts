/**
 * The English refusals of the project forms (projects.server.ts, participation.server.ts) and their
 * keys in the "projects" area, so the project pages answer in the reader's language (issue #20).
 * The role ↔ kind refusal (assertRoleFitsOrganization) is not listed: it stays in English.
 */
import type { KnownMessages } from "~/modules/i18n/known-messages";

export const PROJECT_MESSAGES: KnownMessages = [
  ["Give the project a title (3 characters or more)", (t) => t("projects.errors.titleRequired", { min: 3 })],
  ["Title is too long (200 characters at most)", (t) => t("projects.errors.titleTooLong", { max: 200 })],
  ["Summary is too long (4,000 characters at most)", (t) => t("projects.errors.summaryTooLong")],
  ["Choose the organization you are acting for", (t) => t("projects.errors.actingForRequired")],
  ["Choose the organization you are acting for.", (t) => t("projects.errors.actingForRequiredSentence")],
  ["Choose your organization's role in the project", (t) => t("projects.errors.ownRoleRequired")],
  ["You can only start a project for an organization you belong to.", (t) => t("projects.errors.notMember")],
  ["The lead institution cannot be removed; it owns the credential.", (t) => t("projects.errors.leadStays")],
  ["That is too long for an organization's name or an e-mail address", (t) => t("projects.errors.organizationTooLong")],
  ["Choose a project role", (t) => t("projects.errors.roleRequired")],
  ["Choose an organization you work with, or type an organization's exact name or an admin's e-mail address", (t) => t("projects.errors.organizationRequired")],
  ["Choose an organization from the list or type one — not both", (t) => t("projects.errors.notBoth")],
  ["Choose an organization from the list.", (t) => t("projects.errors.fromList")],
  [/^Many names and addresses you typed found no organization; try again in (\d+) minutes?, or pick from the list\.$/, (t, m) => t("projects.errors.tooManyLookups", { minutes: Number(m?.[1]) })],
  ["That person administers several organizations: type the exact name of the one you mean.", (t) => t("projects.errors.severalAdministered")],
  [/^Several organizations are called “(.+)”: give the e-mail address of one of its admins instead\.$/, (t, m) => t("projects.errors.severalNamed", { name: m?.[1] ?? "" })],
  ["No organization on Concord has an admin with that e-mail address. Check the address, or type the organization's exact name.", (t) => t("projects.errors.noAdminEmail")],
  [/^No organization on Concord is called “(.+)”\. Check the exact name, or give the e-mail address of one of its admins\.$/, (t, m) => t("projects.errors.noNamed", { name: m?.[1] ?? "" })],
  ["Only the lead institution's members invite organizations.", (t) => t("projects.errors.leadInvites")],
  [/^(.+) already takes part in this project\.$/, (t, m) => t("projects.errors.alreadyParticipant", { name: m?.[1] ?? "" })],
  [/^(.+) does not accept invitations from (.+)\.$/, (t, m) => t("projects.errors.blocked", { name: m?.[1] ?? "", inviting: m?.[2] ?? "" })],
  [/^(.+) is already invited and has not answered yet\.$/, (t, m) => t("projects.errors.alreadyInvited", { name: m?.[1] ?? "" })],
  ["A project has exactly one lead institution.", (t) => t("projects.errors.oneLead")],
  ["This project already has its lead institution.", (t) => t("projects.errors.hasLead")],
  ["This invitation has already been answered or was withdrawn.", (t) => t("projects.errors.noLongerPending")],
];
