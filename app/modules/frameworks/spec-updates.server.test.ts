import { beforeAll, describe, expect, it } from "vitest";
import { applyFrameworkUpdate } from "~/modules/documents/kinds/framework-update";
import { frameworkUpdatesFor } from "~/modules/frameworks/spec-updates.server";
import { documentsUsingFramework } from "~/modules/frameworks/usage.server";
import { generateId } from "~/modules/ids.server";
import type { Actor } from "~/modules/permissions/can";
import { testDocument, testProject } from "../../../test/support/documents";
import { changeSpecification, frameworkCsv, frameworkOwner, importFramework, pickable, projectedCompetencies, referTo, type CsvCompetency } from "../../../test/support/framework-specs";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { and, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { notifications } from "../../../db/schema/notifications";

useTestDatabase();

const V1: CsvCompetency[] = [
  { id: "a", code: "A", statement: "Adaptation" },
  { id: "a1", code: "A.1", statement: "Assess climate risk", parent: "a" },
  { id: "a2", code: "A.2", statement: "Plan adaptation", parent: "a" },
  { id: "a3", code: "A.3", statement: "Monitor outcomes", parent: "a" },
  { id: "b", code: "B", statement: "Communication" },
  { id: "b1", code: "B.1", statement: "Brief stakeholders", parent: "b" },
  { id: "c1", code: "C.1", statement: "Keep records" },
];

// A.1 unchanged, A.2 reworded, A.3 removed, B.1 recoded (same id), C.1 given a new id (same code),
// A.4 added (no specification references it yet).
const V2: CsvCompetency[] = [
  { id: "a", code: "A", statement: "Adaptation" },
  { id: "a1", code: "A.1", statement: "Assess climate risk", parent: "a" },
  { id: "a2", code: "A.2", statement: "Plan adaptation measures", parent: "a" },
  { id: "a4", code: "A.4", statement: "Evaluate adaptation", parent: "a" },
  { id: "b", code: "B", statement: "Communication" },
  { id: "b1", code: "B.01", statement: "Brief stakeholders", parent: "b" },
  { id: "c1-renamed", code: "C.1", statement: "Keep records" },
];

let owner: Actor;
let organizationId: string;

beforeAll(async () => {
  ({ owner, organizationId } = await frameworkOwner());
});

describe("frameworkUpdatesFor", () => {
  it("is empty for a specification that references no framework", async () => {
    expect(await frameworkUpdatesFor([{ id: "r1", code: "X", title: "Custom", framework: null, level: null, essential: true }])).toEqual([]);
  });

  it("offers the latest version, with what it changes in the referenced competencies only, and applies cleanly", async () => {
    const uri = `https://example.org/fw/${generateId(8)}`;
    const v1 = await importFramework(owner, organizationId, frameworkCsv(uri, "Climate basics", "1.0", V1));
    const picks = await pickable(v1);
    const project = await testProject();
    const spec = await testDocument(project.projectId, project.lead.id);
    await referTo(spec, ["A.1", "A.2", "A.3", "B.1", "C.1"].map((code) => picks.get(code)!));
    expect(await frameworkUpdatesFor(await projectedCompetencies(spec))).toEqual([]);

    const v2 = await importFramework(owner, organizationId, frameworkCsv(uri, "Climate basics", "2.0", V2));
    const next = await pickable(v2);
    const [update, ...more] = await frameworkUpdatesFor(await projectedCompetencies(spec));
    expect(more).toEqual([]);
    expect(update).toMatchObject({
      fromFrameworkId: v1,
      toFrameworkId: v2,
      name: "Climate basics",
      fromVersion: { number: 1, label: "1.0" },
      toVersion: { number: 2, label: "2.0" },
    });
    const old = (code: string) => picks.get(code)!.competencyId;
    expect(update!.changes).toEqual([
      { kind: "reworded", rowCompetencyId: old("A.2"), code: "A.2", before: "Plan adaptation", after: "Plan adaptation measures" },
      { kind: "removed", rowCompetencyId: old("A.3"), code: "A.3", before: "Monitor outcomes", after: null },
      { kind: "recoded", rowCompetencyId: old("B.1"), code: "B.1", before: "B.1", after: "B.01" },
    ]);
    // Unchanged ones are replaced too (every version has its own ids); the new words are the library's.
    expect(update!.replacements).toEqual([
      { fromCompetencyId: old("A.1"), to: next.get("A.1") },
      { fromCompetencyId: old("A.2"), to: next.get("A.2") },
      { fromCompetencyId: old("A.3"), to: null },
      { fromCompetencyId: old("B.1"), to: next.get("B.01") },
      { fromCompetencyId: old("C.1"), to: next.get("C.1") },
    ]);
    expect(next.get("A.2")).toMatchObject({ framework: "Climate basics (2.0)", branch: "A Adaptation", uri: `${uri}/a2` });

    // Applied as an editor's client would: nothing references version 1 any more, nothing is left to offer.
    await changeSpecification(spec, (ydoc) => applyFrameworkUpdate(ydoc, update!));
    const competencies = await projectedCompetencies(spec);
    expect(competencies.map((c) => [c.code, c.title, c.frameworkId ?? null])).toEqual([
      ["A.1", "Assess climate risk", v2],
      ["A.2", "Plan adaptation measures", v2],
      ["A.3", "Monitor outcomes", null],
      ["B.01", "Brief stakeholders", v2],
      ["C.1", "Keep records", v2],
    ]);
    expect(await documentsUsingFramework(v1)).toEqual([]);
    expect((await documentsUsingFramework(v2)).map((d) => d.id)).toEqual([spec]);
    expect(await frameworkUpdatesFor(competencies)).toEqual([]);
  });

  it("skips versions in between: a specification on version 1 is offered the latest", async () => {
    const uri = `https://example.org/fw/${generateId(8)}`;
    const v1 = await importFramework(owner, organizationId, frameworkCsv(uri, "Heat safety", "", V1));
    await importFramework(owner, organizationId, frameworkCsv(uri, "Heat safety", "", V2));
    const v3 = await importFramework(owner, organizationId, frameworkCsv(uri, "Heat safety", "", V2.slice(0, 3)));
    const project = await testProject();
    const spec = await testDocument(project.projectId, project.lead.id);
    await referTo(spec, [(await pickable(v1)).get("A.1")!, (await pickable(v1)).get("B.1")!]);
    const [update] = await frameworkUpdatesFor(await projectedCompetencies(spec));
    expect(update).toMatchObject({ toFrameworkId: v3, fromVersion: { number: 1, label: null }, toVersion: { number: 3, label: null } });
    expect(update!.changes.map((c) => [c.kind, c.code])).toEqual([["removed", "B.1"]]);
    expect(update!.replacements.map((r) => r.to?.framework ?? null)).toEqual(["Heat safety", null]);
  });
});

describe("a new framework version tells the specifications' editors", () => {
  it("notifies the editors of a specification that references an earlier version, and nobody else", async () => {
    const uri = `https://example.org/fw/${generateId(8)}`;
    const v1 = await importFramework(owner, organizationId, frameworkCsv(uri, "Notified basics", "1.0", V1));
    const project = await testProject();
    const referencing = await testDocument(project.projectId, project.lead.id, "credential_spec", "Referencing credential");
    // The employer created a specification that references nothing: she is not told.
    await testDocument(project.projectId, project.employer.id, "credential_spec", "Unrelated credential");
    await referTo(referencing, [(await pickable(v1)).get("A.1")!]);
    const told = (userId: string) =>
      db().select({ title: notifications.title, link: notifications.link }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "framework_version")));
    expect(await told(project.lead.id)).toEqual([]);

    await importFramework(owner, organizationId, frameworkCsv(uri, "Notified basics", "2.0", V2));
    expect(await told(project.lead.id)).toEqual([{ title: "Notified basics has a new version (2) that affects Referencing credential", link: `/documents/${referencing}?edit` }]);
    expect(await told(project.employer.id)).toEqual([]);
  });
});
