/** Pure parts of the catalog: the rate limiter's window, query parsing, and the JSON-LD. */
import { describe, expect, it } from "vitest";
import { catalogEntry } from "~/modules/catalog/entry";
import { CatalogFiltersSchema, parameterError, queryObject } from "~/modules/catalog/filters";
import { credentialJsonLd, scriptJson } from "~/modules/catalog/present";
import { RateLimiter, rateLimitHeaders } from "~/modules/catalog/rate-limit";
import { demoContent, demoContext } from "~/modules/exports/demo-fixture";

describe("RateLimiter", () => {
  it("allows the maximum per window and per client, then refuses until the window ends", () => {
    const limiter = new RateLimiter({ name: "t", max: 2, windowSeconds: 60 });
    expect(limiter.take("a", 0)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(limiter.take("a", 1000).allowed).toBe(true);
    const refused = limiter.take("a", 30_000);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 30 });
    expect(rateLimitHeaders(refused)).toEqual({ "RateLimit-Policy": '"t";q=2;w=60', RateLimit: '"t";r=0;t=30' });
    expect(limiter.take("b", 30_000).allowed).toBe(true);
    expect(limiter.take("a", 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });
});

describe("catalog filters", () => {
  it("ignores empty form fields and names the refused parameter", () => {
    const values = queryObject(new URLSearchParams("q=&delivery=online&costMax=&maxWeeks=abc"));
    expect(values).toEqual({ delivery: "online", maxWeeks: "abc" });
    const parsed = CatalogFiltersSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parameterError(parsed.error).parameter).toBe("maxWeeks");
    expect(CatalogFiltersSchema.parse({ costMin: "10", costMax: "20" })).toEqual({ costMin: 10, costMax: 20 });
  });
});

describe("schema.org JSON-LD", () => {
  it("describes the credential as an EducationalOccupationalCredential, safe inside a script", () => {
    const { spec, plan } = demoContent();
    const entry = catalogEntry(spec, demoContext(plan));
    const ld = credentialJsonLd(entry, "https://concord.example");
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "EducationalOccupationalCredential",
      url: "https://concord.example/catalog/climate-adaptation-practitioner-demo-doc-spec",
      name: "Climate Adaptation Practitioner",
      timeRequired: "P16W",
      offers: { price: 1450, priceCurrency: "CAD" },
      recognizedBy: [{ "@type": "Organization", name: "Northwind Energy" }],
    });
    expect((ld.competencyRequired as unknown[]).length).toBe(8);
    expect(scriptJson({ text: "</script><script>alert(1)</script>" })).not.toContain("<");
  });
});
