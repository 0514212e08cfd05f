/**
 * Loads what the exports and the readiness page read: the specification's APPROVED content (the
 * snapshot of its latest approved round, never the live document), the project's organizations,
 * the approval facts and the linked assessment plan. Only people who may view the document get
 * anything (the one access gate: 404 otherwise).
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants } from "../../../db/schema/projects";
import { signoffDecisions, signoffRounds, signoffVersions } from "../../../db/schema/signoff";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { loadActor } from "~/modules/orgs/actor.server";
import { requireDocument } from "~/modules/permissions/require.server";
import { loadCurrentContent } from "~/modules/signoff/signoff.server";
import type { ExportContext, ExportOrganization } from "~/modules/exports/context";
import { ctdlCredential } from "~/modules/exports/ctdl";
import { openBadgesDocument } from "~/modules/exports/openbadges";
import { slugify } from "~/modules/exports/context";
import { confirmedRecognitions } from "~/modules/recognitions/recognitions.server";
import { standardsReadiness, type ReadinessTarget } from "~/modules/exports/readiness";

export const NOT_EXPORTABLE = "Only an approved credential specification can be exported.";

type ApprovedSnapshot = { canonical: CanonicalDocument; versionHash: string; approvedAt: Date; approvedByOrganizationIds: string[] };

/** The content of the latest approved round, with who approved it; null when none was approved. */
async function approvedSnapshot(q: Queryable, documentId: string): Promise<ApprovedSnapshot | null> {
  const [round] = await q
    .select({ id: signoffRounds.id, versionHash: signoffRounds.currentVersionHash, closedAt: signoffRounds.closedAt })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.documentId, documentId), eq(signoffRounds.status, "approved")))
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  if (!round?.closedAt) return null;
  const [snapshot] = await q
    .select({ canonical: signoffVersions.canonical })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, round.versionHash)));
  if (!snapshot) return null;
  const approvals = await q
    .select({ organizationId: signoffDecisions.organizationId })
    .from(signoffDecisions)
    .where(and(eq(signoffDecisions.roundId, round.id), eq(signoffDecisions.decision, "approved"), isNull(signoffDecisions.outdatedAt)));
  return {
    canonical: JSON.parse(snapshot.canonical) as CanonicalDocument,
    versionHash: round.versionHash,
    approvedAt: round.closedAt,
    approvedByOrganizationIds: [...new Set(approvals.map((a) => a.organizationId))],
  };
}

async function projectOrganizations(q: Queryable, projectId: string): Promise<ExportOrganization[]> {
  return q
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, province: organizations.province, role: projectParticipants.role })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(eq(projectParticipants.projectId, projectId))
    .orderBy(projectParticipants.createdAt);
}

/**
 * The assessment plan of a specification (found by its projected link), approved plans first:
 * its approved content when it has one, else its current content.
 */
async function linkedPlan(q: Queryable, projectId: string, specId: string): Promise<{ id: string; canonical: CanonicalDocument } | null> {
  const plans = await q
    .select({ id: documents.id, status: documents.status, projection: documents.projection })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.kind, "assessment_plan")))
    .orderBy(documents.createdAt);
  const linked = plans.filter((p) => p.projection?.keyFields?.credentialSpecId === specId);
  const plan = linked.find((p) => p.status === "approved") ?? linked[0];
  if (!plan) return null;
  const approved = await approvedSnapshot(q, plan.id);
  return { id: plan.id, canonical: approved?.canonical ?? (await loadCurrentContent(q, plan.id, "assessment_plan")).canonical };
}

export type ApprovedExport = { title: string; spec: CanonicalDocument; context: ExportContext };

/**
 * The approved specification and its export context. Throws 404 to anyone who may not view the
 * document, and 409 with NOT_EXPORTABLE for a document that is not an approved specification.
 */
