import { describe, expect, it } from "vitest";
import { canonicalAuditRecord, chainOf, eventHash, sealAuditRecord, verifyChain, type AuditRecord, type SealedAuditRecord } from "~/modules/audit/chain";

const H = "a".repeat(64);

function record(n: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    chain: "document:doc-1",
    documentId: "doc-1",
    projectId: "project-1",
    actorUserId: `user-${n}`,
    organizationId: "employer",
    type: "document.decision_recorded",
    schemaVersion: 1,
    payload: { round: 1, decisionId: `d-${n}`, stageIndex: 0, organizationId: "employer", decision: "approved", versionHash: H, comment: null },
    versionHash: H,
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n, 123)),
    ...overrides,
  };
}

async function chainOfLength(length: number): Promise<SealedAuditRecord[]> {
  const sealed: SealedAuditRecord[] = [];
  for (let n = 1; n <= length; n++) sealed.push(await sealAuditRecord(sealed.at(-1) ?? null, record(n)));
  return sealed;
}

/** Re-seals rows from `from` on, as someone with write access but no trigger would. */
async function reseal(records: SealedAuditRecord[], from: number): Promise<SealedAuditRecord[]> {
  const out = records.slice(0, from);
  for (const row of records.slice(from)) {
    const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = row;
    out.push(await sealAuditRecord(out.at(-1) ?? null, rest));
  }
  return out;
}

describe("sealing", () => {
  it("numbers from 1, links each row to the previous hash, and hashes every field", async () => {
    const chain = await chainOfLength(3);
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBeNull();
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.prevHash).toBe(chain[1]!.hash);
    expect(new Set(chain.map((r) => r.hash)).size).toBe(3);
    for (const row of chain) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["chain", { chain: "document:doc-2" }],
    ["documentId", { documentId: "doc-2" }],
    ["projectId", { projectId: null }],
    ["actorUserId", { actorUserId: "someone-else" }],
    ["organizationId", { organizationId: "college" }],
    ["type", { type: "document.approved" }],
    ["schemaVersion", { schemaVersion: 2 }],
    ["payload", { payload: { round: 2 } }],
    ["versionHash", { versionHash: "b".repeat(64) }],
    ["ip", { ip: "198.51.100.1" }],
    ["userAgent", { userAgent: "curl/8" }],
    ["createdAt", { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 1, 124)) }],
  ] as const)("changing %s changes the hash", async (_, change) => {
    const base = { ...record(1), seq: 1 };
    expect(await eventHash(null, { ...base, ...change })).not.toBe(await eventHash(null, base));
  });

  it("hashes the previous hash and the seq too", async () => {
    const base = { ...record(1), seq: 1 };
    expect(await eventHash(H, base)).not.toBe(await eventHash(null, base));
    expect(await eventHash(null, { ...base, seq: 2 })).not.toBe(await eventHash(null, base));
  });

  it("treats undefined and null alike, and ignores payload key order (jsonb reorders keys)", async () => {
    const base = { ...record(1), seq: 1 };
    const reordered = { ...base, payload: Object.fromEntries(Object.entries(base.payload as object).reverse()) };
    expect(canonicalAuditRecord(null, reordered)).toBe(canonicalAuditRecord(null, base));
    const withUndefined = { ...base, ip: undefined as unknown as null };
    expect(await eventHash(null, withUndefined)).toBe(await eventHash(null, { ...base, ip: null }));
  });
});

describe("chainOf", () => {
  it("chains per document, else per project, else per organization", () => {
    expect(chainOf({ documentId: "d", projectId: "p", organizationId: "o" })).toBe("document:d");
    expect(chainOf({ documentId: null, projectId: "p", organizationId: "o" })).toBe("project:p");
    expect(chainOf({ organizationId: "o" })).toBe("organization:o");
    expect(() => chainOf({})).toThrow();
  });
});

describe("verifyChain", () => {
  it("finds an intact chain intact, and an empty one too", async () => {
    const chain = await chainOfLength(5);
    expect(await verifyChain(chain)).toEqual({ intact: true, length: 5, headHash: chain[4]!.hash });
    expect(await verifyChain([])).toEqual({ intact: true, length: 0, headHash: null });
  });

  it("detects an edited payload at that row", async () => {
    const chain = await chainOfLength(5);
    chain[2] = { ...chain[2]!, payload: { ...(chain[2]!.payload as object), decision: "rejected" } };
    expect(await verifyChain(chain)).toMatchObject({ intact: false, brokenAt: 2, reason: "hash_mismatch" });
  });

  it("detects an edited column (who acted) at that row", async () => {
    const chain = await chainOfLength(5);
    chain[0] = { ...chain[0]!, actorUserId: "mallory" };
    expect(await verifyChain(chain)).toMatchObject({ intact: false, brokenAt: 0, reason: "hash_mismatch" });
  });

  it("detects an edited row whose own hash was recomputed, at the next row", async () => {
    const chain = await chainOfLength(5);
    const edited = { ...chain[1]!, payload: { forged: true } };
    chain[1] = { ...edited, hash: await eventHash(edited.prevHash, edited) };
    expect(await verifyChain(chain)).toMatchObject({ intact: false, brokenAt: 2, reason: "prev_hash_mismatch" });
  });

  it("detects a deleted row", async () => {
    const chain = await chainOfLength(5);
    chain.splice(2, 1);
    expect(await verifyChain(chain)).toMatchObject({ intact: false, brokenAt: 2, reason: "seq_mismatch" });
  });

  it("detects a deleted row even when the later rows were renumbered", async () => {
    const chain = await chainOfLength(5);
    chain.splice(2, 1);
    const renumbered = chain.map((row, index) => ({ ...row, seq: index + 1 }));
    expect(await verifyChain(renumbered)).toMatchObject({ intact: false, brokenAt: 2, reason: "prev_hash_mismatch" });
  });

  it("detects a deleted first row", async () => {
    const chain = await chainOfLength(3);
    expect(await verifyChain(chain.slice(1))).toMatchObject({ intact: false, brokenAt: 0, reason: "seq_mismatch" });
  });

  it("detects reordered rows", async () => {
    const chain = await chainOfLength(5);
    [chain[1], chain[3]] = [chain[3]!, chain[1]!];
    expect(await verifyChain(chain)).toMatchObject({ intact: false, brokenAt: 1, reason: "seq_mismatch" });
    // Swapping the seq numbers as well does not help: the links no longer match.
    const swapped = chain.map((row, index) => ({ ...row, seq: index + 1 }));
    expect(await verifyChain(swapped)).toMatchObject({ intact: false, brokenAt: 1, reason: "prev_hash_mismatch" });
  });

  it("detects a row from another chain", async () => {
    const chain = await chainOfLength(3);
    const other = await sealAuditRecord(chain[1]!, record(3, { chain: "document:doc-2", documentId: "doc-2" }));
    expect(await verifyChain([...chain.slice(0, 2), other])).toMatchObject({ intact: false, brokenAt: 2, reason: "wrong_chain" });
  });

  it("cannot see a consistent rewrite of the tail (the database trigger covers that)", async () => {
    const chain = await chainOfLength(4);
    chain[2] = { ...chain[2]!, payload: { forged: true } };
    expect(await verifyChain(await reseal(chain, 2))).toMatchObject({ intact: true });
  });
});
