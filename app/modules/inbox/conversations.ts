/**
 * Which comment threads wait for a person's answer (the "Needs you" inbox). Pure.
 *
 * A thread waits for you when it is open and, after your own last comment in it, someone else
 * mentioned you (a mention) or wrote in a thread you started or took part in (a reply). Answering
 * in the thread, or resolving it, clears it: the inbox lists what waits, not what was said.
 */
export type ThreadComment = { authorId: string | null; mentions: readonly string[]; createdAt: Date };
export type ThreadFacts = { id: string; status: "open" | "resolved"; createdBy: string | null; comments: readonly ThreadComment[] };
export type AwaitingThread = { threadId: string; kind: "mention" | "reply"; since: Date; by: string | null };

export function threadAwaiting(userId: string, thread: ThreadFacts): AwaitingThread | null {
  if (thread.status !== "open") return null;
  const ordered = [...thread.comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let lastOwn = -1;
  ordered.forEach((comment, index) => {
    if (comment.authorId === userId) lastOwn = index;
  });
  const later = ordered.slice(lastOwn + 1).filter((comment) => comment.authorId !== userId);
  const mention = later.find((comment) => comment.mentions.includes(userId));
  if (mention) return { threadId: thread.id, kind: "mention", since: mention.createdAt, by: mention.authorId };
  const tookPart = lastOwn >= 0 || thread.createdBy === userId;
  // The thread's opening comment is the starter's own; anything after it by others is a reply.
  const reply = tookPart ? later[0] : undefined;
  return reply ? { threadId: thread.id, kind: "reply", since: reply.createdAt, by: reply.authorId } : null;
}
