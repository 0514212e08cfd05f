/**
 * Validation messages that domain modules and zod schemas write in English, put into the reader's
 * language by the route that shows them (issue #20): each known English message maps to a message
 * key; an unknown one stays as written.
 */
import type { TFunction } from "i18next";

export type KnownMessages = ReadonlyArray<readonly [english: string | RegExp, translate: (t: TFunction, match: RegExpExecArray | null) => string]>;

export function translateMessage(t: TFunction, known: KnownMessages, message: string): string {
  for (const [english, translate] of known) {
    if (typeof english === "string") {
      if (english === message) return translate(t, null);
    } else {
      const match = english.exec(message);
      if (match) return translate(t, match);
    }
  }
  return message;
}

/** A Conform reply's messages (form-level and per field), each translated when known. */
export function translateReply<R extends { error?: Record<string, string[] | null> | null }>(t: TFunction, known: KnownMessages, reply: R): R {
  if (!reply.error) return reply;
  const error = Object.fromEntries(Object.entries(reply.error).map(([name, messages]) => [name, messages ? messages.map((m) => translateMessage(t, known, m)) : messages]));
  return { ...reply, error };
}
