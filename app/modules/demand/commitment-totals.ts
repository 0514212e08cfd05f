/** People to hire per region, regions by total (highest first). Pure: the page and the sign-off panel use it. */
export function totalsByRegion(commitments: ReadonlyArray<{ region: string; hires: number }>): Array<{ region: string; hires: number }> {
  const totals = new Map<string, number>();
  for (const c of commitments) totals.set(c.region, (totals.get(c.region) ?? 0) + c.hires);
  return [...totals].map(([region, hires]) => ({ region, hires })).sort((a, b) => b.hires - a.hires || a.region.localeCompare(b.region));
}
