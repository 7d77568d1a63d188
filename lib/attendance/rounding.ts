// The one rounding of every percentage and gap shown, on screen and in every export (CSV, Excel, the
// command line's tables), so that a page and a file downloaded from it show the same figure: rates as
// percentages and gaps as points, to one decimal place, halves away from zero (91.25% -> 91.3%, a gap
// of -11.25 -> -11.3). Rates and gaps come from integer sessions, so a true half can compute as
// 11.2499999999 (201 / 400 * 1000 is 502.49999999999994); the tolerance (far below any real
// difference) absorbs that. Round with these, never with Math.round or toFixed of a rate.
const TOLERANCE = 1e-7;

function round1(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 10 + TOLERANCE)) / 10;
  // -0 would print as "0" in a file and "-0.0" on screen.
  return Object.is(r, -0) ? 0 : r;
}

/** 0.91347 -> 91.3 */
export function percentValue(rate: number | null): number | null {
  return rate === null ? null : round1(rate * 100);
}

/** -3.456 -> -3.5 (points) */
export function pointsValue(gap: number | null): number | null {
  return gap === null ? null : round1(gap);
}

/** A gap as shown: "+2.1", "−3.4" (a true minus sign, read as "minus"), "0.0". */
export function formatPoints(gap: number | null): string {
  const v = pointsValue(gap);
  if (v === null) return "–";
  return v > 0 ? `+${v.toFixed(1)}` : v < 0 ? `\u2212${Math.abs(v).toFixed(1)}` : "0.0";
}

/** A rate as shown: "91.3%", or "no data". */
export function formatPercent(rate: number | null): string {
  const v = percentValue(rate);
  return v === null ? "no data" : `${v.toFixed(1)}%`;
}
