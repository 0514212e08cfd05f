import { describe, expect, it } from "vitest";
import { CollabCloseCode } from "~/modules/collab/close-codes";
import { describeConnection, initialConnectionState, reduceConnection, type ConnectionEvent } from "~/components/editor/connection";

const run = (events: ConnectionEvent[], online = true) => describeConnection(events.reduce(reduceConnection, initialConnectionState(online)));

describe("connection indicator", () => {
  it.each<[string, ConnectionEvent[], string]>([
    ["before the first socket", [], "Connecting…"],
    ["first attempt in flight", [{ type: "status", status: "connecting" }], "Connecting…"],
    ["socket open, not yet in sync", [{ type: "status", status: "connecting" }, { type: "status", status: "connected" }], "Connecting…"],
    ["in sync", [{ type: "status", status: "connecting" }, { type: "status", status: "connected" }, { type: "synced", synced: true }], "Connected"],
    [
      "dropped after being in sync",
      [{ type: "status", status: "connecting" }, { type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "status", status: "disconnected" }],
      "Reconnecting…",
    ],
    [
      "retrying after the drop",
      [{ type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "status", status: "disconnected" }, { type: "status", status: "connecting" }],
      "Reconnecting…",
    ],
    ["first attempt failed, provider retries", [{ type: "status", status: "connecting" }, { type: "status", status: "connecting" }], "Reconnecting…"],
    [
      "back in sync after a drop",
      [{ type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "status", status: "disconnected" }, { type: "status", status: "connected" }, { type: "synced", synced: true }],
      "Connected",
    ],
    ["socket reopened but the resync is pending", [{ type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "status", status: "disconnected" }, { type: "status", status: "connected" }], "Reconnecting…"],
    ["browser went offline", [{ type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "online", online: false }], "Offline — changes will sync"],
    ["browser back online, socket still retrying", [{ type: "synced", synced: true }, { type: "online", online: false }, { type: "online", online: true }, { type: "status", status: "disconnected" }], "Reconnecting…"],
  ])("%s → %s", (_name, events, label) => {
    expect(run(events).label).toBe(label);
  });

  it("starts offline when the browser is offline", () => {
    expect(run([], false)).toEqual({ label: "Offline — changes will sync", tone: "offline" });
  });

  it("reports a permanent close with what to do about it, over any other state", () => {
    const view = run([{ type: "status", status: "connected" }, { type: "synced", synced: true }, { type: "closed", code: CollabCloseCode.FORBIDDEN, reason: "revoked" }, { type: "online", online: false }]);
    expect(view).toEqual({ label: "Disconnected", tone: "error", detail: "You no longer have access to this document." });
    expect(run([{ type: "closed", code: 4499, reason: "" }]).detail).toMatch(/Reload the page/);
  });

  it("explains a transient close while retrying, until back in sync", () => {
    const dropped: ConnectionEvent[] = [
      { type: "status", status: "connected" },
      { type: "synced", synced: true },
      { type: "dropped", code: CollabCloseCode.MESSAGE_TOO_BIG },
      { type: "status", status: "disconnected" },
    ];
    expect(run(dropped)).toMatchObject({ label: "Reconnecting…", detail: expect.stringMatching(/too large/) });
    expect(run([...dropped, { type: "status", status: "connected" }, { type: "synced", synced: true }])).toEqual({ label: "Connected", tone: "ok" });
    expect(run([...dropped.slice(0, 2), { type: "dropped", code: null }, { type: "status", status: "disconnected" }]).detail).toBeUndefined();
  });

  it("after a reset (document locked under unsaved edits) waits for the fresh document's sync, and says why", () => {
    const synced: ConnectionEvent[] = [
      { type: "status", status: "connecting" },
      { type: "status", status: "connected" },
      { type: "synced", synced: true },
    ];
    // The new provider's first event.
    const reset: ConnectionEvent[] = [{ type: "reset" }, { type: "status", status: "connecting" }];
    const state = [...synced, ...reset].reduce(reduceConnection, initialConnectionState(true));
    // Not "ever synced": the page does not bind its inputs to the new, still empty Y.Doc.
    expect(state.everSynced).toBe(false);
    expect(describeConnection(state)).toMatchObject({ label: "Reconnecting…", detail: expect.stringMatching(/locked/) });
    expect(run([...synced, ...reset, { type: "status", status: "connected" }, { type: "synced", synced: true }])).toEqual({ label: "Connected", tone: "ok" });
  });

  it("clears a permanent close when a socket opens again", () => {
    const view = run([{ type: "closed", code: 4401, reason: "" }, { type: "status", status: "connecting" }, { type: "status", status: "connected" }, { type: "synced", synced: true }]);
    expect(view.label).toBe("Connected");
  });
});
