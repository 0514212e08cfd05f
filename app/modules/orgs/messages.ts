/**
 * The English messages of the organization and invitation forms (organizations.server.ts,
 * invitations.server.ts, signatories.server.ts) and their keys in the "organizations" area, so the
 * organization pages answer in the reader's language (issue #20).
 */
import type { KnownMessages } from "~/modules/i18n/known-messages";

export const ORGANIZATION_MESSAGES: KnownMessages = [
  ["Enter the organization's name", (t) => t("organizations.errors.nameRequired")],
  ["Name is too long (160 characters at most)", (t) => t("organizations.errors.nameTooLong", { max: 160 })],
  ["Choose what kind of organization this is", (t) => t("organizations.errors.kindRequired")],
  ["Choose a province or territory", (t) => t("organizations.errors.provinceRequired")],
  ["Choose a role", (t) => t("organizations.errors.roleRequired")],
  ["An organization needs at least one admin.", (t) => t("organizations.errors.lastAdmin")],
  ["That person is not a member.", (t) => t("organizations.errors.notMember")],
  ["Choose a member", (t) => t("organizations.errors.memberRequired")],
  ["Only admins name signatories.", (t) => t("organizations.errors.adminsOnly")],
  ["Only members of the organization can be signatories.", (t) => t("organizations.errors.membersOnly")],
  ["Enter a valid email address", (t) => t("organizations.errors.invalidEmail")],
  ["Choose an organization", (t) => t("organizations.errors.organizationRequired")],
  ["Choose an organization to unblock", (t) => t("organizations.errors.unblockRequired")],
];
