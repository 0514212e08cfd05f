/**
 * The approval certificate of a round (page and PDF), and the approved version's stored snapshot
 * (what an outdated approver diffs against the current content). Participants only: the access
 * gate answers 404 to anyone else.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { users } from "../../../../db/schema/auth";
import { organizations } from "../../../../db/schema/organizations";
import { projects } from "../../../../db/schema/projects";
import { signoffDecisions, signoffRounds, signoffVersions } from "../../../../db/schema/signoff";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain, type ChainVerification } from "~/modules/audit/chain";
import { requireAccess } from "~/modules/permissions/require.server";
import { DECISION_LABELS, quorumLabel } from "~/modules/signoff/format";
import { accessSignoffDocument, loadCurrentContent, loadRound } from "~/modules/signoff/signoff.server";
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
export async function approvalCertificate(userId: string, documentId: string, number?: number): Promise<Certificate | null> {
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
  return {
    document: { id: document.id, title: document.title, kind: document.kind, projectTitle: project?.title ?? "" },
    round: { number: round.number, requestedAt: round.requestedAt.toISOString(), approvedAt: round.closedAt?.toISOString() ?? null },
    versionHash: round.currentVersionHash,
    snapshotIntact: snapshot ? await snapshotIsIntact({ canonical: snapshot.canonical, hash: round.currentVersionHash }) : false,
    stages: round.stages.map((stage) => ({ name: stage.name, quorum: quorumLabel(stage.quorum, stage.organizationIds.length) })),
    decisions: decisions.map((d) => ({
      stage: round.stages[d.stageIndex]?.name ?? `Stage ${d.stageIndex + 1}`,
      organization: d.organization,
      decision: DECISION_LABELS[d.decision],
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt.toISOString(),
      versionHash: d.versionHash,
      outdated: d.outdatedAt !== null,
      comment: d.comment,
    })),
    chain,
    generatedAt: new Date().toISOString(),
  };
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
