import { describe, expect, it } from "vitest";
import { SAVE_LABELS, describeSave, hasUnsavedChanges, initialSaveState, reduceSave, type SaveEvent } from "~/components/editor/save-state";

const run = (events: SaveEvent[]) => events.reduce(reduceSave, initialSaveState);
const view = (events: SaveEvent[]) => describeSave(run(events));

const opened = (connection: number): SaveEvent => ({ type: "opened", connection });
const closed: SaveEvent = { type: "closed" };
const edit: SaveEvent = { type: "edit" };
const update = (connection: number, count: number): SaveEvent => ({ type: "sent", connection, count, kind: "update" });
const syncReply = (connection: number, count: number): SaveEvent => ({ type: "sent", connection, count, kind: "sync-reply" });
const stored = (connection: number, count: number): SaveEvent => ({ type: "stored", connection, count });

const { saving, saved, offline, notSaved } = SAVE_LABELS;

describe("save status", () => {
  it.each<[string, SaveEvent[], string]>([
    ["page just opened, nothing typed", [], saved],
    ["connected, the usual sync reply not yet stored: nothing of ours to save", [opened(1), syncReply(1, 1)], saved],
    ["an edit sent, not yet stored", [opened(1), syncReply(1, 1), stored(1, 1), edit, update(1, 2)], saving],
    ["the edit stored", [opened(1), syncReply(1, 1), stored(1, 1), edit, update(1, 2), stored(1, 2)], saved],
    ["an acknowledgement covers every earlier message", [opened(1), update(1, 1), update(1, 2), syncReply(1, 3), stored(1, 3)], saved],
    ["an older acknowledgement does not cover the latest edit", [opened(1), update(1, 1), update(1, 2), stored(1, 1)], saving],
    ["an edit sent before the sync reply, then stored on its own", [opened(1), update(1, 1), syncReply(1, 2), stored(1, 1)], saved],
    ["acknowledgements arriving out of order never go back", [opened(1), update(1, 1), update(1, 2), stored(1, 2), stored(1, 1)], saved],
    // Offline.
    ["disconnected with nothing unsaved", [opened(1), update(1, 1), stored(1, 1), closed], saved],
    ["typed while disconnected", [opened(1), closed, edit], offline],
    ["typed before the first connection", [edit], offline],
    ["the socket died before the edit was stored", [opened(1), update(1, 1), closed], offline],
    ["a socket that never opened closes: nothing changes", [opened(1), update(1, 1), stored(1, 1), closed, closed], saved],
    // Reconnecting: the sync reply carries what the server lacks; saved once it is stored.
    ["reconnected, sync reply not sent yet", [opened(1), closed, edit, opened(2)], saving],
    ["reconnected, sync reply sent", [opened(1), closed, edit, opened(2), syncReply(2, 1)], saving],
    ["reconnected, sync reply stored", [opened(1), closed, edit, opened(2), syncReply(2, 1), stored(2, 1)], saved],
    ["dropped edit, reconnected, sync reply stored", [opened(1), update(1, 1), closed, opened(2), syncReply(2, 1), stored(2, 1)], saved],
    ["reconnected, a new edit stored before the sync reply is", [opened(1), closed, edit, opened(2), update(2, 1), stored(2, 1)], saving],
    ["reconnected, a new edit and the sync reply stored", [opened(1), closed, edit, opened(2), update(2, 1), syncReply(2, 2), stored(2, 2)], saved],
    ["the reconnect's socket dies too before storing the sync reply", [opened(1), closed, edit, opened(2), syncReply(2, 1), closed], offline],
    ["… and the next one stores it", [opened(1), closed, edit, opened(2), syncReply(2, 1), closed, opened(3), syncReply(3, 1), stored(3, 1)], saved],
    // Counts are per connection: a new socket counts from 0 again, an old one's numbers are ignored.
    ["an old socket's acknowledgement arrives after the new one opened", [opened(1), update(1, 5), closed, opened(2), stored(1, 5)], saving],
    ["an old socket's late send report does not move the new count", [opened(1), stored(1, 0), closed, opened(2), update(1, 9), syncReply(2, 1), stored(2, 1)], saved],
    ["the new socket's counts start from 0", [opened(1), update(1, 3), stored(1, 3), opened(2), update(2, 1), stored(2, 1)], saved],
    // The server closed the connection for good with edits unsaved.
    ["permanent close with unsaved edits", [opened(1), update(1, 1), closed, { type: "halted" }], notSaved],
    ["permanent close with everything stored", [opened(1), update(1, 1), stored(1, 1), closed, { type: "halted" }], saved],
    ["connecting again after a permanent close", [opened(1), update(1, 1), closed, { type: "halted" }, opened(2), syncReply(2, 1), stored(2, 1)], saved],
  ])("%s → %s", (_name, events, label) => {
    expect(view(events).label).toBe(label);
  });

  it("is pending exactly while changes are unsaved (the leave-page warning)", () => {
    const cases: SaveEvent[][] = [[], [opened(1), update(1, 1)], [opened(1), update(1, 1), stored(1, 1)], [edit], [opened(1), update(1, 1), closed]];
    expect(cases.map((events) => [view(events).pending, hasUnsavedChanges(run(events))])).toEqual([
      [false, false],
      [true, true],
      [false, false],
      [true, true],
      [true, true],
    ]);
  });

  it("returns the same state for events that change nothing (no re-render per keystroke)", () => {
    const state = run([opened(1), update(1, 1)]);
    expect(reduceSave(state, edit)).toBe(state);
    expect(reduceSave(state, stored(1, 0))).toBe(state);
    expect(reduceSave(state, syncReply(1, 2))).toBe(state);
    expect(reduceSave(state, stored(7, 1))).toBe(state);
  });
});
