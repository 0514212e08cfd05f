import { describe, expect, it } from "vitest";
import { snapshotIsIntact } from "~/modules/signoff/version";
import { canonicalJson, sha256Hex } from "~/utils/canonical-json";

describe("snapshotIsIntact", () => {
  it("holds for the stored bytes and breaks on any change to them", async () => {
    const canonical = canonicalJson({ type: "doc", content: [{ type: "paragraph", attrs: { level: 1, id: "x" } }] });
    const snapshot = { canonical, hash: await sha256Hex(canonical) };
    expect(await snapshotIsIntact(snapshot)).toBe(true);
    expect(await snapshotIsIntact({ ...snapshot, canonical: canonical.replace('"level":1', '"level":9') })).toBe(false);
  });
});
