import { describe, expect, it } from "vitest";
import { can, type Actor, type DocumentResource } from "~/modules/permissions/can";
import { CONTENT_LOCKED_STATUSES, DOCUMENT_STATUSES } from "~/modules/permissions/roles";
import { statusesRefusingContent } from "~/modules/signoff/machine";

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

  it("the machine's table refuses content changes in exactly the locked statuses", () => {
    expect([...statusesRefusingContent()].sort()).toEqual([...CONTENT_LOCKED_STATUSES].sort());
  });

  it("locks approved content", () => {
    expect(CONTENT_LOCKED_STATUSES).toContain("approved");
  });
});
