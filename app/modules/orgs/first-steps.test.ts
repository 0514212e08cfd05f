import { describe, expect, it } from "vitest";
import { firstSteps, type FirstStepFacts } from "~/modules/orgs/first-steps";

const NEW_ACCOUNT: FirstStepFacts = { organizations: [], takesPartInProject: false, invitedColleague: false };
const done = (facts: FirstStepFacts) => Object.fromEntries(firstSteps(facts).steps.map((step) => [step.id, step.done]));

describe("first steps", () => {
  it("shows a new account all three steps, not done, in order, the first one next", () => {
    const checklist = firstSteps(NEW_ACCOUNT);
    expect(checklist.steps.map((step) => step.label)).toEqual(["Create or join your organization", "Start or join a project", "Invite a colleague"]);
    expect(done(NEW_ACCOUNT)).toEqual({ organization: false, project: false, invite: false });
    expect(checklist.next).toBe("organization");
    expect(checklist.steps.map((step) => step.href)).toEqual(["/organizations", "/projects", "/organizations"]);
  });

  it.each([
    [{ organizations: [{ id: "o1", role: "member" }], takesPartInProject: false, invitedColleague: false }, { organization: true, project: false, invite: false }, "project"],
    [{ organizations: [{ id: "o1", role: "admin" }], takesPartInProject: true, invitedColleague: false }, { organization: true, project: true, invite: false }, "invite"],
    [{ organizations: [{ id: "o1", role: "admin" }], takesPartInProject: false, invitedColleague: true }, { organization: true, project: false, invite: true }, "project"],
    [{ organizations: [{ id: "o1", role: "admin" }], takesPartInProject: true, invitedColleague: true }, { organization: true, project: true, invite: true }, null],
  ] as const)("decides each step from its own fact (%#)", (facts, expected, next) => {
    expect(done(facts as FirstStepFacts)).toEqual(expected);
    expect(firstSteps(facts as FirstStepFacts).next).toBe(next);
  });

  it("links the invitation step to an organization the account administers, else to its first one", () => {
    const invite = (facts: FirstStepFacts) => firstSteps(facts).steps.find((step) => step.id === "invite")!.href;
    expect(invite({ ...NEW_ACCOUNT, organizations: [{ id: "joined", role: "member" }, { id: "mine", role: "admin" }] })).toBe("/organizations/mine");
    expect(invite({ ...NEW_ACCOUNT, organizations: [{ id: "joined", role: "member" }] })).toBe("/organizations/joined");
  });
});
