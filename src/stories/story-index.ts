import type { Brief } from '../brief/schema.js';
import { type BriefFeatures, briefFeatures } from './brief-features.js';
import type { CountryGazetteer } from './countries.js';
import { normOf, rarity, similarity, weighByRarity } from './similarity.js';
import { COMMON, type Postings, type StoryMember, type StoryStorage } from './story-storage.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface StoryIndexOptions {
  /** Briefs published further apart than this are never one story. */
  windowMs: number;
  /** Least similarity to a story's closest member for a brief to join it. */
  threshold: number;
  /** A story lists at most this many briefs; later ones still know their story. */
  maxMembers: number;
  /** A feature filed under more briefs than this in the window is too common to find candidates by. */
  postingLimit: number;
  /** How many candidate briefs (found through rare features) are scored in full. */
  candidates: number;
  /** Postings read to find candidates, rarest features first: a bound on the work per filing. */
  maxPostingsScanned: number;
  /** How long a brief remembers its story and a story its members (buttons work this long). */
  retainMs: number;
  now: () => number;
}

export const DEFAULT_STORY_OPTIONS: StoryIndexOptions = {
  windowMs: 72 * HOUR_MS,
  threshold: 0.2,
  maxMembers: 50,
  postingLimit: 250,
  candidates: 24,
  maxPostingsScanned: 2_000,
  retainMs: 30 * DAY_MS,
  now: Date.now,
};

export interface FiledBrief {
  storyId: string;
  /** Every listed member's brief key (cache key), this brief's included unless the story was full. */
  memberKeys: string[];
  /** True when the brief started a new story. */
  created: boolean;
}

export interface StoryIndex {
  fileBrief(brief: Brief): Promise<FiledBrief>;
  /** Files a brief already reduced to its features (the benchmark fills large indexes this way). */
  fileFeatures(features: BriefFeatures): Promise<FiledBrief>;
  storyOf(briefKey: string): Promise<string | null>;
  membersOf(storyId: string): Promise<StoryMember[]>;
}

export interface StoryMatch {
  /** The story of the closest candidate above the threshold, or null. */
  storyId: string | null;
  score: number;
  /** The brief's weights scaled by rarity in the window: stored with it, so later briefs compare alike. */
  weighted: Map<string, number>;
}

/** Names, designations, units and counts of ten or more: one event's reports share at least one. */
const ANCHOR = /^(?:[ewu]:|n:\d{2,})/;

/** An outlet's reports of two events read alike (its templates, its reporters): their likeness counts less. */
const SAME_SOURCE = 0.6;
/** Two reports whose leads put the event on days more than a day apart tell two events of one kind. */
const OTHER_DAY = 0.5;

function daysApart(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  return !a.some((x) => b.some((y) => Math.abs(Date.parse(x) - Date.parse(y)) <= DAY_MS));
}

/** Below this rarity a shared feature is common in the window (the day, a big city) and proves nothing. */
const SPECIFIC = 0.3;

/**
 * Enough in common to be one event: two specific shared features (not countries, not common in the
 * window), one of them a name, designation or unit. One shared weapon or unit alone is a
 * coincidence: the same drone type is in every night's reports.
 */
function sharesEnough(query: Map<string, number>, rarityOf: (f: string) => number, candidate: [string, number][]) {
  const shared = candidate.filter(([f]) => query.has(f) && !f.startsWith('c:') && rarityOf(f) >= SPECIFIC);
  return shared.length >= 2 && shared.some(([feature]) => ANCHOR.test(feature));
}

const dayOf = (time: number) => Math.floor(time / DAY_MS);

/** A story is named after the brief that started it, so filing the same brief twice names it the same. */
export const storyIdFor = (briefKey: string) => `s-${briefKey.slice(0, 24)}`;

/**
 * Files briefs into stories. Candidates come from the posting lists of the brief's features (only
 * rare ones: a full list is skipped), limited to the time window, so the work grows with the briefs
 * that share a rare feature, not with the store. The best candidates are scored in full and the
 * brief joins the story of the most similar one above the threshold, or starts a story.
 *
 * A brief close to two stories joins the closer one; stories are never merged. Merging would change
 * the id of a story already shown (a Discord thread, a button), and a brief close to two stories is
 * most often a round-up that mentions both events, which should not glue them together.
 */
