import { describe, expect, it } from "vitest";
import { loadActor } from "~/modules/orgs/actor.server";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { AnchorError } from "~/modules/comments/anchors";
import { editComment, listMentionsForUser, listThreads, mentionablePeople, reply, setThreadStatus, startThread } from "~/modules/comments/comments.server";
import { accessStatus as status, editDocument, setDocumentStatus, testDocument, testProject } from "../../../test/support/documents";

useTestDatabase();

describe("comment threads on the real database", () => {
  it("lets a QA reviewer comment on a field and the employer reply, mention and resolve", async () => {
    const { projectId, lead, employer, qa, outsider } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    const qaActor = await loadActor(qa.id);
    const employerActor = await loadActor(employer.id);

    const { threadId } = await startThread(qaActor, documentId, {
      anchor: { type: "field", path: "title" },
      body: `Is this the title the sector uses, @${employer.name}?`,
    });
    await reply(employerActor, documentId, threadId, `Yes — @${lead.name} confirmed it with the association.`);

    const asEmployer = await listThreads(employerActor, documentId);
    expect(asEmployer.canComment).toBe(true);
    expect(asEmployer.threads).toHaveLength(1);
    const [thread] = asEmployer.threads;
    expect(thread).toMatchObject({ id: threadId, status: "open", mentionsViewer: true, anchor: { type: "field", path: "title", label: "Credential title" } });
    expect(thread!.comments.map((c) => [c.author?.name, c.mentions.map((m) => m.id)])).toEqual([
      [qa.name, [employer.id]],
      [employer.name, [lead.id]],
    ]);
    // The QA reviewer is not mentioned anywhere.
    expect((await listThreads(qaActor, documentId)).threads[0]!.mentionsViewer).toBe(false);
    expect((await listMentionsForUser(employerActor)).map((m) => [m.threadId, m.documentId])).toEqual([[threadId, documentId]]);
    expect(await listMentionsForUser(qaActor)).toEqual([]);

    expect(await setThreadStatus(employerActor, documentId, threadId, "resolved")).toBe(true);
    // Resolving twice changes nothing: the first resolution is kept.
    expect(await setThreadStatus(qaActor, documentId, threadId, "resolved")).toBe(false);
    const resolved = (await listThreads(qaActor, documentId)).threads[0]!;
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolvedBy?.id).toBe(employer.id);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    // Resolved threads no longer call for the mentioned person's attention.
    expect(await listMentionsForUser(employerActor)).toEqual([]);

    // A reply reopens the discussion.
    await reply(qaActor, documentId, threadId, "One more thing on the French title.");
    const reopened = (await listThreads(qaActor, documentId)).threads[0]!;
    expect(reopened.status).toBe("open");
    expect(reopened.resolvedBy).toBeNull();

    // Outsiders learn nothing: not found, for reading and for writing.
    const outsiderActor = await loadActor(outsider.id);
    expect(await status(listThreads(outsiderActor, documentId))).toBe(404);
    expect(await status(startThread(outsiderActor, documentId, { anchor: { type: "field", path: "title" }, body: "Hello" }))).toBe(404);
    expect(await status(reply(outsiderActor, documentId, threadId, "Hello"))).toBe(404);
    expect(await status(setThreadStatus(outsiderActor, documentId, threadId, "resolved"))).toBe(404);
  });

  it("keeps threads on their own document", async () => {
    const { projectId, lead } = await testProject();
    const a = await testDocument(projectId, lead.id);
    const b = await testDocument(projectId, lead.id, "assessment_plan", "Plan");
    const actor = await loadActor(lead.id);
    const { threadId } = await startThread(actor, a, { anchor: { type: "field", path: "title" }, body: "On A" });
    expect(await status(reply(actor, b, threadId, "Through B"))).toBe(404);
    expect(await status(setThreadStatus(actor, b, threadId, "resolved"))).toBe(404);
    expect((await listThreads(actor, b)).threads).toEqual([]);
  });

  it("names rows in labels, stores text anchors, and refuses anchors the kind does not have", async () => {
    const { projectId, lead } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    await editDocument(documentId, "credential_spec", { rows: { competencies: [{ id: "c1", code: "CAP-1", title: "Assess flood risk" }] } });
    const actor = await loadActor(lead.id);
    await startThread(actor, documentId, { anchor: { type: "field", path: "competencies.c1.level" }, body: "Which level?" });
    await startThread(actor, documentId, {
      anchor: { type: "text", fragment: "text:purpose", start: { item: { client: 1, clock: 4 }, assoc: 0 }, end: { item: { client: 1, clock: 9 }, assoc: 0 }, quote: "flood risk" },
      body: "Say who assesses it.",
    });
    const labels = (await listThreads(actor, documentId)).threads.map((t) => t.anchor.label);
    expect(labels).toContain("Competencies › CAP-1 Assess flood risk › Proficiency level");
    const text = (await listThreads(actor, documentId)).threads.find((t) => t.anchor.type === "text")!;
    expect(text.anchor).toMatchObject({ fragment: "text:purpose", quote: "flood risk", start: { item: { client: 1, clock: 4 } } });
    await expect(startThread(actor, documentId, { anchor: { type: "field", path: "nope" }, body: "?" })).rejects.toBeInstanceOf(AnchorError);
  });

  it("lets authors edit their own comments only, re-reading mentions", async () => {
    const { projectId, lead, employer, qa } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    const qaActor = await loadActor(qa.id);
    const { threadId, commentId } = await startThread(qaActor, documentId, { anchor: { type: "field", path: "title" }, body: "Typo here" });
    expect(await status(editComment(await loadActor(employer.id), documentId, commentId, "Not mine"))).toBe(403);
    await editComment(qaActor, documentId, commentId, `Typo here, @${employer.name}`);
    const [comment] = (await listThreads(qaActor, documentId)).threads.find((t) => t.id === threadId)!.comments;
    expect(comment!.body).toBe(`Typo here, @${employer.name}`);
    expect(comment!.editedAt).toBeInstanceOf(Date);
    expect(comment!.mentions.map((m) => m.id)).toEqual([employer.id]);
  });

  it("mentions only people of the participating organizations", async () => {
    const { projectId, lead, employer, qa, outsider } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    const people = await mentionablePeople(projectId);
    expect(people.map((p) => p.id).sort()).toEqual([lead.id, employer.id, qa.id].sort());
    const { threadId } = await startThread(await loadActor(lead.id), documentId, { anchor: { type: "field", path: "title" }, body: `@${outsider.name} should not be pinged` });
    const thread = (await listThreads(await loadActor(lead.id), documentId)).threads.find((t) => t.id === threadId)!;
    expect(thread.comments[0]!.mentions).toEqual([]);
    expect(await listMentionsForUser(await loadActor(outsider.id))).toEqual([]);
  });

  it("still takes comments on an approved (locked) document", async () => {
    const { projectId, lead, qa } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    await setDocumentStatus(documentId, "approved");
    expect(await status(startThread(await loadActor(lead.id), documentId, { anchor: { type: "field", path: "title" }, body: "For the next review" }))).toBe("ok");
    expect(await status(startThread(await loadActor(qa.id), documentId, { anchor: { type: "field", path: "title" }, body: "Noted" }))).toBe("ok");
  });
});
