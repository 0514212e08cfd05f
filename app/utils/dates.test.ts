import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, formatUtc, isIsoDate, todayIsoDate } from "~/utils/dates";

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

describe("formatDateTime", () => {
  it("is the medium date and short time of the reader's time zone", () => {
    const iso = "2026-11-29T01:30:57.123Z";
    expect(formatDateTime(iso)).toBe(new Date(iso).toLocaleString("en-CA", { dateStyle: "medium", timeStyle: "short" }));
    expect(formatDateTime(iso, "fr-CA")).toBe(new Date(iso).toLocaleString("fr-CA", { dateStyle: "medium", timeStyle: "short" }));
  });
});

describe("formatUtc", () => {
  it("shows stored timestamps in UTC, to the second or to the minute", () => {
    expect(formatUtc("2026-11-29T01:30:57.123Z")).toBe("2026-11-29 01:30:57 UTC");
    expect(formatUtc("2026-11-29T01:30:57.123Z", "minute")).toBe("2026-11-29 01:30 UTC");
    expect(formatUtc(null)).toBe("—");
  });
});
