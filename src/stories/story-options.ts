const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

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

export const dayOf = (time: number) => Math.floor(time / DAY_MS);
