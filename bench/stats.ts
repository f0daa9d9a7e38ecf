export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (values: number[]) => percentile(values, 50);

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** One line of the benchmark table: a figure, its reference from the same run, and the goal. */
export interface BenchRow {
  figure: string;
  sitrep: string;
  reference: string;
  goal: string;
  met: boolean | null;
}
