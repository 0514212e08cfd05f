import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDemandFile, subjectKindOf, type DemandProblem } from "~/modules/demand/parse";

const HEADER = "subject,region,period,metric,value,source_name,source_url,retrieved_on";
const GOOD = "21300,ON,2025-Q2,job_postings,120,Job Bank,https://www.jobbank.gc.ca,2025-07-01";

function problems(text: string): DemandProblem[] {
  const result = parseDemandFile(text);
  if (result.status !== "failed") throw new Error(`expected a failure, got ${result.status}`);
  return result.problems;
}

describe("parsing demand files", () => {
  it("reads the standard layout: subjects of every kind, periods as dates", () => {
    const result = parseDemandFile(
      [
        HEADER,
        GOOD,
        "15-1252.00,CA,2024,median_hourly_wage,\"$52.10\",O*NET,,2025-01-02",
        "http://data.europa.eu/esco/skill/abc,QC,2025-02,vacancies,8,ESCO,,2025-03-01",
        "CAP.1.1,ca,2025-q4,employment_outlook,4,Sample,,2025-12-01",
      ].join("\n"),
    );
    expect(result.status).toBe("parsed");
    if (result.status !== "parsed") return;
    expect(result.rows.map((r) => [r.line, r.subjectKind, r.region, r.periodStart, r.periodEnd, r.value])).toEqual([
      [2, "noc", "ON", "2025-04-01", "2025-06-30", 120],
      [3, "onet", "CA", "2024-01-01", "2024-12-31", 52.1],
      [4, "esco", "QC", "2025-02-01", "2025-02-28", 8],
      [5, "competency", "CA", "2025-10-01", "2025-12-31", 4],
    ]);
    expect(subjectKindOf("41400")).toBe("noc");
  });

  it("reads the illustrative sample data set", () => {
    const result = parseDemandFile(new Uint8Array(readFileSync("db/seed/demand/sample-demand.csv")));
    expect(result.status).toBe("parsed");
    if (result.status === "parsed") expect(new Set(result.rows.map((r) => r.sourceName))).toEqual(new Set(["Concord sample data (illustrative, not real statistics)"]));
  });

  it("reports every bad row class with its line, and imports nothing", () => {
    const found = problems(
      [
        HEADER,
        GOOD,
        ",ON,2025-Q2,job_postings,1,Job Bank,,2025-07-01", // 3 missing subject
        "21300,XX,2025-Q2,job_postings,1,Job Bank,,2025-07-01", // 4 region
        "21300,ON,2025-Q5,job_postings,1,Job Bank,,2025-07-01", // 5 period
        "21300,ON,2025-Q2,openings,1,Job Bank,,2025-07-01", // 6 metric
        "21300,ON,2025-Q2,job_postings,many,Job Bank,,2025-07-01", // 7 value
        "21300,ON,2025-Q2,job_postings,1,Job Bank,ftp://x,2025-07-01", // 8 url
        "21300,ON,2025-Q2,job_postings,1,Job Bank,,2025-02-30", // 9 date
        GOOD, // 10 duplicate of line 2
      ].join("\n"),
    );
    expect(found.map((p) => [p.kind, p.line])).toEqual([
      ["missing-value", 3],
      ["bad-region", 4],
      ["bad-period", 5],
      ["bad-metric", 6],
      ["bad-value", 7],
      ["bad-url", 8],
      ["bad-date", 9],
      ["duplicate-row", 10],
    ]);
    expect(found[7]!.message).toBe("Line 10: the same subject, region, period, metric and source as line 2.");
  });

  it("asks for a mapping for another layout, and reads it through one", () => {
    const text = ["NOC,Province,Quarter,Indicator,Amount,Publisher,Link,Fetched", "21300,ON,2025-Q2,vacancies,3,LMIC,,2025-07-01"].join("\n");
    const first = parseDemandFile(text);
    expect(first.status).toBe("needs-mapping");
    const mapped = parseDemandFile(text, { subject: "NOC", region: "Province", period: "Quarter", metric: "Indicator", value: "Amount", source_name: "Publisher", retrieved_on: "Fetched" });
    expect(mapped.status).toBe("parsed");
    const wrong = parseDemandFile(text, { subject: "Code", region: "Province", period: "Quarter", metric: "Indicator", value: "Amount", source_name: "Publisher", retrieved_on: "Fetched" });
    expect(wrong.status === "failed" && wrong.problems[0]).toMatchObject({ kind: "missing-column", line: 1 });
  });

  it("refuses a file with no rows, and an unclosed quote with its line", () => {
    expect(problems(HEADER)[0]!.kind).toBe("malformed");
    expect(problems(`${HEADER}\n${GOOD}\n"21300,ON`)[0]).toMatchObject({ kind: "malformed", line: 3 });
  });
});
