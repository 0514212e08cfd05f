/**
 * Invitations into projects that await an organization's answer, as its admins see them on the
 * dashboard, /inbox and the organization's page: the project's title, who invites (organization and
 * person), the proposed role and when, with Accept, Decline and "Decline and block <Organization>".
 * Each posts to /project-invitations/<id> with its own fetcher (a refusal shows on its row).
 */
import { useFetcher } from "@remix-run/react";
import type { InvitationDecisionData } from "~/routes/project-invitations.$invitationId";
import { useTranslation } from "react-i18next";
import { useLabels } from "~/components/i18n/use-labels";
import type { ProjectRole } from "~/modules/permissions/roles";
import { Moment } from "~/components/ui/moment";

export type AwaitingInvitation = {
  id: string;
  projectTitle: string;
  organizationName: string;
  invitingOrganizationName: string;
  invitedByName: string | null;
  role: ProjectRole;
  createdAt: string;
};

export function ProjectInvitations({ invitations, redirectTo, showInvitedOrganization = true }: { invitations: ReadonlyArray<AwaitingInvitation>; redirectTo: string; showInvitedOrganization?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="list" aria-label={t("projects.invitations.listLabel")}>
      {invitations.map((invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} redirectTo={redirectTo} showInvitedOrganization={showInvitedOrganization} />
      ))}
    </ul>
  );
}

export function InvitationRow({ invitation, redirectTo, showInvitedOrganization }: { invitation: AwaitingInvitation; redirectTo: string; showInvitedOrganization: boolean }) {
  const fetcher = useFetcher<InvitationDecisionData>();
  const { t } = useTranslation();
  const labels = useLabels();
  const busy = fetcher.state !== "idle";
  const by = invitation.invitedByName ? `${invitation.invitedByName}, ${invitation.invitingOrganizationName}` : invitation.invitingOrganizationName;
  return (
    <li style={{ display: "block" }} aria-label={t("projects.invitations.rowLabel", { project: invitation.projectTitle })}>
      <strong>{invitation.projectTitle}</strong>
      <div className="muted">
        {t("projects.invitations.invitedBy", { by, role: labels.projectRole(invitation.role) })}
        {showInvitedOrganization ? ` · ${t("projects.invitations.forOrganization", { organization: invitation.organizationName })}` : ""} ·{" "}
        <Moment iso={invitation.createdAt} />
      </div>
      {fetcher.data?.error ? (
        <div className="form-error" role="alert">
          {fetcher.data.error}
        </div>
      ) : null}
      <fetcher.Form method="post" action={`/project-invitations/${invitation.id}`} className="row" style={{ marginTop: "0.5rem", alignItems: "center" }}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" name="intent" value="accept" className="button button--small" disabled={busy}>
          {t("projects.invitations.accept")}
        </button>
        <button type="submit" name="intent" value="decline" className="button button--secondary button--small" disabled={busy}>
          {t("projects.invitations.decline")}
        </button>
        <button type="submit" name="intent" value="decline-block" className="button button--danger button--small" disabled={busy}>
          {t("projects.invitations.declineBlock", { organization: invitation.invitingOrganizationName })}
        </button>
      </fetcher.Form>
    </li>
  );
}
