/**
 * Employer hiring commitments on a specification: "We expect to hire N people with this credential
 * in <region> within <months>". Recorded by a member of an employer partner of the project, signed
 * with the person's and the organization's names as they were, written to the specification's
 * audit chain; withdrawn (never deleted) by people of the same organization, also audited.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { hiringCommitments } from "../../../db/schema/demand";
import { organizations } from "../../../db/schema/organizations";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { DEMAND_REGIONS } from "~/modules/demand/parse";
import { generateId } from "~/modules/ids.server";
import { can, projectRolesOf, type Actor } from "~/modules/permissions/can";
import { forbidden, notFound, requireDocument } from "~/modules/permissions/require.server";

export const CommitmentInputSchema = z.object({
  hires: z.coerce.number({ message: "Write a number of people" }).int("Write a whole number").min(1, "At least 1 person").max(100_000, "At most 100,000"),
  region: z.enum(DEMAND_REGIONS, { message: "Choose a region" }),
  months: z.coerce.number({ message: "Write a number of months" }).int("Write a whole number").min(1, "At least 1 month").max(120, "At most 120 months"),
  note: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(1000, "At most 1,000 characters").optional()),
});
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;

export type Commitment = {
  id: string;
  organizationId: string;
  organizationName: string;
  signerName: string;
  hires: number;
  region: string;
  months: number;
  note: string | null;
  createdAt: string;
};

const NO_META: RequestMeta = { ip: null, userAgent: null };

export async function recordCommitment(actor: Actor, documentId: string, input: CommitmentInput, meta: RequestMeta = NO_META): Promise<string> {
  const document = await requireDocument(actor, documentId, "commitment.record");
  if (document.kind !== "credential_spec") throw forbidden("Hiring commitments are recorded on a credential specification.");
  // The organization that signs: the actor's employer-partner organization in this project.
  const employerIds = new Set(document.resource.project.participants.filter((p) => p.role === "employer_partner").map((p) => p.organizationId));
  const organizationId = actor.memberships.find((m) => employerIds.has(m.organizationId))?.organizationId;
  if (!organizationId || !projectRolesOf(actor, document.resource.project).includes("employer_partner")) throw forbidden();
  const id = generateId();
  await db().transaction(async (tx) => {
    const [signer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).limit(1);
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
    if (!signer || !organization) throw notFound();
    await tx.insert(hiringCommitments).values({
      id,
      documentId,
      organizationId,
      userId: actor.userId,
      signerName: signer.name,
      organizationName: organization.name,
      hires: input.hires,
      region: input.region,
      months: input.months,
      note: input.note ?? null,
    });
    await appendAuditEvent(tx, {
      organizationId,
      documentId,
      projectId: document.projectId,
      actorUserId: actor.userId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      event: auditEvent("commitment.recorded", { commitmentId: id, organizationId, hires: input.hires, region: input.region, months: input.months, note: input.note ?? null }),
      createdAt: new Date(),
    });
  });
  return id;
}

/** Withdraws a commitment of the actor's organization; 404 when it is not on this document or already withdrawn. */
export async function withdrawCommitment(actor: Actor, documentId: string, commitmentId: string, meta: RequestMeta = NO_META): Promise<void> {
  const document = await requireDocument(actor, documentId, "document.view");
  await db().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: hiringCommitments.id, organizationId: hiringCommitments.organizationId })
      .from(hiringCommitments)
      .where(and(eq(hiringCommitments.id, commitmentId), eq(hiringCommitments.documentId, documentId), isNull(hiringCommitments.withdrawnAt)))
      .for("update")
      .limit(1);
    if (!row) throw notFound();
    if (!can(actor, "commitment.withdraw", { type: "commitment", organizationId: row.organizationId })) throw forbidden("Only the organization that made a commitment can withdraw it.");
    await tx.update(hiringCommitments).set({ withdrawnAt: new Date(), withdrawnBy: actor.userId }).where(eq(hiringCommitments.id, row.id));
    await appendAuditEvent(tx, {
      organizationId: row.organizationId,
      documentId,
      projectId: document.projectId,
      actorUserId: actor.userId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      event: auditEvent("commitment.withdrawn", { commitmentId: row.id, organizationId: row.organizationId }),
      createdAt: new Date(),
    });
  });
}

/** The document's commitments in force, oldest first (callers have checked the reader may view it). */
export async function listCommitments(documentId: string): Promise<Commitment[]> {
  const rows = await db()
    .select()
    .from(hiringCommitments)
    .where(and(eq(hiringCommitments.documentId, documentId), isNull(hiringCommitments.withdrawnAt)))
    .orderBy(asc(hiringCommitments.createdAt));
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    signerName: r.signerName,
    hires: r.hires,
    region: r.region,
    months: r.months,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

export { totalsByRegion } from "~/modules/demand/commitment-totals";
