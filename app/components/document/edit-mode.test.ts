import { describe, expect, it } from "vitest";
import { currentApprovers, outdatesApprovalsMessage } from "~/components/document/edit-mode";
import type { SignoffPanelData } from "~/modules/signoff/read-models/panel.server";

type Party = SignoffPanelData["stages"][number]["parties"][number];
const party = (organizationName: string, decision: Party["decision"]): Party =>
  ({ organizationId: organizationName, organizationName, decision, decidedBy: null, decidedAt: null, comment: null, approvedVersionHash: null, approvedVersion: null }) as Party;
const stage = (index: number, parties: Party[]) => ({ index, name: `Stage ${index + 1}`, quorum: "All", complete: false, open: index === 0, parties });

describe("edit mode while in review", () => {
  it("names the organizations whose approval of the current version an edit outdates", () => {
    const panel = {
      status: "in_review" as const,
      stages: [stage(0, [party("Northwind Energy", "approved"), party("Prairie University", "outdated"), party("Lakeshore College", "approved")]), stage(1, [party("Postsecondary Quality Assessment Board", "pending")])],
    };
    expect(currentApprovers(panel)).toEqual(["Northwind Energy", "Lakeshore College"]);
    expect(outdatesApprovalsMessage(currentApprovers(panel))).toBe("Editing will outdate the approvals of Northwind Energy and Lakeshore College. They will be asked to approve again.");
  });

  it("asks nothing outside review or before any approval", () => {
    expect(currentApprovers(null)).toEqual([]);
    expect(currentApprovers({ status: "draft", stages: [stage(0, [party("Northwind Energy", "approved")])] })).toEqual([]);
    expect(currentApprovers({ status: "in_review", stages: [stage(0, [party("Northwind Energy", "pending")])] })).toEqual([]);
  });

  it("words one or several organizations", () => {
    expect(outdatesApprovalsMessage(["Northwind Energy"])).toBe("Editing will outdate the approval of Northwind Energy. They will be asked to approve again.");
    expect(outdatesApprovalsMessage(["A", "B", "C"])).toBe("Editing will outdate the approvals of A, B and C. They will be asked to approve again.");
  });
});
