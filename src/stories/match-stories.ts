import type { BriefFeatures } from './brief-features.js';
import { normOf, rarity, similarity, weighByRarity } from './similarity.js';
import { DAY_MS, dayOf, type StoryIndexOptions } from './story-options.js';
import { COMMON, type Postings, type StoryStorage } from './story-storage.js';

export interface StoryMatches {
  /** Stories with a member above the threshold, closest first, each with its best score. */
  stories: { storyId: string; score: number }[];
  /** The brief's weights scaled by rarity in the window: stored with it, so later briefs compare alike. */
  weighted: Map<string, number>;
}

/** Names, designations, units and counts of ten or more: one event's reports share at least one. */
const ANCHOR = /^(?:[ewu]:|n:\d{2,})/;
/** Below this rarity a shared feature is common in the window (the day, a big city) and proves nothing. */
const SPECIFIC = 0.3;
/** An outlet's reports of two events read alike (its templates, its reporters): their likeness counts less. */
const SAME_SOURCE = 0.6;
/** Two reports whose leads put the event on days more than a day apart tell two events of one kind. */
const OTHER_DAY = 0.5;

function daysApart(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  return !a.some((x) => b.some((y) => Math.abs(Date.parse(x) - Date.parse(y)) <= DAY_MS));
}

/**
 * Enough in common to be one event: two specific shared features (not countries, not common in the
 * window), one of them a name, designation, unit or large count. One shared weapon or unit alone
 * is a coincidence: the same drone type is in every night's reports.
 */
function sharesEnough(query: Map<string, number>, rarityOf: (f: string) => number, candidate: [string, number][]) {
  const shared = candidate.filter(([f]) => query.has(f) && !f.startsWith('c:') && rarityOf(f) >= SPECIFIC);
  return shared.length >= 2 && shared.some(([feature]) => ANCHOR.test(feature));
}

/** Briefs in the window that share the brief's features, rarest lists first, up to the bound. */
function candidatesOf(
  features: BriefFeatures,
  postings: Map<string, Postings>,
  weighted: Map<string, number>,
  options: StoryIndexOptions,
): string[] {
  const found = new Map<string, number>();
  // A rare shared name finds a story's reports; a feature in hundreds of briefs adds little but work.
  const lists = [...postings]
    .filter((entry): entry is [string, [string, number][]] => entry[1] !== COMMON && entry[1].length > 0)
    .sort((a, b) => a[1].length - b[1].length);
  let scanned = 0;
  for (const [feature, list] of lists) {
    scanned += list.length;
    if (scanned > options.maxPostingsScanned && found.size > 0) break;
    const share = weighted.get(feature) ?? 0;
    for (const [key, time] of list) {
      if (key !== features.key && Math.abs(time - features.time) <= options.windowMs) {
        found.set(key, (found.get(key) ?? 0) + share);
      }
    }
  }
  return [...found]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.candidates)
    .map(([key]) => key);
}

/**
 * The stories a brief could join: candidates from the posting lists of its rare features within
 * the window, each scored by cosine over rarity-weighted features (less for the same outlet, less
 * for leads a day or more apart), kept when above the threshold and sharing enough.
 */
export async function matchStories(
  storage: StoryStorage,
  features: BriefFeatures,
  options: StoryIndexOptions,
): Promise<StoryMatches> {
  const now = options.now();
  const [postings, indexed] = await Promise.all([
    storage.postings([...features.weights.keys()], options.postingLimit),
    storage.countIndexed(Array.from({ length: Math.ceil(options.windowMs / DAY_MS) + 1 }, (_, i) => dayOf(now) - i)),
  ]);
  const rarityOf = (feature: string) => rarity(postings.get(feature), indexed);
  const weighted = weighByRarity(features.weights, rarityOf);
  const norm = normOf(weighted);
  const best = new Map<string, number>();
  for (const candidate of await storage.getBriefs(candidatesOf(features, postings, weighted, options))) {
    if (!candidate || !sharesEnough(weighted, rarityOf, candidate.features)) continue;
    const score =
      similarity(weighted, norm, candidate.features, candidate.norm) *
      (features.source !== null && candidate.source === features.source ? SAME_SOURCE : 1) *
      (daysApart(features.days, candidate.days) ? OTHER_DAY : 1);
    if (score >= options.threshold && score > (best.get(candidate.storyId) ?? 0)) best.set(candidate.storyId, score);
  }
  const stories = [...best].map(([storyId, score]) => ({ storyId, score })).sort((a, b) => b.score - a.score);
  return { stories, weighted };
}
