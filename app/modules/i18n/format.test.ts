import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";

// Intl separates French thousands and the currency sign with narrow or plain no-break spaces.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("locale formatting", () => {
  it("writes money the way each language does", () => {
    expect(spaces(formatMoney("fr", 1234.5))).toBe("1 234,50 $");
    expect(formatMoney("en", 1234.5)).toBe("$1,234.50");
    expect(spaces(formatMoney("fr", 2000))).toBe("2 000 $");
    expect(formatMoney("en", 2000)).toBe("$2,000");
  });

  it("writes numbers with each language's separators", () => {
    expect(spaces(formatNumber("fr", 3000.25))).toBe("3 000,25");
    expect(formatNumber("en", 3000.25)).toBe("3,000.25");
  });

  it("writes dates in words, a calendar date as that day whatever the zone", () => {
    expect(formatDate("en", "2026-12-05")).toBe("December 5, 2026");
    expect(formatDate("fr", "2026-12-05")).toBe("5 décembre 2026");
    expect(formatDate("fr", "2026-01-01")).toBe("1 janvier 2026");
    // 02:00 UTC is still the 4th in Toronto.
    expect(formatDate("en", new Date("2026-12-05T02:00:00Z"))).toBe("December 4, 2026");
  });

  it("writes a moment with its time in Toronto", () => {
    expect(spaces(formatDateTime("fr", new Date("2026-12-05T14:30:00Z")))).toBe("5 décembre 2026 à 09 h 30");
    expect(spaces(formatDateTime("en", new Date("2026-12-05T14:30:00Z")))).toMatch(/^December 5, 2026(,| at) 9:30 a\.m\.$/);
  });
});
