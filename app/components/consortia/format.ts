/** Dollars as Canadians read them on a price list. Plain: safe for the browser. */
export function formatCad(value: number): string {
  return new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD", maximumFractionDigits: 2 }).format(value);
}
