import { COMMON, type IndexedBrief, type Postings, type StoryMember, type StoryStorage } from './story-storage.js';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** Stories in this process only: for tests and the benchmark, with the same expiry rules as the stores. */
export function createMemoryStoryStorage(now: () => number = Date.now): StoryStorage {
  const lists = new Map<string, [key: string, time: number, expiresAt: number][]>();
  const counts = new Map<number, Expiring<number>>();
  const briefs = new Map<string, Expiring<IndexedBrief>>();
  const storyOf = new Map<string, Expiring<string>>();
  const stories = new Map<string, Expiring<StoryMember[]>>();
  const live = <T>(map: Map<string | number, Expiring<T>>, key: string | number) => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) map.delete(key);
    return entry && entry.expiresAt > now() ? entry.value : undefined;
  };
  const liveEntries = (feature: string) => {
    const entries = (lists.get(feature) ?? []).filter(([, , expiresAt]) => expiresAt > now());
    if (entries.length) lists.set(feature, entries);
    else lists.delete(feature);
    return entries;
  };
  return {
    async postings(features, limit) {
      const found = new Map<string, Postings>();
      for (const feature of features) {
        const entries = liveEntries(feature);
        found.set(feature, entries.length >= limit ? COMMON : entries.map(([key, time]) => [key, time]));
      }
      return found;
    },
    async addPostings(key, time, features, limit, expiresAt) {
      for (const feature of features) {
        const entries = liveEntries(feature);
        if (entries.length < limit) lists.set(feature, [...entries, [key, time, expiresAt]]);
      }
    },
    async countIndexed(days) {
      return days.reduce((n, day) => n + (live(counts, day) ?? 0), 0);
    },
    async noteIndexed(day, ttlMs) {
      counts.set(day, { value: (live(counts, day) ?? 0) + 1, expiresAt: now() + ttlMs });
    },
    async getBriefs(keys) {
      return keys.map((key) => live(briefs, key));
    },
    async putBrief(brief, ttlMs) {
      briefs.set(brief.key, { value: brief, expiresAt: now() + ttlMs });
    },
    async storyOf(key) {
      return live(storyOf, key);
    },
    async setStoryOf(key, storyId, ttlMs) {
      storyOf.set(key, { value: storyId, expiresAt: now() + ttlMs });
    },
    async members(storyId) {
      return live(stories, storyId) ?? [];
    },
    async addMember(storyId, member, max, ttlMs) {
      const members = live(stories, storyId) ?? [];
      const next = members.length < max && !members.some((m) => m.key === member.key) ? [...members, member] : members;
      stories.set(storyId, { value: next, expiresAt: now() + ttlMs });
      return next;
    },
  };
}
