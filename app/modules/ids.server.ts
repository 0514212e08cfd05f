import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** 16 random base-36 characters (~82 bits): unguessable ids that stay short in URLs. */
export function generateId(length = 16): string {
  const bytes = randomBytes(length * 2);
  let id = "";
  for (let i = 0; id.length < length && i < bytes.length; i++) {
    const byte = bytes[i]!;
    // Rejection sampling keeps every character equally likely.
    if (byte < 252) id += ALPHABET[byte % 36];
  }
  return id.length === length ? id : generateId(length);
}

/** 32 random bytes, URL-safe: for secrets in links (invitations). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}