export async function loadApprovedExport(userId: string, documentId: string, origin: string): Promise<ApprovedExport> {
  const q = db();
  const document = await requireDocument(await loadActor(userId, q), documentId, "document.view", q);
  const approved = await approvedExportOf(q, document, origin);
  if (!approved) throw new Response(NOT_EXPORTABLE, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return approved;
}

/**
 * The same for anyone, signed in or not (the public catalog and read API, issue #17): approval is
 * what publishes a specification, and only its approved snapshot is read. Null for anything else.
 */
export async function loadPublicApprovedExport(documentId: string, origin: string, q: Queryable = db()): Promise<ApprovedExport | null> {
  const [document] = await q
    .select({ id: documents.id, projectId: documents.projectId, kind: documents.kind, status: documents.status, title: documents.title })
    .from(documents)
    .where(eq(documents.id, documentId));
  return document ? approvedExportOf(q, document, origin) : null;
}

type ExportableDocument = { id: string; projectId: string; kind: string; status: string; title: string };

async function approvedExportOf(q: Queryable, document: ExportableDocument, origin: string): Promise<ApprovedExport | null> {
  const documentId = document.id;
  const approved = document.kind === "credential_spec" && document.status === "approved" ? await approvedSnapshot(q, documentId) : null;
  if (!approved) return null;
  const [organizationRows, plan, stacks] = await Promise.all([
    projectOrganizations(q, document.projectId),
    linkedPlan(q, document.projectId, documentId),
    approved.canonical.fields.credentialKind === "module" ? approvedStacksOf(q, documentId) : Promise.resolve([]),
  ]);
  const recognitions = (await confirmedRecognitions(documentId, approved.canonical.fields, q)).flatMap((r) =>
    r.receivingOrganization
      ? [{ program: r.program, institution: r.receivingOrganization.name, organizationId: r.receivingOrganization.id, province: r.province, standing: r.standing, creditGranted: r.creditGranted, conditions: r.conditions, validFrom: r.validFrom, validTo: r.validTo }]
      : [],
  );
  return {
    title: document.title,
    spec: approved.canonical,
    context: {
      origin,
      documentId,
      organizations: organizationRows,
      approval: { approvedAt: approved.approvedAt.toISOString(), versionHash: approved.versionHash, approvedByOrganizationIds: approved.approvedByOrganizationIds },
      plan: plan?.canonical ?? null,
      stacks,
      recognitions,
    },
  };
}

/**
 * The approved stacks that reference a module, in any project (a consortium's stack may take
 * modules from other projects): their projected key fields carry the module references, and an
 * approved document's content (so its projection) is locked.
 */
async function approvedStacksOf(q: Queryable, moduleId: string): Promise<string[]> {
  const rows = await q
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.kind, "credential_spec"),
        eq(documents.status, "approved"),
        sql`${documents.projection} -> 'keyFields' -> 'stackModules' @> ${JSON.stringify([{ moduleDocumentId: moduleId }])}::jsonb`,
      ),
    )
    .orderBy(documents.id);
  return rows.map((row) => row.id);
}

export type ExportFormat = "openbadges" | "ctdl";

/** The export as a download: body, media type and file name. */
export function exportDownload(format: ExportFormat, { spec, context, title }: ApprovedExport): Response {
  const base = slugify(title);
  const [body, type, filename] =
    format === "openbadges"
      ? [openBadgesDocument(spec, context), "application/json", `${base}.openbadges.json`]
      : [ctdlCredential(spec, context), "application/ld+json", `${base}.ctdl.jsonld`];
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export type ReadinessPage = { document: { id: string; title: string; status: string }; plan: { id: string } | null; targets: ReadinessTarget[] };

/** Readiness of a specification's live content (what to fix before sign-off), with its plan's. */
export async function loadReadiness(userId: string, documentId: string): Promise<ReadinessPage> {
  const q = db();
  const document = await requireDocument(await loadActor(userId, q), documentId, "document.view", q);
  if (document.kind !== "credential_spec") throw new Response("Standards readiness is checked for credential specifications.", { status: 404 });
  const [content, plan] = await Promise.all([loadCurrentContent(q, documentId, "credential_spec"), linkedPlan(q, document.projectId, documentId)]);
  return {
    document: { id: document.id, title: document.title, status: document.status },
    plan: plan ? { id: plan.id } : null,
    targets: standardsReadiness(content.canonical, { documentId, plan }),
  };
}
