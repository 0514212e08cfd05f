import { useRevalidator } from "@remix-run/react";
import type { DocumentKind } from "~/modules/permissions/roles";
import { ConnectionIndicator } from "./connection-indicator";
import { PresenceList } from "./presence-list";
import { RichTextEditor } from "./rich-text-editor";
import { richTextSections } from "./sections";
import { StaticRichText } from "./static-rich-text";
import { useCollaboration } from "./use-collaboration";

type Props = {
  documentId: string;
  kind: DocumentKind;
  user: { id: string; name: string };
  canEdit: boolean;
  /** base64 Yjs state from the last stored snapshot, or null for a document never saved. */
  snapshot: string | null;
  /** Server-rendered HTML of each rich-text section from that snapshot ("" when empty). */
  firstPaint: Record<string, string>;
};

/** The document's rich-text sections, live, with who is here and the state of the connection. */
export function CollaborativeDocument({ documentId, kind, user, canEdit, snapshot, firstPaint }: Props) {
  const sections = richTextSections(kind);
  const revalidator = useRevalidator();
  const { session, people, connection, closed } = useCollaboration({ documentId, initialState: snapshot, user, onPermissionsChanged: revalidator.revalidate });
  // After a permanent close nothing typed could reach the others: stop accepting input.
  const editable = canEdit && closed === null;

  return (
    <section className="card editor-card" aria-label="Document content">
      <div className="editor-card__bar">
        <PresenceList people={people} />
        <ConnectionIndicator view={connection} />
      </div>
      {!canEdit ? (
        <p className="notice editor-card__notice">You can read this document and see changes as others make them. Only editors can change its content.</p>
      ) : null}
      {sections.map((section) => (
        <div key={section.field} className="editor-section" data-field={section.field}>
          {sections.length > 1 ? <h2 className="editor-section__title">{section.label}</h2> : null}
          {session ? (
            <RichTextEditor session={session} section={section} editable={editable} firstPaint={firstPaint[section.field] ?? ""} />
          ) : (
            <StaticRichText html={firstPaint[section.field] ?? ""} placeholder={section.placeholder} />
          )}
        </div>
      ))}
    </section>
  );
}
