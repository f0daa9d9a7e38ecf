import { COMMON, type Postings } from './story-storage.js';

/** A small prior so the first briefs of a fresh index do not treat every shared word as rare. */
const PRIOR_BRIEFS = 20;
/** What a feature too common to index still counts for when two briefs share it. */
const COMMON_RARITY = 0.1;

/**
 * How much sharing a feature says, from 0 to 1: inverse document frequency over the briefs indexed
 * in the window, scaled by the largest it can be. "Russia" in a war's coverage counts little; a
 * village's name, a designation or a unit counts fully.
 */
export function rarity(postings: Postings | undefined, indexed: number): number {
  if (postings === COMMON) return COMMON_RARITY;
  const briefs = indexed + PRIOR_BRIEFS;
  const df = postings?.length ?? 0;
  return Math.log(1 + briefs / (df + 1)) / Math.log(1 + briefs);
}

export function normOf(weights: Iterable<[string, number]>): number {
  let sum = 0;
  for (const [, w] of weights) sum += w * w;
  return Math.sqrt(sum) || 1;
}

/** Cosine of two weighted feature vectors, the candidate given as stored (pairs and norm). */
export function similarity(
  query: Map<string, number>,
  queryNorm: number,
  candidate: [string, number][],
  candidateNorm: number,
): number {
  let dot = 0;
  for (const [feature, weight] of candidate) dot += (query.get(feature) ?? 0) * weight;
  return dot / (queryNorm * candidateNorm);
}

/** The brief's weights scaled by how rare each feature is now: what is stored, and what is compared. */
export function weighByRarity(
  weights: Map<string, number>,
  rarityOf: (feature: string) => number,
): Map<string, number> {
  return new Map([...weights].map(([feature, weight]) => [feature, weight * rarityOf(feature)]));
}
