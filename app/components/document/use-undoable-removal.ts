import { useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { fieldsMap } from "~/modules/documents/model";

/** How long "Undo" is offered after a removal. */
export const UNDO_FOR_MS = 10_000;

export type UndoableRemoval = {
  /** What was removed, in words ("assessment Site observation"), while Undo is offered; else null. */
  removed: string | null;
  /** Runs `remove` (a Yjs write) as one undoable step and offers Undo for it. */
  remove: (label: string, remove: (origin: unknown) => void) => void;
  /** Puts the removed content back, for everyone (a new update through the Y.Doc). */
  undo: () => void;
  dismiss: () => void;
};

/**
 * "Safe edits" (issue #15): a removal is one click, and Undo is offered for UNDO_FOR_MS. The removal
 * runs under an origin of its own, tracked by a Y.UndoManager over the fields map, so Undo reverts
 * exactly that transaction (the row, and what went with it, e.g. an assessment's matrix cells) and
 * nothing anyone else wrote meanwhile; the restored content reaches everyone like any edit.
 */
export function useUndoableRemoval(ydoc: Y.Doc | null): UndoableRemoval {
  const origin = useMemo(() => ({ removal: true }), []);
  const manager = useMemo(() => (ydoc ? new Y.UndoManager(fieldsMap(ydoc), { trackedOrigins: new Set([origin]), captureTimeout: 0 }) : null), [ydoc, origin]);
  const [removed, setRemoved] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => manager?.destroy(), [manager]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const dismiss = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    manager?.clear();
    setRemoved(null);
  };
  return {
    removed,
    remove: (label, remove) => {
      if (!manager) return;
      // Only the latest removal can be undone: an older one's Undo has gone with its message.
      manager.clear();
      remove(origin);
      if (manager.undoStack.length === 0) return;
      setRemoved(label);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(dismiss, UNDO_FOR_MS);
    },
    undo: () => {
      manager?.undo();
      dismiss();
    },
    dismiss,
  };
}
