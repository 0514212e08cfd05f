import { useCallback, useEffect, useState } from "react";
import type { CollaborationSession } from "~/components/editor/use-collaboration";
import { colorForUser } from "~/components/editor/user-color";

/**
 * Who is in which structured field. Rich text shows carets (CollaborationCaret, one per editor:
 * each editor only draws carets whose Yjs position lies in its own fragment, and a blurred editor
 * clears the shared `cursor` field only when it owns it — so a caret never shows in the wrong
 * section). Fields have no caret: each client announces the path of the field it is in as the
 * awareness field `field`, and the others outline that field in the person's colour.
 */
export const FIELD_AWARENESS_KEY = "field";

export type FieldVisitor = { id: string; name: string; color: string };

function readVisitors(session: CollaborationSession): Map<string, FieldVisitor[]> {
  const byPath = new Map<string, FieldVisitor[]>();
  const ownClient = session.provider.awareness.clientID;
  session.provider.awareness.getStates().forEach((state, clientId) => {
    if (clientId === ownClient || !state) return;
    const path = (state as Record<string, unknown>)[FIELD_AWARENESS_KEY];
    const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
    if (typeof path !== "string" || typeof user?.id !== "string" || typeof user.name !== "string" || user.id === session.user.id) return;
    const list = byPath.get(path) ?? [];
    if (!list.some((visitor) => visitor.id === user.id)) list.push({ id: user.id, name: user.name, color: colorForUser(user.id) });
    byPath.set(path, list);
  });
  return byPath;
}

function signature(map: Map<string, FieldVisitor[]>): string {
  return [...map].map(([path, visitors]) => `${path}:${visitors.map((v) => v.id).join(",")}`).sort().join("|");
}

export function useFieldPresence(session: CollaborationSession | null) {
  const [visitors, setVisitors] = useState<{ key: string; byPath: Map<string, FieldVisitor[]> }>({ key: "", byPath: new Map() });

  useEffect(() => {
    if (!session) return;
    const awareness = session.provider.awareness;
    const onChange = () => {
      const byPath = readVisitors(session);
      const key = signature(byPath);
      // Carets move on every keystroke; only re-render when someone entered or left a field.
      setVisitors((previous) => (previous.key === key ? previous : { key, byPath }));
    };
    onChange();
    awareness.on("change", onChange);
    return () => {
      awareness.off("change", onChange);
      if (awareness.getLocalState()) awareness.setLocalStateField(FIELD_AWARENESS_KEY, null);
    };
  }, [session]);

  const announce = useCallback(
    (path: string | null) => {
      const awareness = session?.provider.awareness;
      if (!awareness?.getLocalState()) return;
      if ((awareness.getLocalState() as Record<string, unknown>)[FIELD_AWARENESS_KEY] === path) return;
      awareness.setLocalStateField(FIELD_AWARENESS_KEY, path);
    },
    [session],
  );

  const visitorsAt = useCallback((path: string) => visitors.byPath.get(path) ?? NONE, [visitors]);
  // `key` changes exactly when someone enters or leaves a field: what memoised sections compare.
  return { key: visitors.key, visitorsAt, announce };
}

const NONE: FieldVisitor[] = [];
