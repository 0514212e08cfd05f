import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane). @node-rs/argon2 defaults to Argon2id;
// the algorithm is not passed because its `Algorithm` is a const enum (unusable with isolatedModules).
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password, OPTIONS);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the e-mail is unknown keeps both failures equally slow, so
// response time does not reveal which e-mails have accounts.
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword("concord-decoy-password");
  await verifyPassword(await decoyHash, password);
}
