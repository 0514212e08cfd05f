import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * One Ed25519 key pair per organization, for signing its Open Badges credentials (ADR 0016).
 * Created on first need; the primary key makes concurrent first uses settle on one key. The secret
 * key is stored only encrypted (AES-256-GCM under SIGNING_KEY_SECRET), never in the clear.
 */
export const organizationSigningKeys = pgTable("organization_signing_keys", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** Multikey form (z6Mk…); the issuer's id is did:key:<this>. */
  publicKeyMultibase: text("public_key_multibase").notNull(),
  /** "v1.<iv>.<tag>.<ciphertext>" (base64url) of the secret key's multibase. */
  secretKeyEncrypted: text("secret_key_encrypted").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
