import { and, eq, inArray } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { invitations } from "../../../db/schema/organizations";
import { projectParticipants } from "../../../db/schema/projects";
import type { Actor } from "~/modules/permissions/can";
import { firstSteps, type FirstStepFacts, type FirstStepsChecklist } from "~/modules/orgs/first-steps";

/** The facts the dashboard's "First steps" are decided on (first-steps.ts), two small existence queries. */
export async function firstStepFacts(actor: Actor, q: Queryable = db()): Promise<FirstStepFacts> {
  const organizationIds = actor.memberships.map((m) => m.organizationId);
  if (organizationIds.length === 0) return { organizations: [], takesPartInProject: false, invitedColleague: false };
  const [participation, invitation] = await Promise.all([
    q.select({ id: projectParticipants.projectId }).from(projectParticipants).where(inArray(projectParticipants.organizationId, organizationIds)).limit(1),
    q
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.invitedBy, actor.userId), inArray(invitations.organizationId, organizationIds)))
      .limit(1),
  ]);
  return { organizations: actor.memberships.map((m) => ({ id: m.organizationId, role: m.role })), takesPartInProject: participation.length > 0, invitedColleague: invitation.length > 0 };
}

export async function firstStepsFor(actor: Actor, q: Queryable = db()): Promise<FirstStepsChecklist> {
  return firstSteps(await firstStepFacts(actor, q));
}
