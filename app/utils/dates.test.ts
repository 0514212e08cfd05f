import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, formatMoment, formatUtc, isIsoDate, todayIsoDate } from "~/utils/dates";

describe("isIsoDate", () => {
  it("accepts real calendar dates written YYYY-MM-DD only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-1-5")).toBe(false);
    expect(isIsoDate(20270105)).toBe(false);
  });
});

describe("todayIsoDate", () => {
  it("is the UTC date", () => {
    expect(todayIsoDate(new Date("2026-11-29T23:59:59-05:00"))).toBe("2026-11-30");
  });
});

describe("formatCalendarDate", () => {
  it.each([
    ["2027-02-03", "3 February 2027"],
    ["2027-12-31", "31 December 2027"],
    ["2027-01-01", "1 January 2027"],
    ["2027-02-30", "2027-02-30"],
    ["next spring", "next spring"],
  ])("%s → %s", (value, shown) => {
    expect(formatCalendarDate(value)).toBe(shown);
  });

  it("speaks French", () => {
    expect(formatCalendarDate("2027-02-03", "fr-CA")).toBe("3 février 2027");
  });
});

describe("formatMoment: one format everywhere", () => {
  const iso = "2026-12-01T12:40:57.123Z";
  it("writes day, month, year, a 24-hour time and the zone, in the zone asked for", () => {
    expect(formatMoment(iso, { timeZone: "UTC" })).toBe("1 Dec 2026, 12:40 UTC");
    expect(formatMoment(iso, { timeZone: "America/Toronto" })).toBe("1 Dec 2026, 07:40 EST");
    expect(formatMoment("2026-07-01T12:40:00Z", { timeZone: "America/Vancouver" })).toBe("1 Jul 2026, 05:40 PDT");
    expect(formatMoment(iso, { timeZone: "UTC", seconds: true })).toBe("1 Dec 2026, 12:40:57 UTC");
    // No "a.m.." anywhere: the 24-hour clock has no period to double.
    expect(formatMoment("2026-12-01T07:05:00Z", { timeZone: "UTC" })).toBe("1 Dec 2026, 07:05 UTC");
  });

  it("speaks French, and says when there is nothing", () => {
    expect(formatMoment(iso, { timeZone: "UTC", locale: "fr-CA" })).toBe("1 déc. 2026, 12:40 UTC");
    expect(formatMoment(null)).toBe("—");
    expect(formatMoment("not a date")).toBe("not a date");
  });

  it("is what formatUtc and formatDateTime write", () => {
    expect(formatUtc(iso)).toBe("1 Dec 2026, 12:40:57 UTC");
    expect(formatUtc(iso, "minute")).toBe("1 Dec 2026, 12:40 UTC");
    expect(formatUtc(null)).toBe("—");
    expect(formatDateTime(iso)).toBe(formatMoment(iso));
  });
});
