/**
 * Does a certificate code match an approval? Answers for anyone, signed in or not, so it reveals
 * nothing but the moment and the round number of the approval: no document, title, organization or
 * content. Only the final version of an approved round counts (a round's current version hash is
 * the one its approvals were bound to); versions of rounds withdrawn, rejected or sent back, and
 * versions a round moved past, match nothing. A reopen later does not undo an approval.
 */
import { and, desc, eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { signoffRounds } from "../../../db/schema/signoff";
import { CertificateCodeSchema } from "~/modules/signoff/verification";

export type Verification = { genuine: true; approvedAt: string; round: number } | { genuine: false };

/** The code must already be valid (CertificateCodeSchema); anything else matches nothing. */
export async function verifyCertificateCode(code: string, q: Queryable = db()): Promise<Verification> {
  const parsed = CertificateCodeSchema.safeParse(code);
  if (!parsed.success) return { genuine: false };
  // Two documents with identical content could share a hash: the latest approval answers.
  const [round] = await q
    .select({ number: signoffRounds.number, closedAt: signoffRounds.closedAt })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.status, "approved"), eq(signoffRounds.currentVersionHash, parsed.data)))
    .orderBy(desc(signoffRounds.closedAt))
    .limit(1);
  if (!round?.closedAt) return { genuine: false };
  return { genuine: true, approvedAt: round.closedAt.toISOString(), round: round.number };
}
