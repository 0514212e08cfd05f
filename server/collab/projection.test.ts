import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProjectionScheduler } from "./projection";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function scheduler(run: (id: string) => Promise<readonly string[]> = async () => []) {
  const runs: string[] = [];
  const errors: string[] = [];
  const instance = new ProjectionScheduler(
    async (id) => {
      runs.push(id);
      return run(id);
    },
    { debounceMs: 100, maxWaitMs: 1_000, onError: (id) => errors.push(id) },
  );
  return { instance, runs, errors };
}

describe("ProjectionScheduler", () => {
  it("waits for the document to be quiet, then projects it once", async () => {
    const { instance, runs } = scheduler();
    instance.schedule("a");
    await vi.advanceTimersByTimeAsync(60);
    instance.schedule("a");
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual(["a"]);
  });

  it("projects a document written without pause at least every maxWaitMs", async () => {
    const { instance, runs } = scheduler();
    for (let t = 0; t < 2_500; t += 50) {
      instance.schedule("busy");
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });

  it("runs one projection at a time, schedules dependents, and survives a failing run", async () => {
    let active = 0;
    let most = 0;
    const { instance, runs, errors } = scheduler(async (id) => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active -= 1;
      if (id === "broken") throw new Error("boom");
      return id === "spec" ? ["plan"] : [];
    });
    instance.schedule("spec");
    instance.schedule("broken");
    instance.schedule("other");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(most).toBe(1);
    expect(errors).toEqual(["broken"]);
    expect(runs.sort()).toEqual(["broken", "other", "plan", "spec"]);
  });

  it("projects what is still waiting when it closes, and nothing after", async () => {
    const { instance, runs } = scheduler();
    instance.schedule("pending");
    const closed = instance.close(1_000);
    await vi.advanceTimersByTimeAsync(0);
    await closed;
    expect(runs).toEqual(["pending"]);
    instance.schedule("late");
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual(["pending"]);
  });
});
