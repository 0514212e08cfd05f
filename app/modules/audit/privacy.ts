/**
 * Who may see where an audit event came from (its IP address and user agent). Every participant
 * reads the trail — who, for which organization, what, when, which version — but the request
 * details are personal data of the acting organization's people, so they go only to:
 *
 *  - the admins of the organization the event records its actor as acting for (they answer for
 *    their own people's sign-ins), and
 *  - the members of the project's QA reviewer organization(s) (independent quality assurance is
 *    who investigates a disputed decision).
 *
 * Pure: the read models load the facts and drop the fields for everyone else, so the details never
 * reach another browser. Certificates and exports carry no request details at all.
 */
import type { Actor, ProjectFacts } from "~/modules/permissions/can";

/** What the rule needs to know of an event: the organization its actor acted for (null: the system or none). */
export type RequestDetailsEvent = { organizationId: string | null };

export function maySeeRequestDetails(viewer: Actor, event: RequestDetailsEvent, project: ProjectFacts): boolean {
  const reviewers = new Set(project.participants.filter((p) => p.role === "qa_reviewer").map((p) => p.organizationId));
  if (viewer.memberships.some((m) => reviewers.has(m.organizationId))) return true;
  if (event.organizationId === null) return false;
  return viewer.memberships.some((m) => m.organizationId === event.organizationId && m.role === "admin");
}

/** The request details of a record as `viewer` may see them: both fields, or none at all. */
export function requestDetailsFor(
  viewer: Actor,
  record: RequestDetailsEvent & { ip: string | null; userAgent: string | null },
  project: ProjectFacts,
): { ip: string | null; userAgent: string | null } | Record<string, never> {
  return maySeeRequestDetails(viewer, record, project) ? { ip: record.ip, userAgent: record.userAgent } : {};
}
