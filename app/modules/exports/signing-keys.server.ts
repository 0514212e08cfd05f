/**
 * One Ed25519 signing key per organization (ADR 0016): created on first need, its secret half
 * stored only encrypted (AES-256-GCM, key derived from SIGNING_KEY_SECRET, the organization's id
 * as associated data so a row cannot be moved to another organization). The public half is the
 * organization's issuer id, `did:key:z6Mk…`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import type { Ed25519KeyPair } from "@digitalbazaar/ed25519-multikey";
import type { Queryable } from "~/db.server";
import { env, type Env } from "~/env.server";
import { log } from "~/utils/log.server";
import { organizationSigningKeys } from "../../../db/schema/signing";

/** Used outside production when SIGNING_KEY_SECRET is unset, so development needs no setup. */
const DEVELOPMENT_SECRET = "concord-development-signing-key-secret (not for production)";

export const SIGNING_NOT_CONFIGURED =
  "Credential signing is not configured: set SIGNING_KEY_SECRET (at least 32 characters) to sign credentials in production.";

export class SigningNotConfiguredError extends Error {
  constructor() {
    super(SIGNING_NOT_CONFIGURED);
    this.name = "SigningNotConfiguredError";
  }
}

let warned = false;

/** The encryption key for stored secret keys; refuses production without a configured secret. */
export function signingKeyEncryptionKey(environment: Pick<Env, "NODE_ENV" | "SIGNING_KEY_SECRET"> = env()): Buffer {
  let secret = environment.SIGNING_KEY_SECRET;
  if (!secret) {
    if (environment.NODE_ENV === "production") throw new SigningNotConfiguredError();
    if (!warned) log.warn("SIGNING_KEY_SECRET is unset: organizations' signing keys are encrypted with the development default");
    warned = true;
    secret = DEVELOPMENT_SECRET;
  }
  return Buffer.from(hkdfSync("sha256", secret, "concord", "organization-signing-keys/v1", 32));
}

export function encryptSecretKey(secretKeyMultibase: string, organizationId: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(organizationId));
  const ciphertext = Buffer.concat([cipher.update(secretKeyMultibase, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecretKey(stored: string, organizationId: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unreadable stored signing key");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(organizationId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`The signing key of organization ${organizationId} does not decrypt: was SIGNING_KEY_SECRET changed?`);
  }
}

export function didKeyOf(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

export type OrganizationSigner = { organizationId: string; did: string; keyPair: Ed25519KeyPair };

/** A signer from a key pair in multibase form. */
export async function signerFrom(organizationId: string, publicKeyMultibase: string, secretKeyMultibase: string): Promise<OrganizationSigner> {
  const did = didKeyOf(publicKeyMultibase);
  // The verification method of a did:key is the key itself: did:key:z6Mk…#z6Mk….
  const keyPair = await Ed25519Multikey.from({ type: "Multikey", id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase, secretKeyMultibase });
  return { organizationId, did, keyPair };
}

/**
 * The organization's signing key, created on first need. Concurrent first uses both try to insert;
 * the primary key keeps one and everyone reads that one back.
 */
export async function organizationSigner(q: Queryable, organizationId: string): Promise<OrganizationSigner> {
  const key = signingKeyEncryptionKey();
  const read = () => q.select().from(organizationSigningKeys).where(eq(organizationSigningKeys.organizationId, organizationId));
  let [row] = await read();
  if (!row) {
    const generated = await (await Ed25519Multikey.generate()).export({ publicKey: true, secretKey: true });
    if (!generated.secretKeyMultibase) throw new Error("The generated key pair has no secret key");
    await q
      .insert(organizationSigningKeys)
      .values({ organizationId, publicKeyMultibase: generated.publicKeyMultibase, secretKeyEncrypted: encryptSecretKey(generated.secretKeyMultibase, organizationId, key) })
      .onConflictDoNothing();
    [row] = await read();
    if (!row) throw new Error(`No signing key could be stored for organization ${organizationId}`);
  }
  return signerFrom(organizationId, row.publicKeyMultibase, decryptSecretKey(row.secretKeyEncrypted, organizationId, key));
}
