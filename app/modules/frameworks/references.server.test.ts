import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { fieldsMap, readFields, rowsOf } from "~/modules/documents/model";
import { loadActor } from "~/modules/orgs/actor.server";
import { generateId } from "~/modules/ids.server";
import { refreshProjection } from "~/modules/documents/projection.server";
import { withStoredDocument } from "~/modules/documents/store/stored-document.server";
import { memberships } from "../../../db/schema/organizations";
import { testDocument, testProject } from "../../../test/support/documents";
import { changeSpecification, frameworkCsv, importFramework } from "../../../test/support/framework-specs";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { eq } from "drizzle-orm";

useTestDatabase();

/** A competency row as specifications stored them before references existed: copied text, no source. */
function legacyRow(ydoc: Y.Doc, cells: Record<string, string | boolean>): void {
  const row = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(cells)) row.set(key, value);
  (fieldsMap(ydoc).get("competencies") as Y.Array<unknown>).push([row]);
}

async function storedRows(documentId: string) {
  return withStoredDocument(db(), documentId, (ydoc) => rowsOf(readFields(ydoc), "competencies"));
}

describe("copied competency rows become references to the library, once", () => {
  it("links rows found by URI or by framework and code, and keeps the others as custom with every value", async () => {
    const { projectId, lead } = await testProject();
    const [membership] = await db().select().from(memberships).where(eq(memberships.userId, lead.id));
    const uri = `https://frameworks.example/${generateId(6)}`;
    const name = `Wind turbine safety ${generateId(4)}`;
    const frameworkId = await importFramework(
      await loadActor(lead.id),
      membership!.organizationId,
      frameworkCsv(uri, name, "2024", [
        { id: "A", code: "A", statement: "Work at height" },
        { id: "A1", code: "A.1", statement: "Inspect a harness before use", parent: "A" },
        { id: "A2", code: "A.2", statement: "Rescue a colleague from height", parent: "A" },
      ]),
    );
    const specId = await testDocument(projectId, lead.id);
    await changeSpecification(specId, (ydoc) => {
      legacyRow(ydoc, { id: "by-uri", framework: "Some other name", code: "?", uri: `${uri}/A1`, title: "Inspect a harness before use.", level: "2", essential: true });
      legacyRow(ydoc, { id: "by-code", framework: `${name} (2024)`, code: "A.2", title: "rescue a colleague  from height", level: "3", essential: false, outcome: "Performs a rescue." });
      legacyRow(ydoc, { id: "reworded", framework: name, code: "A", title: "Work safely at height on turbines", level: "1", essential: true });
      legacyRow(ydoc, { id: "unknown", framework: "GWO Basic Safety Training", code: "WAH-1", title: "Climb a ladder", level: "1", essential: true });
    });

    const rows = new Map((await storedRows(specId)).map((row) => [row.id, row]));
    expect(rows.get("by-uri")).toMatchObject({ source: "framework", frameworkId, code: "A.1", title: "Inspect a harness before use", branch: "A Work at height", framework: `${name} (2024)`, level: "2" });
    expect(rows.get("by-code")).toMatchObject({ source: "framework", frameworkId, code: "A.2", title: "Rescue a colleague from height", uri: `${uri}/A2`, level: "3", essential: false, outcome: "Performs a rescue." });
    expect(rows.get("by-uri")?.competencyId).not.toBe(rows.get("by-code")?.competencyId);
    // Worded differently from the library, or in no framework of it: custom, nothing lost.
    expect(rows.get("reworded")).toMatchObject({ source: "custom", code: "A", title: "Work safely at height on turbines", framework: name });
    expect(rows.get("reworded")?.competencyId ?? null).toBeNull();
    expect(rows.get("unknown")).toMatchObject({ source: "custom", code: "WAH-1", title: "Climb a ladder", framework: "GWO Basic Safety Training" });

    // The projection names the library ids: what "which specifications use this framework" reads.
    const outcome = await refreshProjection(db(), specId);
    expect(outcome?.repaired).toBe(false);
    expect(outcome?.projection.competencies.filter((c) => c.frameworkId === frameworkId)).toHaveLength(2);
  });
});
