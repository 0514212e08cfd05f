import type { Queryable } from "~/db.server";
import type { Actor } from "~/modules/permissions/can";
import { requireDocument } from "~/modules/permissions/require.server";

/** Whether the actor may view the document (a Response thrown by the gate means no). */
export async function checkDocumentView(actor: Actor, documentId: string, q: Queryable): Promise<boolean> {
  try {
    await requireDocument(actor, documentId, "document.view", q);
    return true;
  } catch (error) {
    if (error instanceof Response) return false;
    throw error;
  }
}
