import { eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { memberships } from "../../../db/schema/organizations";
import type { Actor } from "~/modules/permissions/can";

export async function loadActor(userId: string, q: Queryable = db()): Promise<Actor> {
  const rows = await q
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { userId, memberships: rows };
}
