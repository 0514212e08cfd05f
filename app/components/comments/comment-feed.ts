/**
 * The comments the page already loaded, shared with the comment buttons beside fields and rows.
 * The comments panel loads and refreshes the threads (one request, every 20 s); it publishes what
 * it has here, and each button reads only its own count. An external store rather than a React
 * context: the panel and the document's sections are siblings in the route, and a context would
 * re-render every memoised section on each refresh; here a button re-renders only when its number
 * changes (useSyncExternalStore compares the snapshot, a number).
 */
import type { SerializeFrom } from "@remix-run/node";
import { useSyncExternalStore } from "react";
import type { loader as commentsLoader } from "~/routes/documents.$documentId.comments";
import type { MentionPerson } from "~/components/comments/MentionTextarea";
import { openCountsByPlace } from "~/components/comments/comment-index";

/** One thread as the panel's loader sends it (JSON: dates are strings). */
export type FeedThread = Extract<SerializeFrom<typeof commentsLoader>, { ok: true }>["threads"][number];

export type CommentFeed = {
  documentId: string;
  /** The comments resource route: `/documents/<id>/comments`. */
  url: string;
  viewerId: string;
  canComment: boolean;
  people: readonly MentionPerson[];
  threads: readonly FeedThread[];
  counts: ReadonlyMap<string, number>;
  /** Loads the threads again (after posting from a button). */
  reload: () => void;
};

let current: CommentFeed | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the comments panel when its threads load or refresh; null when it goes away. */
export function publishComments(feed: Omit<CommentFeed, "counts"> | null): void {
  current = feed ? { ...feed, counts: openCountsByPlace(feed.threads) } : null;
  for (const listener of listeners) listener();
}

const none = () => 0;

/** Open threads on a place (a row's include its cells'); 0 until the comments have loaded. */
export function useCommentCount(place: string): number {
  return useSyncExternalStore(subscribe, () => current?.counts.get(place) ?? 0, none);
}

/** The whole feed, for an open thread beside a place; null until the panel has loaded. */
export function useCommentFeed(): CommentFeed | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
