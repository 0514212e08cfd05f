/**
 * The "Needs you" inbox against the database (PGlite): mentions and replies wait until answered,
 * invitations for the organizations one administers, sign-off decisions, in the chosen order.
 */
import { expect, it } from "vitest";
import { reply, setThreadStatus, startThread } from "~/modules/comments/comments.server";
import { needsYou } from "~/modules/inbox/needs-you.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { testDocument, testProject } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

const kinds = async (userId: string, order: "oldest" | "newest" = "oldest") => (await needsYou(await loadActor(userId), order)).map((item) => item.kind);

it("a mention waits until answered, a reply in my thread waits, resolving clears it, and outsiders see nothing", async () => {
  const { projectId, lead, employer, qa, outsider } = await testProject();
  const specId = await testDocument(projectId, lead.id, "credential_spec", "Needs-you credential");
  const asLead = await loadActor(lead.id);
  const asEmployer = await loadActor(employer.id);
  expect(await kinds(employer.id)).toEqual([]);

  const { threadId } = await startThread(asLead, specId, { anchor: { type: "field", path: "title" }, body: `Is this the title the sector uses, @${employer.name}?` });
  const [mention] = await needsYou(asEmployer);
  expect(mention).toMatchObject({ kind: "mention", documentTitle: "Needs-you credential", by: lead.name, link: `/documents/${specId}#thread-${threadId}` });
  expect(await kinds(lead.id)).toEqual([]);
  expect(await kinds(qa.id)).toEqual([]);
  expect(await kinds(outsider.id)).toEqual([]);

  // The employer answers: nothing waits for her; the lead now has a reply in his thread.
  await reply(asEmployer, specId, threadId, "Yes, it matches the job postings.");
  expect(await kinds(employer.id)).toEqual([]);
  expect(await needsYou(asLead)).toEqual([expect.objectContaining({ kind: "reply", by: employer.name })]);
  await setThreadStatus(asLead, specId, threadId, "resolved");
  expect(await kinds(lead.id)).toEqual([]);
});

it("lists every kind in one list, oldest or newest first", async () => {
  const { projectId, lead, employer } = await testProject();
  const specId = await testDocument(projectId, lead.id, "credential_spec", "Ordered credential");
  const asLead = await loadActor(lead.id);
  await startThread(asLead, specId, { anchor: { type: "field", path: "title" }, body: `First, @${employer.name}` });
  await new Promise((resolve) => setTimeout(resolve, 5));
  await startThread(asLead, specId, { anchor: { type: "field", path: "summary" }, body: `Second, @${employer.name}` });
  const oldest = await needsYou(await loadActor(employer.id), "oldest");
  const newest = await needsYou(await loadActor(employer.id), "newest");
  expect(oldest.map((i) => i.key)).toEqual([...newest.map((i) => i.key)].reverse());
  expect(Date.parse(oldest[0]!.since)).toBeLessThan(Date.parse(oldest[1]!.since));
});
