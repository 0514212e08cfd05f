import { describe, expect, it } from "vitest";
import { threadAwaiting, type ThreadComment, type ThreadFacts } from "./conversations";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));
const said = (authorId: string, minute: number, mentions: string[] = []): ThreadComment => ({ authorId, mentions, createdAt: at(minute) });
const thread = (comments: ThreadComment[], extra: Partial<ThreadFacts> = {}): ThreadFacts => ({ id: "t1", status: "open", createdBy: comments[0]?.authorId ?? null, comments, ...extra });

describe("threadAwaiting", () => {
  it.each([
    ["someone mentions me in their new thread", thread([said("ana", 1, ["me"])]), { kind: "mention", since: at(1), by: "ana" }],
    ["a reply in the thread I started", thread([said("me", 1), said("ana", 2)]), { kind: "reply", since: at(2), by: "ana" }],
    ["a reply after my own comment in someone's thread", thread([said("ana", 1), said("me", 2), said("bo", 3), said("ana", 4)]), { kind: "reply", since: at(3), by: "bo" }],
    ["a mention outranks a reply, dated by the mention", thread([said("me", 1), said("ana", 2), said("bo", 3, ["me"])]), { kind: "mention", since: at(3), by: "bo" }],
    ["I answered: nothing waits", thread([said("ana", 1, ["me"]), said("me", 2)]), null],
    ["my own thread with no answer yet", thread([said("me", 1)]), null],
    ["a thread I never took part in and am not mentioned in", thread([said("ana", 1), said("bo", 2)]), null],
    ["a mention of me before my answer does not count again", thread([said("ana", 1, ["me"]), said("me", 2), said("ana", 3)]), { kind: "reply", since: at(3), by: "ana" }],
    ["resolved threads never wait", thread([said("ana", 1, ["me"])], { status: "resolved" }), null],
    ["comments arrive out of order: sorted by time", thread([said("ana", 3), said("me", 1)], { createdBy: "me" }), { kind: "reply", since: at(3), by: "ana" }],
    ["a deleted account's comment still waits for me", thread([said("me", 1), { authorId: null, mentions: [], createdAt: at(2) }]), { kind: "reply", since: at(2), by: null }],
  ] as const)("%s", (_label, facts, expected) => {
    const result = threadAwaiting("me", facts);
    expect(result).toEqual(expected ? { threadId: "t1", ...expected } : null);
  });
});
