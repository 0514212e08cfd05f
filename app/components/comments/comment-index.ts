/**
 * Which threads belong to which place on the page, for the comment buttons beside fields, rows and
 * text blocks. Pure: built once from the threads the comments panel loaded, then looked up per
 * place in O(1) (a 3,000-row table renders ~20 rows, each asking for one number).
 *
 * A place is a model path: a field (`title`), a row (`competencies.<rowId>`), a row's cell
 * (`competencies.<rowId>.level`) or a text block (`text:purpose`, which is also the fragment name
 * a text anchor carries). A row's count includes its cells' threads: the row's button is where a
 * list of rows shows them.
 */
import { parsePath, rowPath, textPath } from "~/modules/documents/model";
import { textKeyOf, type Anchor } from "~/modules/comments/anchors";

/** The place a thread's anchor is on: its field path, or the text block of a range of text. */
export function placeOf(anchor: Anchor): string {
  return anchor.type === "field" ? anchor.path : textPath(textKeyOf(anchor.fragment));
}

/** The places a thread counts for: its own, and its row when it is on a cell. */
function placesCountedFor(anchor: Anchor): string[] {
  const place = placeOf(anchor);
  const parsed = parsePath(place);
  return parsed.type === "cell" ? [place, rowPath(parsed.fieldKey, parsed.rowId)] : [place];
}

type ThreadLike = { anchor: Anchor; status: "open" | "resolved" };

/** Open threads per place (rows include their cells'). */
export function openCountsByPlace(threads: readonly ThreadLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.status !== "open") continue;
    for (const place of placesCountedFor(thread.anchor)) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return counts;
}

/** The threads of one place (a row's include its cells'), in the order given (open first from the server). */
export function threadsAt<T extends ThreadLike>(threads: readonly T[], place: string): T[] {
  return threads.filter((thread) => placesCountedFor(thread.anchor).includes(place));
}

/** "1 comment", "2 comments": the badge's words (a thread is what people see as one comment and its replies). */
export function commentCountText(count: number): string {
  return count === 1 ? "1 comment" : `${count} comments`;
}
