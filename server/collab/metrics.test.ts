import { afterAll, describe, expect, it } from "vitest";
import { CollabMetrics } from "./metrics";

describe("CollabMetrics.background", () => {
  const metrics = new CollabMetrics();
  afterAll(() => metrics.stop());

  it("lists each run of background work with its wall-clock start and duration, failed runs too", async () => {
    const before = Date.now();
    await expect(metrics.background("compaction", () => new Promise((resolve) => setTimeout(() => resolve("done"), 20)))).resolves.toBe("done");
    await expect(metrics.background("projection", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const [compaction, projection] = metrics.snapshot({ connections: 0, documents: 0, pendingWrites: 0, redis: false }).backgroundRuns;
    expect(compaction).toMatchObject({ work: "compaction" });
    expect(compaction!.startedAt).toBeGreaterThanOrEqual(before - 1);
    expect(compaction!.startedAt).toBeLessThanOrEqual(Date.now());
    expect(compaction!.ms).toBeGreaterThanOrEqual(15);
    expect(projection).toMatchObject({ work: "projection" });
  });

  it("keeps only the most recent runs", async () => {
    for (let i = 0; i < 300; i++) await metrics.background("permission-recheck", async () => i);
    const runs = metrics.snapshot({ connections: 0, documents: 0, pendingWrites: 0, redis: false }).backgroundRuns;
    expect(runs).toHaveLength(256);
    expect(runs.every((run) => run.work === "permission-recheck")).toBe(true);
  });
});
