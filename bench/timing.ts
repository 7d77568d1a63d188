// Repeated timings: warm-up runs first (caches, plans, JIT of the JavaScript), then repetitions until
// the count or the time budget is reached. Percentiles by nearest rank.

export type Timing = { p50Ms: number; p95Ms: number; n: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (ms: number, digits = 1) => Math.round(ms * 10 ** digits) / 10 ** digits;

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), n: sorted.length };
}

/** Times `fn(i)`; i counts every call, warm-up included, so callers can rotate their inputs. */
export async function measure(fn: (i: number) => Promise<unknown>, o: { warmup: number; reps: number; maxSeconds: number }): Promise<Timing> {
  let i = 0;
  for (let w = 0; w < o.warmup; w++) await fn(i++);
  const samples: number[] = [];
  const deadline = performance.now() + o.maxSeconds * 1000;
  while (samples.length < o.reps && (samples.length < 5 || performance.now() < deadline)) {
    const t0 = performance.now();
    await fn(i++);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}
