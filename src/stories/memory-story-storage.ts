import { COMMON, type IndexedBrief, type Postings, type StoryMember, type StoryStorage } from './story-storage.js';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** A posting list as parallel arrays, oldest first: compact for the benchmark's hundred thousand briefs. */
interface PostingList {
  keys: string[];
  times: number[];
  expiries: number[];
}

/** Stories in this process only: for tests and the benchmark, with the same expiry rules as the stores. */
export function createMemoryStoryStorage(now: () => number = Date.now): StoryStorage {
  const lists = new Map<string, PostingList>();
  const counts = new Map<number, Expiring<number>>();
  // Indexed briefs are kept as JSON: a few hundred bytes each instead of an object per feature.
  const briefs = new Map<string, Expiring<string>>();
  const storyOf = new Map<string, Expiring<string>>();
  const stories = new Map<string, Expiring<StoryMember[]>>();
  const live = <K, T>(map: Map<K, Expiring<T>>, key: K) => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) map.delete(key);
    return entry && entry.expiresAt > now() ? entry.value : undefined;
  };
  /** The feature's list with expired entries dropped (entries mostly expire in the order they came). */
  const liveList = (feature: string): PostingList | undefined => {
    const list = lists.get(feature);
    if (!list) return undefined;
    const at = now();
    if (list.expiries.some((e) => e <= at)) {
      const keep = list.expiries.map((e) => e > at);
      list.keys = list.keys.filter((_, i) => keep[i]);
      list.times = list.times.filter((_, i) => keep[i]);
      list.expiries = list.expiries.filter((_, i) => keep[i]);
    }
    if (!list.keys.length) lists.delete(feature);
    return list.keys.length ? list : undefined;
  };
  return {
    async postings(features, limit) {
      const found = new Map<string, Postings>();
      for (const feature of features) {
        const list = liveList(feature);
        if (!list) found.set(feature, []);
        else
          found.set(
            feature,
            list.keys.length >= limit ? COMMON : list.keys.map((key, i) => [key, list.times[i] as number]),
          );
      }
      return found;
    },
    async addPostings(key, time, features, limit, expiresAt) {
      for (const feature of features) {
        const list = liveList(feature) ?? { keys: [], times: [], expiries: [] };
        if (list.keys.length >= limit || list.keys.includes(key)) continue;
        list.keys.push(key);
        list.times.push(time);
        list.expiries.push(expiresAt);
        lists.set(feature, list);
      }
    },
    async countIndexed(days) {
      return days.reduce((n, day) => n + (live(counts, day) ?? 0), 0);
    },
    async noteIndexed(day, ttlMs) {
      counts.set(day, { value: (live(counts, day) ?? 0) + 1, expiresAt: now() + ttlMs });
    },
    async getBriefs(keys) {
      return keys.map((key) => {
        const json = live(briefs, key);
        return json === undefined ? undefined : (JSON.parse(json) as IndexedBrief);
      });
    },
    async putBrief(brief, ttlMs) {
      briefs.set(brief.key, { value: JSON.stringify(brief), expiresAt: now() + ttlMs });
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
    async dropStory(storyId) {
      stories.delete(storyId);
    },
    async addMember(storyId, member, max, ttlMs) {
      const members = live(stories, storyId) ?? [];
      const next = members.length < max && !members.some((m) => m.key === member.key) ? [...members, member] : members;
      stories.set(storyId, { value: next, expiresAt: now() + ttlMs });
      return next;
    },
  };
}
