/**
 * The extraction benchmark's published scoring: 4-word shingles of `\w+` tokens, counted with
 * multiplicity, per-page tp/fp/fn normalised to sum to 1, precision and recall averaged over pages,
 * F1 from the two averages.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const shingle = tokens.slice(i, i + 4).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(expected: string, extracted: string): PageScore {
  const want = shingles(expected);
  const got = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, count] of got) {
    const shared = Math.min(count, want.get(shingle) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  for (const [shingle, count] of want) fn += Math.max(0, count - (got.get(shingle) ?? 0));
  const total = tp + fp + fn;
  return total === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / total, fp: fp / total, fn: fn / total };
}

export function summarizeScores(pages: PageScore[]): { precision: number; recall: number; f1: number } {
  const precisions = pages
    .filter((p) => p.tp + p.fp > 0 || p.fn === 0)
    .map((p) => (p.fp === 0 && p.fn === 0 ? 1 : p.tp + p.fp > 0 ? p.tp / (p.tp + p.fp) : 0));
  const recalls = pages
    .filter((p) => p.tp + p.fn > 0 || p.fp === 0)
    .map((p) => (p.fp === 0 && p.fn === 0 ? 1 : p.tp + p.fn > 0 ? p.tp / (p.tp + p.fn) : 0));
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
