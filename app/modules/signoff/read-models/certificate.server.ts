/**
 * The approval certificate of a round (page and PDF), and the approved version's stored snapshot
 * (what an outdated approver diffs against the current content). Participants only: the access
 * gate answers 404 to anyone else.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { users } from "../../../../db/schema/auth";
import { organizations } from "../../../../db/schema/organizations";
import { projects } from "../../../../db/schema/projects";
import { documents } from "../../../../db/schema/documents";
import { signoffDecisions, signoffRounds, signoffVersions } from "../../../../db/schema/signoff";
import { documentVersions } from "../../../../db/schema/versions";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain, type ChainVerification } from "~/modules/audit/chain";
import type { CanonicalDocument } from "~/modules/documents/model";
import { LINKED_DOCUMENT } from "~/modules/documents/model";
import { linkedContextFor } from "~/modules/documents/projection.server";
import { requireAccess } from "~/modules/permissions/require.server";
import type { Locale } from "~/modules/i18n/locales";
import { approvingParties, certificateSummary, type ApprovingParty, type SummaryTerm } from "~/modules/signoff/certificate-summary";
import { DECISION_LABELS, quorumLabel } from "~/modules/signoff/format";
import { accessSignoffDocument, loadCurrentContent, loadRound } from "~/modules/signoff/signoff.server";
import { verificationPath } from "~/modules/signoff/verification";
import { certificateModules, type CertificateModule } from "~/modules/stacks/stack.server";
import { snapshotIsIntact } from "~/modules/signoff/version";

export type Certificate = {
  document: { id: string; title: string; kind: string; projectTitle: string };
  round: { number: number; requestedAt: string; approvedAt: string | null };
  versionHash: string;
  /** The stored snapshot of the approved version still hashes to versionHash. */
  snapshotIntact: boolean;
  stages: Array<{ name: string; quorum: string }>;
  decisions: Array<{
    stage: string;
    organization: string;
    decision: string;
    decidedBy: string;
    decidedAt: string;
    versionHash: string;
    outdated: boolean;
    comment: string | null;
  }>;
  chain: ChainVerification;
  generatedAt: string;
  /** Who approved, and when (the live approvals). */
  parties: ApprovingParty[];
  /** The key terms of the approved version (empty when its snapshot is missing). */
  summary: SummaryTerm[];
  /** The history's saved version holding exactly the approved content, when there is one. */
  approvedVersion: { number: number; name: string } | null;
  /** Where anyone checks this certificate: /verify/<versionHash> (the page makes it absolute). */
  verificationPath: string;
  /** A stack's modules with the version each one was approved at (issue #18); empty for others. */
  modules?: CertificateModule[];
};

/** `?round=<n>` of a certificate URL (page and PDF); absent means the latest approved round. */
export function roundParam(request: Request): number | undefined {
  const value = new URL(request.url).searchParams.get("round");
  if (value === null) return undefined;
  const round = Number(value);
  if (!Number.isInteger(round) || round < 1) throw new Response("Unknown round", { status: 400 });
  return round;
}

