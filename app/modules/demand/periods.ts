/** Reporting periods as written in demand files (YYYY, YYYY-Qn, YYYY-MM) and the dates they span. Pure. */

const pad = (n: number) => String(n).padStart(2, "0");

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day (YYYY-MM-DD) of a period; null when it is not one. */
export function periodRange(period: string): { start: string; end: string } | null {
  let match = /^(\d{4})$/.exec(period);
  if (match) return { start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  match = /^(\d{4})-Q([1-4])$/i.exec(period);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  }
  return null;
}

/** Whole months from one date (YYYY-MM-DD) to a later one; negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}
