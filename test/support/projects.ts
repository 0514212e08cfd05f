/**
 * Projects with participants for integration tests. Taking part needs consent, so a fixture joins
 * an organization the way people do: the lead invites it by its exact name and one of its admins
 * accepts (app/modules/projects/participation.server.ts).
 */
import { loadActor } from "~/modules/orgs/actor.server";
import type { ProjectRole } from "~/modules/permissions/roles";
import { acceptProjectInvitation, inviteOrganization } from "~/modules/projects/participation.server";

/** Changes made outside any HTTP request: no IP or user agent for the audit trail. */
const NO_REQUEST = { ip: null, userAgent: null };

/** `leadUserId` (a member of the lead institution) invites `organizationName`; `adminUserId` (its admin) accepts. */
export async function joinProject(projectId: string, leadUserId: string, invited: { organizationName: string; role: ProjectRole; adminUserId: string }): Promise<void> {
  const invitationId = await inviteOrganization(await loadActor(leadUserId), projectId, { organization: invited.organizationName, role: invited.role }, NO_REQUEST);
  await acceptProjectInvitation(await loadActor(invited.adminUserId), invitationId, NO_REQUEST);
}