/** The certificate of the latest approved round (or of round `number`); null when there is none. */
export async function approvalCertificate(userId: string, documentId: string, number?: number, locale: Locale = "en"): Promise<Certificate | null> {
  const q = db();
  const { document } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const [approved] = await q
    .select({ number: signoffRounds.number })
    .from(signoffRounds)
    .where(
      and(
        eq(signoffRounds.documentId, documentId),
        eq(signoffRounds.status, "approved"),
        ...(number === undefined ? [] : [eq(signoffRounds.number, number)]),
      ),
    )
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  if (!approved) return null;
  const round = await loadRound(q, documentId, approved.number);
  if (!round) return null;
  const [snapshot] = await q
    .select({ canonical: signoffVersions.canonical })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, round.currentVersionHash)));
  const [project] = await q.select({ title: projects.title }).from(projects).where(eq(projects.id, document.projectId));
  const decisions = await q
    .select({
      stageIndex: signoffDecisions.stageIndex,
      organization: organizations.name,
      decision: signoffDecisions.decision,
      decidedBy: users.name,
      decidedAt: signoffDecisions.decidedAt,
      versionHash: signoffDecisions.versionHash,
      outdatedAt: signoffDecisions.outdatedAt,
      comment: signoffDecisions.comment,
    })
    .from(signoffDecisions)
    .innerJoin(organizations, eq(organizations.id, signoffDecisions.organizationId))
    .innerJoin(users, eq(users.id, signoffDecisions.decidedBy))
    .where(eq(signoffDecisions.roundId, round.id))
    .orderBy(asc(signoffDecisions.decidedAt));
  const chain = await verifyChain(await readAuditChain(q, chainOf({ documentId })));
  const summary = snapshot ? await summaryOf(q, document.projectId, JSON.parse(snapshot.canonical) as CanonicalDocument, locale) : [];
  // The automatic "Approved" version is saved in the approving transaction; a person may also have
  // saved the same content: the latest one named for it is linked.
  const [saved] = await q
    .select({ number: documentVersions.number, name: documentVersions.name })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.contentHash, round.currentVersionHash)))
    .orderBy(desc(documentVersions.number))
    .limit(1);
  const decisionRows = decisions.map((d) => ({
    stage: round.stages[d.stageIndex]?.name ?? `Stage ${d.stageIndex + 1}`,
    organization: d.organization,
    decision: DECISION_LABELS[d.decision],
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
    versionHash: d.versionHash,
    outdated: d.outdatedAt !== null,
    comment: d.comment,
  }));
  return {
    document: { id: document.id, title: document.title, kind: document.kind, projectTitle: project?.title ?? "" },
    round: { number: round.number, requestedAt: round.requestedAt.toISOString(), approvedAt: round.closedAt?.toISOString() ?? null },
    versionHash: round.currentVersionHash,
    snapshotIntact: snapshot ? await snapshotIsIntact({ canonical: snapshot.canonical, hash: round.currentVersionHash }) : false,
    stages: round.stages.map((stage) => ({ name: stage.name, quorum: quorumLabel(stage.quorum, stage.organizationIds.length) })),
    decisions: decisionRows,
    chain,
    generatedAt: new Date().toISOString(),
    parties: approvingParties(decisionRows),
    summary,
    approvedVersion: saved ?? null,
    verificationPath: verificationPath(round.currentVersionHash),
    modules: snapshot ? await certificateModules(q, (JSON.parse(snapshot.canonical) as CanonicalDocument).fields) : [],
  };
}

/**
 * The approved version's key terms. A plan's coverage needs its specification's competencies: they
 * are read as that specification stands now (its projection), the plan's own terms as approved.
 */
async function summaryOf(q: Queryable, projectId: string, canonical: CanonicalDocument, locale: Locale): Promise<SummaryTerm[]> {
  const link = LINKED_DOCUMENT[canonical.kind];
  const linkedId = link ? canonical.fields[link.field] : null;
  if (!link || typeof linkedId !== "string" || linkedId === "") return certificateSummary(canonical, { locale });
  const context = await linkedContextFor(q, projectId, canonical.kind, canonical.fields);
  const [linked] = await q
    .select({ title: documents.title })
    .from(documents)
    .where(and(eq(documents.id, linkedId), eq(documents.projectId, projectId)));
  return certificateSummary(canonical, { ...context, linkedTitle: linked?.title ?? null, locale });
}

/** A version submitted for sign-off (null snapshot: never submitted) and the current content. */
export async function approvedVersionSnapshot(userId: string, documentId: string, versionHash: string) {
  const q = db();
  const { document } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const [row] = await q
    .select({ canonical: signoffVersions.canonical, createdAt: signoffVersions.createdAt })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, versionHash)));
  const content = await loadCurrentContent(q, documentId, document.kind);
  return { document, snapshot: row ?? null, current: content };
}
