/**
 * Integration: the per-account creation limits on the real database (Postgres when DATABASE_URL is
 * set, else PGlite). The (N+1)-th creation inside the window is refused with nothing written, only
 * for the account that reached the limit; what left the window no longer counts.
 */
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { auditEvents } from "../../../db/schema/audit";
import { invitations, memberships, organizations } from "../../../db/schema/organizations";
import { projectInvitations, projects } from "../../../db/schema/projects";
import { testUser, NO_REQUEST } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";
import {
  INVITATIONS_PER_HOUR,
  ORGANIZATIONS_PER_DAY,
  PROJECTS_PER_DAY,
  RateLimitedError,
  rateLimitMessage,
} from "~/modules/abuse/limits.server";
import { generateId, generateToken } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createInvitation } from "~/modules/orgs/invitations.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { createProject } from "~/modules/projects/projects.server";

useTestDatabase();

const orgInput = (name: string) => ({ name, kind: "institution" as const, province: "ON" as const });

async function countWhere(table: typeof organizations | typeof projects | typeof invitations | typeof memberships | typeof auditEvents, where?: ReturnType<typeof eq>) {
  const [row] = await db().select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/** The refusal a promise ends in (fails the test when it does not refuse). */
async function refusal(promise: Promise<unknown>): Promise<RateLimitedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe("the refusal's words", () => {
  it.each([
    ["organization.create", 1, "You have created many organizations recently; try again in 1 minute."],
    ["project.create", 45, "You have created many projects recently; try again in 45 minutes."],
    ["invitation.create", 119, "You have created many invitations recently; try again in 119 minutes."],
    ["organization.create", 1380, "You have created many organizations recently; try again in 23 hours."],
  ] as const)("%s, %i minutes", (action, minutes, message) => {
    expect(rateLimitMessage(action, minutes)).toBe(message);
    expect(new RateLimitedError(action, minutes)).toMatchObject({ message, field: "form" });
  });
});

describe("creation limits per account", () => {
  it(`refuses the organization after ${ORGANIZATIONS_PER_DAY} in a day, writing nothing; another account is unaffected`, async () => {
    const busy = await testUser("Busy Founder");
    const other = await testUser("Other Founder");
    for (let i = 0; i < ORGANIZATIONS_PER_DAY; i++) await createOrganization(busy.id, orgInput(`Busy Org ${i}`));
    const before = { organizations: await countWhere(organizations), memberships: await countWhere(memberships, eq(memberships.userId, busy.id)) };

    const error = await refusal(createOrganization(busy.id, orgInput("One Too Many")));
    expect(error.message).toMatch(/^You have created many organizations recently; try again in (2[34] hours|\d+ minutes?)\.$/);
    expect(await countWhere(organizations)).toBe(before.organizations);
    expect(await countWhere(memberships, eq(memberships.userId, busy.id))).toBe(before.memberships);
    expect(await countWhere(organizations, eq(organizations.name, "One Too Many"))).toBe(0);

    // Another account is not affected, and the rows record who created them.
    const theirs = await createOrganization(other.id, orgInput("Other Org"));
    expect(await db().select({ createdBy: organizations.createdBy }).from(organizations).where(eq(organizations.id, theirs))).toEqual([{ createdBy: other.id }]);
    expect(await countWhere(organizations, eq(organizations.createdBy, busy.id))).toBe(ORGANIZATIONS_PER_DAY);
  });

  it("counts only the window: organizations created more than a day ago do not count", async () => {
    const veteran = await testUser("Veteran Founder");
    // Older rows of this account (e.g. from a previous month), written directly with their age.
    await db()
      .insert(organizations)
      .values(Array.from({ length: ORGANIZATIONS_PER_DAY }, (_, i) => ({ id: generateId(), ...orgInput(`Old Org ${i}`), createdBy: veteran.id, createdAt: new Date(Date.now() - 25 * 3600_000) })));
    await expect(createOrganization(veteran.id, orgInput("Fresh Org"))).resolves.toEqual(expect.any(String));
  });

  it("says when the limit frees up: when the oldest counted creation leaves the window", async () => {
    const inviter = await testUser("Early Inviter");
    const org = await createOrganization(inviter.id, orgInput("Early Inviter Org"));
    const fortyMinutesAgo = new Date(Date.now() - 40 * 60_000);
    await db()
      .insert(invitations)
      .values(
        Array.from({ length: INVITATIONS_PER_HOUR }, (_, i) => ({
          id: generateId(),
          token: generateToken(),
          organizationId: org,
          email: `early.${i}@example.com`,
          invitedBy: inviter.id,
          createdAt: fortyMinutesAgo,
          expiresAt: new Date(Date.now() + 86400_000),
        })),
      );
    const error = await refusal(createInvitation(inviter.id, { email: "late@example.com", organizationId: org, role: "member" }));
    expect(error.retryAfterMinutes).toBe(20);
    expect(error.message).toBe("You have created many invitations recently; try again in 20 minutes.");
  });

  it(`refuses the project after ${PROJECTS_PER_DAY} in a day, writing nothing (no project, participant or audit event)`, async () => {
    const lead = await testUser("Prolific Lead");
    const other = await testUser("Other Lead");
    const college = await createOrganization(lead.id, orgInput("Prolific College"));
    const otherCollege = await createOrganization(other.id, orgInput("Other College"));
    const actor = await loadActor(lead.id);
    const input = (title: string, organizationId = college) => ({ title, summary: "", organizationId, role: "lead_institution" as const });
    for (let i = 0; i < PROJECTS_PER_DAY; i++) await createProject(actor, input(`Project ${i}`), NO_REQUEST);
    const before = { projects: await countWhere(projects), events: await countWhere(auditEvents) };

    const error = await refusal(createProject(actor, input("Project too many"), NO_REQUEST));
    expect(error.action).toBe("project.create");
    expect(error.message).toMatch(/^You have created many projects recently; try again in /);
    expect(await countWhere(projects)).toBe(before.projects);
    expect(await countWhere(auditEvents)).toBe(before.events);

    await expect(createProject(await loadActor(other.id), input("Their project", otherCollege), NO_REQUEST)).resolves.toEqual(expect.any(String));
  });

  it(`refuses the invitation after ${INVITATIONS_PER_HOUR} in an hour, writing nothing; another admin is unaffected`, async () => {
    const admin = await testUser("Eager Admin");
    const colleague = await testUser("Calm Admin");
    const org = await createOrganization(admin.id, orgInput("Eager Org"));
    const otherOrg = await createOrganization(colleague.id, orgInput("Calm Org"));
    for (let i = 0; i < INVITATIONS_PER_HOUR; i++) await createInvitation(admin.id, { email: `person.${i}@example.com`, organizationId: org, role: "member" });
    const before = await countWhere(invitations);

    const error = await refusal(createInvitation(admin.id, { email: "one.more@example.com", organizationId: org, role: "member" }));
    expect(error.message).toMatch(/^You have created many invitations recently; try again in (60|59) minutes\.$/);
    expect(await countWhere(invitations)).toBe(before);
    expect(await countWhere(invitations, eq(invitations.email, "one.more@example.com"))).toBe(0);

    await expect(createInvitation(colleague.id, { email: "someone@example.com", organizationId: otherOrg, role: "member" })).resolves.toEqual(expect.any(String));
  });

  it("counts invitations into projects and into organizations against one budget", async () => {
    const lead = await testUser("Mixed Inviter");
    const college = await createOrganization(lead.id, orgInput("Mixed College"));
    const partner = await createOrganization((await testUser("Mixed Partner")).id, { name: "Mixed Partner Inc.", kind: "employer", province: "ON" });
    const projectId = await createProject(await loadActor(lead.id), { title: "Mixed Project", summary: "", organizationId: college, role: "lead_institution" }, NO_REQUEST);
    for (let i = 0; i < INVITATIONS_PER_HOUR - 1; i++) await createInvitation(lead.id, { email: `mixed.${i}@example.com`, organizationId: college, role: "member" });
    await db().insert(projectInvitations).values({ id: generateId(), projectId, organizationId: partner, role: "employer_partner", invitedBy: lead.id, invitingOrganizationId: college });
    await refusal(createInvitation(lead.id, { email: "mixed.last@example.com", organizationId: college, role: "member" }));
  });

  it("lets exactly one of several simultaneous creations take the last place", async () => {
    const racer = await testUser("Racing Founder");
    for (let i = 0; i < ORGANIZATIONS_PER_DAY - 1; i++) await createOrganization(racer.id, orgInput(`Race Org ${i}`));
    // On Postgres, open the pool's connections first so the racers really run side by side.
    await Promise.all([0, 1, 2, 3].map(() => db().execute(sql`SELECT pg_sleep(0.05)`)));
    const outcomes = await Promise.allSettled([0, 1, 2, 3].map((i) => createOrganization(racer.id, orgInput(`Racer ${i}`))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(RateLimitedError);
    const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(organizations).where(eq(organizations.createdBy, racer.id));
    expect(Number(row?.n)).toBe(ORGANIZATIONS_PER_DAY);
  });
});
