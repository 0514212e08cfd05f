import { afterEach, describe, expect, it, vi } from "vitest";
import { scrollBehavior } from "~/utils/motion";

describe("scrollBehavior", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is instant without a window (server rendering)", () => {
    expect(scrollBehavior()).toBe("auto");
  });

  it("is smooth unless reduced motion is asked for", () => {
    const stub = (reduce: boolean) => vi.stubGlobal("window", { matchMedia: (query: string) => ({ matches: reduce && query.includes("reduce") }) });
    stub(false);
    expect(scrollBehavior()).toBe("smooth");
    stub(true);
    expect(scrollBehavior()).toBe("auto");
  });
});
