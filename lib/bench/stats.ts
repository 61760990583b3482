/** Percentiles and ratios for benchmark samples. */

export interface LatencySummary {
  /** Number of samples. */
  n: number;
  /** Median, in milliseconds. */
  p50: number;
  /** 99th percentile, in milliseconds. */
  p99: number;
  /** Mean, in milliseconds. */
  mean: number;
  /** Slowest sample, in milliseconds. */
  max: number;
}

/** The `p`-th percentile (0–100) of samples already sorted ascending, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? total / sorted.length : Number.NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/** `a / b`, or NaN when either side is missing or `b` is zero. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
    return Number.NaN;
  return a / b;
}
