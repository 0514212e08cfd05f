import { describe, expect, it } from "vitest";
import { snapshotContent, snapshotIsIntact } from "./version";

describe("snapshotContent", () => {
  it("hashes the content independently of key order, and any change changes the hash", async () => {
    const a = await snapshotContent({ type: "doc", content: [{ type: "paragraph", attrs: { level: 1, id: "x" } }] });
    const b = await snapshotContent({ content: [{ attrs: { id: "x", level: 1 }, type: "paragraph" }], type: "doc" });
    const c = await snapshotContent({ type: "doc", content: [{ type: "paragraph", attrs: { level: 2, id: "x" } }] });
    expect(a).toEqual(b);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.hash).not.toBe(a.hash);
    expect(await snapshotIsIntact(a)).toBe(true);
    expect(await snapshotIsIntact({ ...a, canonical: a.canonical.replace('"level":1', '"level":9') })).toBe(false);
  });
});