export function createStoryIndex(
  storage: StoryStorage,
  countries: CountryGazetteer,
  overrides: Partial<StoryIndexOptions> = {},
): StoryIndex & { bestMatch(features: BriefFeatures): Promise<StoryMatch> } {
  const options = { ...DEFAULT_STORY_OPTIONS, ...overrides };
  // Briefs filed by this process go one at a time, so two reports of a new event find each other.
  let queue: Promise<unknown> = Promise.resolve();

  async function bestMatch(features: BriefFeatures): Promise<StoryMatch> {
    const now = options.now();
    const names = [...features.weights.keys()];
    const [postings, indexed] = await Promise.all([
      storage.postings(names, options.postingLimit),
      storage.countIndexed(Array.from({ length: Math.ceil(options.windowMs / DAY_MS) + 1 }, (_, i) => dayOf(now) - i)),
    ]);
    const rarityOf = (feature: string) => rarity(postings.get(feature), indexed);
    const weighted = weighByRarity(features.weights, rarityOf);
    const found = new Map<string, number>();
    // Rarest first, until the bound: a rare shared name finds a story's reports; a feature in
    // hundreds of briefs adds little but work.
    const lists = [...(postings as Map<string, Postings>)]
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
    const top = [...found]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.candidates)
      .map(([key]) => key);
    const norm = normOf(weighted);
    const best: StoryMatch = { storyId: null, score: 0, weighted };
    for (const candidate of await storage.getBriefs(top)) {
      if (!candidate || !sharesEnough(weighted, rarityOf, candidate.features)) continue;
      const score =
        similarity(weighted, norm, candidate.features, candidate.norm) *
        (features.source !== null && candidate.source === features.source ? SAME_SOURCE : 1) *
        (daysApart(features.days, candidate.days) ? OTHER_DAY : 1);
      if (score >= options.threshold && score > best.score) Object.assign(best, { storyId: candidate.storyId, score });
    }
    return best;
  }

  async function file(features: BriefFeatures): Promise<FiledBrief> {
    const key = features.key;
    const known = await storage.storyOf(key);
    if (known) {
      return { storyId: known, memberKeys: (await storage.members(known)).map((m) => m.key), created: false };
    }
    const match = await bestMatch(features);
    const storyId = match.storyId ?? storyIdFor(key);
    const now = options.now();
    // Kept while a brief published within the window of this one could still be filed.
    const expiresAt = Math.max(features.time, now) + options.windowMs;
    const weights = [...match.weighted].filter(([, w]) => w > 0);
    await Promise.all([
      storage.putBrief(
        {
          key,
          time: features.time,
          storyId,
          norm: normOf(weights),
          features: weights,
          source: features.source,
          days: features.days,
        },
        expiresAt - now,
      ),
      storage.addPostings(key, features.time, [...features.weights.keys()], options.postingLimit, expiresAt),
      storage.noteIndexed(dayOf(now), options.windowMs + 2 * DAY_MS),
      storage.setStoryOf(key, storyId, options.retainMs),
    ]);
    const members = await storage.addMember(
      storyId,
      { key, outlet: features.outlet, time: features.time },
      options.maxMembers,
      options.retainMs,
    );
    return { storyId, memberKeys: members.map((m) => m.key), created: !match.storyId };
  }

  function fileFeatures(features: BriefFeatures): Promise<FiledBrief> {
    const filed = queue.then(() => file(features));
    queue = filed.catch(() => undefined);
    return filed;
  }

  return {
    bestMatch,
    fileBrief: (brief) => fileFeatures(briefFeatures(brief, countries)),
    fileFeatures,
    async storyOf(briefKey) {
      return (await storage.storyOf(briefKey)) ?? null;
    },
    membersOf: (storyId) => storage.members(storyId),
  };
}
