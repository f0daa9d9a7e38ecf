import type { Brief } from '../brief/schema.js';
import { type BriefFeatures, briefFeatures } from './brief-features.js';
import type { CountryGazetteer } from './countries.js';
import { matchStories } from './match-stories.js';
import { normOf } from './similarity.js';
import { DAY_MS, DEFAULT_STORY_OPTIONS, dayOf, type StoryIndexOptions } from './story-options.js';
import type { StoryMember, StoryStorage } from './story-storage.js';

export { DEFAULT_STORY_OPTIONS, type StoryIndexOptions } from './story-options.js';

export interface FiledBrief {
  storyId: string;
  /** Every listed member's brief key (cache key), this brief's included unless the story was full. */
  memberKeys: string[];
  /** True when the brief started a new story. */
  created: boolean;
  /** Stories of one brief each that this filing folded into the brief's story (see createStoryIndex). */
  absorbed: string[];
}

export interface StoryIndex {
  fileBrief(brief: Brief): Promise<FiledBrief>;
  /** Files a brief already reduced to its features (the benchmark fills large indexes this way). */
  fileFeatures(features: BriefFeatures): Promise<FiledBrief>;
  storyOf(briefKey: string): Promise<string | null>;
  membersOf(storyId: string): Promise<StoryMember[]>;
}

/** A lone brief is folded in only when the new brief is nearly as close to it as to its own story. */
const ABSORB_SHARE = 0.8;

/** A story is named after the brief that started it, so filing the same brief twice names it the same. */
export const storyIdFor = (briefKey: string) => `s-${briefKey.slice(0, 24)}`;

/**
 * Files briefs into stories: a brief joins the story of its closest match (see matchStories), or
 * starts one. The work grows with the briefs that share a rare feature, not with the store.
 *
 * A brief close to two stories joins the closer one, and stories of several briefs are never
 * merged: that would change the id of a story already shown (a Discord thread, a button), and a
 * brief close to two such stories is most often a round-up that mentions both events. A story of
 * a single brief that the new brief also matches is folded in, though: it was a report of this
 * event that came in too unlike the first ones (opposite sides share few words), and moving one
 * brief disturbs nothing built on a story. The filing names the stories it folded in.
 */
export function createStoryIndex(
  storage: StoryStorage,
  countries: CountryGazetteer,
  overrides: Partial<StoryIndexOptions> = {},
): StoryIndex {
  const options = { ...DEFAULT_STORY_OPTIONS, ...overrides };
  // Briefs filed by this process go one at a time, so two reports of a new event find each other.
  let queue: Promise<unknown> = Promise.resolve();

  /** Moves the lone brief of another story into this one. */
  async function absorb(from: string, into: string, now: number): Promise<boolean> {
    const [lone, ...rest] = await storage.members(from);
    if (!lone || rest.length) return false;
    const [indexed] = await storage.getBriefs([lone.key]);
    if (indexed) {
      const ttl = Math.max(indexed.time, now) + options.windowMs - now;
      await storage.putBrief({ ...indexed, storyId: into }, Math.max(1, ttl));
    }
    await storage.setStoryOf(lone.key, into, options.retainMs);
    await storage.addMember(into, lone, options.maxMembers, options.retainMs);
    await storage.dropStory(from);
    return true;
  }

  async function file(features: BriefFeatures): Promise<FiledBrief> {
    const key = features.key;
    const known = await storage.storyOf(key);
    if (known) {
      const memberKeys = (await storage.members(known)).map((m) => m.key);
      return { storyId: known, memberKeys, created: false, absorbed: [] };
    }
    const match = await matchStories(storage, features, options);
    const storyId = match.stories[0]?.storyId ?? storyIdFor(key);
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
    await storage.addMember(
      storyId,
      { key, outlet: features.outlet, time: features.time },
      options.maxMembers,
      options.retainMs,
    );
    const absorbed: string[] = [];
    const best = match.stories[0]?.score ?? 0;
    for (const { storyId: other, score } of match.stories.slice(1)) {
      if (score >= ABSORB_SHARE * best && (await absorb(other, storyId, now))) absorbed.push(other);
    }
    const memberKeys = (await storage.members(storyId)).map((m) => m.key);
    return { storyId, memberKeys, created: match.stories.length === 0, absorbed };
  }

  function fileFeatures(features: BriefFeatures): Promise<FiledBrief> {
    const filed = queue.then(() => file(features));
    queue = filed.catch(() => undefined);
    return filed;
  }

  return {
    fileBrief: (brief) => fileFeatures(briefFeatures(brief, countries)),
    fileFeatures,
    async storyOf(briefKey) {
      return (await storage.storyOf(briefKey)) ?? null;
    },
    membersOf: (storyId) => storage.members(storyId),
  };
}
