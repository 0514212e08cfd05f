import { describe, expect, it } from "vitest";
import { can, type Actor, type DocumentResource } from "../permissions/can";
import { DOCUMENT_STATUSES } from "../permissions/roles";
import { CONTENT_LOCKED_STATUSES } from "./machine";

// Two places must agree on when content is locked: can() (which makes sockets and editors
// read-only) and the machine's table (which the collaboration write path uses to refuse updates
// that raced an approval). If they drift, an editor could type into a document whose writes are
// refused, or writes could land in an approved document.
describe("content locking", () => {
  const editor: Actor = { userId: "u", memberships: [{ organizationId: "college", role: "member" }] };
  const document = (status: DocumentResource["status"]): DocumentResource => ({
    type: "document",
    status,
    project: { participants: [{ organizationId: "college", role: "lead_institution" }] },
  });

  it.each(DOCUMENT_STATUSES)("%s: the write path refuses content exactly when can() refuses edits", (status) => {
    expect(CONTENT_LOCKED_STATUSES.includes(status)).toBe(!can(editor, "document.edit", document(status)));
  });

  it("locks approved content", () => {
    expect(CONTENT_LOCKED_STATUSES).toContain("approved");
  });
});
