/**
 * `@Name` mentions in comment bodies. Names contain spaces ("@Maya Okafor"), so a mention is not a
 * token: at each "@" the longest participant name that follows (case-insensitive, ending at a
 * word boundary) wins, which keeps "@Ann" from swallowing a mention of "@Ann Lee". Pure, used by
 * the server (to store who was mentioned) and the panel (to highlight mentions).
 */

export type Mentionable = { id: string; name: string };

export type BodySegment = { type: "text"; text: string } | { type: "mention"; text: string; userIds: string[] };

const WORD = /[\p{L}\p{N}_]/u;

function matchAt(body: string, at: number, people: readonly Mentionable[]): { length: number; ids: string[] } | null {
  // "@" must start a word: e-mail addresses (a@b.org) are not mentions.
  if (at > 0 && WORD.test(body[at - 1]!)) return null;
  const rest = body.slice(at + 1).toLocaleLowerCase();
  let best: { length: number; ids: string[] } | null = null;
  for (const person of people) {
    const name = person.name.trim().toLocaleLowerCase();
    if (!name || !rest.startsWith(name)) continue;
    const next = rest[name.length];
    if (next !== undefined && WORD.test(next)) continue;
    if (!best || name.length > best.length) best = { length: name.length, ids: [person.id] };
    // Two people with the same name are both mentioned: better a spare notification than a missed one.
    else if (name.length === best.length && !best.ids.includes(person.id)) best.ids.push(person.id);
  }
  return best;
}

/** The body cut into plain text and mentions, in order; joined back, the texts give the body. */
export function mentionSegments(body: string, people: readonly Mentionable[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let plain = "";
  let i = 0;
  while (i < body.length) {
    const found = body[i] === "@" ? matchAt(body, i, people) : null;
    if (!found) {
      plain += body[i];
      i += 1;
      continue;
    }
    if (plain) segments.push({ type: "text", text: plain });
    plain = "";
    const end = i + 1 + found.length;
    segments.push({ type: "mention", text: body.slice(i, end), userIds: found.ids });
    i = end;
  }
  if (plain) segments.push({ type: "text", text: plain });
  return segments;
}

/** Ids of the people mentioned in the body, each once, in order of first mention. */
export function parseMentions(body: string, people: readonly Mentionable[]): string[] {
  const ids: string[] = [];
  for (const segment of mentionSegments(body, people)) {
    if (segment.type === "mention") for (const id of segment.userIds) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The partial mention being typed at the caret, for autocomplete: the text after the last "@"
 * before the caret, if it could still become a name (no line break, not too long). Null otherwise.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && WORD.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > 60 || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** People whose name matches an autocomplete query (any word starting with it, or the whole name). */
export function suggestPeople<P extends Mentionable>(people: readonly P[], query: string, limit = 6): P[] {
  const q = query.trim().toLocaleLowerCase();
  const matches = people.filter((person) => {
    const name = person.name.toLocaleLowerCase();
    return q === "" || name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
  });
  return matches.slice(0, limit);
}
