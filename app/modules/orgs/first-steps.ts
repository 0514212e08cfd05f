/**
 * A new account's "First steps" on the dashboard: which of the three steps are done, decided from
 * plain facts (first-steps.server.ts loads them), and where the next one is taken. Pure.
 */

export type FirstStepFacts = {
  /** The account's organizations and its role in each (the invitation step links to one it administers). */
  organizations: ReadonlyArray<{ id: string; role: "admin" | "member" }>;
  /** Any of its organizations takes part in a project. */
  takesPartInProject: boolean;
  /** It has sent an invitation into one of its organizations. */
  invitedColleague: boolean;
};

export type FirstStepId = "organization" | "project" | "invite";

export type FirstStep = {
  id: FirstStepId;
  label: string;
  done: boolean;
  /** Where the step is taken, and the words of that link. */
  href: string;
  action: string;
  hint: string;
};

export type FirstStepsChecklist = {
  steps: FirstStep[];
  /** The first step not done yet; null once all are (the checklist is then hidden). */
  next: FirstStepId | null;
};

export function firstSteps(facts: FirstStepFacts): FirstStepsChecklist {
  const hasOrganization = facts.organizations.length > 0;
  // Only an organization's admins invite people into it; a plain member's link still goes to its page.
  const inviteInto = facts.organizations.find((o) => o.role === "admin") ?? facts.organizations[0];
  const steps: FirstStep[] = [
    {
      id: "organization",
      label: "Create or join your organization",
      done: hasOrganization,
      href: "/organizations",
      action: "Create your organization",
      hint: "You act for an organization in every project. To join a colleague's, open the invitation link they sent you.",
    },
    {
      id: "project",
      label: "Start or join a project",
      done: facts.takesPartInProject,
      href: "/projects",
      action: "Start a project",
      hint: "A project is one credential and the organizations designing it. To join one, its lead invites your organization.",
    },
    {
      id: "invite",
      label: "Invite a colleague",
      done: facts.invitedColleague,
      href: inviteInto ? `/organizations/${inviteInto.id}` : "/organizations",
      action: "Invite a colleague",
      hint: hasOrganization ? "Send an invitation link from your organization's page." : "Once you have an organization, invite colleagues from its page.",
    },
  ];
  return { steps, next: steps.find((step) => !step.done)?.id ?? null };
}
