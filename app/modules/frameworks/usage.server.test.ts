import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { frameworks } from "../../../db/schema/frameworks";
import { COMPETENCIES_KEY } from "~/modules/documents/kinds/competency-references";
import { fieldsMap } from "~/modules/documents/model/ydoc";
import { deleteFramework } from "~/modules/frameworks/library.server";
import { documentsUsingFramework, FrameworkInUseError, usageVisibleTo } from "~/modules/frameworks/usage.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import type { Actor } from "~/modules/permissions/can";
import { testDocument, testProject } from "../../../test/support/documents";
import { changeSpecification, frameworkCsv, frameworkOwner, importFramework, pickable, referTo } from "../../../test/support/framework-specs";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

const COMPETENCIES = [
  { id: "a", code: "A", statement: "Adaptation" },
  { id: "a1", code: "A.1", statement: "Assess climate risk", parent: "a" },
  { id: "a2", code: "A.2", statement: "Plan adaptation", parent: "a" },
];

let owner: Actor;
let organizationId: string;

beforeAll(async () => {
  ({ owner, organizationId } = await frameworkOwner());
});

async function freshFramework(): Promise<string> {
  return importFramework(owner, organizationId, frameworkCsv(`https://example.org/fw/${generateId(8)}`, "Climate basics", "1.0", COMPETENCIES));
}

/** Removes every competency row of the specification (and projects it). */
function dropAllCompetencies(documentId: string) {
  return changeSpecification(documentId, (ydoc) => {
    const rows = fieldsMap(ydoc).get(COMPETENCIES_KEY) as Y.Array<unknown>;
    rows.delete(0, rows.length);
  });
}

describe("documentsUsingFramework", () => {
  it("lists the specifications whose competencies reference the version, not those of another version", async () => {
    const frameworkId = await freshFramework();
    const otherId = await freshFramework();
    const project = await testProject();
    const using = await testDocument(project.projectId, project.lead.id, "credential_spec", "Uses it");
    const other = await testDocument(project.projectId, project.lead.id, "credential_spec", "Uses another");
    const none = await testDocument(project.projectId, project.lead.id, "credential_spec", "Uses none");
    await referTo(using, [(await pickable(frameworkId)).get("A.1")!]);
    await referTo(other, [(await pickable(otherId)).get("A.1")!]);
    await referTo(none, []);

    const list = await documentsUsingFramework(frameworkId);
    expect(list.map((d) => d.id)).toEqual([using]);
    expect(list[0]).toMatchObject({ title: "Uses it", projectId: project.projectId });
    expect(list[0]!.projectTitle).toMatch(/^Project /);
    expect(await documentsUsingFramework("no-such-framework")).toEqual([]);
  });
});

describe("deleting a framework version in use", () => {
  it("is refused while a specification references it, listing them, and allowed once they no longer do", async () => {
    const frameworkId = await freshFramework();
    const picks = await pickable(frameworkId);
    const first = await testProject();
    const second = await testProject();
    const mine = await testDocument(first.projectId, first.lead.id, "credential_spec", "Climate practitioner");
    const theirs = await testDocument(second.projectId, second.lead.id, "credential_spec", "Heat officer");
    await referTo(mine, [picks.get("A.1")!, picks.get("A.2")!]);
    await referTo(theirs, [picks.get("A.2")!]);

    const refusal = await deleteFramework(owner, frameworkId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FrameworkInUseError);
    expect((refusal as FrameworkInUseError).documents.map((d) => d.id).sort()).toEqual([mine, theirs].sort());
    expect(await db().select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, frameworkId))).toHaveLength(1);

    // A participant of the first project sees its specification's title; the other is only counted.
    const lead = await loadActor(first.lead.id);
    const usage = await usageVisibleTo(lead, (refusal as FrameworkInUseError).documents);
    expect(usage.visible.map((d) => d.id)).toEqual([mine]);
    expect(usage.hiddenCount).toBe(1);
    expect(usage.visible[0]).not.toHaveProperty("status");
    const outsider = await loadActor(first.outsider.id);
    expect(await usageVisibleTo(outsider, (refusal as FrameworkInUseError).documents)).toEqual({ visible: [], hiddenCount: 2 });

    await dropAllCompetencies(mine);
    const stillRefused = await deleteFramework(owner, frameworkId).catch((error: unknown) => error);
    expect((stillRefused as FrameworkInUseError).documents.map((d) => d.id)).toEqual([theirs]);

    await dropAllCompetencies(theirs);
    await deleteFramework(owner, frameworkId);
    expect(await db().select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, frameworkId))).toHaveLength(0);
  });

  it("refuses a non-admin with 403 before saying anything about usage", async () => {
    const frameworkId = await freshFramework();
    const project = await testProject();
    const spec = await testDocument(project.projectId, project.lead.id);
    await referTo(spec, [(await pickable(frameworkId)).get("A")!]);
    const refusal = await deleteFramework(await loadActor(project.lead.id), frameworkId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(403);
  });
});
