import type Keyv from 'keyv';
import { z } from 'zod';
import { COMMON, IndexedBriefSchema, type Postings, StoryMemberSchema, type StoryStorage } from './story-storage.js';

/**
 * Posting lists live in a fixed number of slots, each holding the lists of the features that hash to
 * it. SQLite removes an expired row only when it is read, so one row per feature would pile up
 * forever; a fixed slot count keeps the rows bounded however many names the news brings.
 */
const POSTING_SLOTS = 1 << 20;

const EntrySchema = z.tuple([z.string(), z.number(), z.number()]);
const SlotSchema = z.record(z.string(), z.array(EntrySchema));
type Slot = z.infer<typeof SlotSchema>;

/** FNV-1a: a fast, well-spread hash; slots need no protection from chosen collisions (a collision only shares a row). */
function slotOf(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % POSTING_SLOTS;
}

const slotKey = (slot: number) => `story:post:${slot}`;

/**
 * Stories in the project's keyv store, so they survive restarts on SQLite (the default) and on
 * Redis. Values are read back through their schemas: a damaged entry is a miss, not a crash. Every
 * read-modify-write here assumes one writer per key at a time, which the index gives within a
 * process; several processes sharing Redis should use the Redis-set storage instead.
 */
export function createKeyvStoryStorage(keyv: Keyv, now: () => number = Date.now): StoryStorage {
  const read = async <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    const parsed = schema.safeParse(await keyv.get(key));
    return parsed.success ? parsed.data : undefined;
  };
  const readSlots = async (slots: number[]): Promise<Map<number, Slot>> => {
    const values = slots.length ? await keyv.getMany(slots.map(slotKey)) : [];
    return new Map(
      slots.map((slot, i) => {
        const parsed = SlotSchema.safeParse(values[i]);
        return [slot, parsed.success ? parsed.data : {}];
      }),
    );
  };
  const live = (slot: Slot, feature: string) => (slot[feature] ?? []).filter(([, , expiresAt]) => expiresAt > now());
  return {
    async postings(features, limit) {
      const slots = await readSlots([...new Set(features.map(slotOf))]);
      const found = new Map<string, Postings>();
      for (const feature of features) {
        const entries = live(slots.get(slotOf(feature)) ?? {}, feature);
        found.set(feature, entries.length >= limit ? COMMON : entries.map(([key, time]) => [key, time]));
      }
      return found;
    },
    async addPostings(key, time, features, limit, expiresAt) {
      const bySlot = new Map<number, string[]>();
      for (const feature of features) bySlot.set(slotOf(feature), [...(bySlot.get(slotOf(feature)) ?? []), feature]);
      const slots = await readSlots([...bySlot.keys()]);
      const writes = [...bySlot].map(([slot, own]) => {
        const current = slots.get(slot) ?? {};
        const next: Slot = {};
        for (const feature of Object.keys(current)) {
          const entries = live(current, feature);
          if (entries.length) next[feature] = entries;
        }
        for (const feature of own) {
          const entries = next[feature] ?? [];
          if (entries.length < limit && !entries.some(([k]) => k === key))
            next[feature] = [...entries, [key, time, expiresAt]];
        }
        const lastExpiry = Math.max(...Object.values(next).flatMap((entries) => entries.map(([, , e]) => e)));
        return { key: slotKey(slot), value: next, ttl: Math.max(1, lastExpiry - now()) };
      });
      await keyv.setMany(writes);
    },
    async countIndexed(days) {
      const values = days.length ? await keyv.getMany(days.map((d) => `story:count:${d}`)) : [];
      return values.reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    },
    async noteIndexed(day, ttlMs) {
      const count = await read(`story:count:${day}`, z.number());
      await keyv.set(`story:count:${day}`, (count ?? 0) + 1, ttlMs);
    },
    async getBriefs(keys) {
      const values = keys.length ? await keyv.getMany(keys.map((k) => `story:brief:${k}`)) : [];
      return values.map((v) => {
        const parsed = IndexedBriefSchema.safeParse(v);
        return parsed.success ? parsed.data : undefined;
      });
    },
    async putBrief(brief, ttlMs) {
      await keyv.set(`story:brief:${brief.key}`, brief, ttlMs);
    },
    storyOf: (key) => read(`story:of:${key}`, z.string()),
    async setStoryOf(key, storyId, ttlMs) {
      await keyv.set(`story:of:${key}`, storyId, ttlMs);
    },
    async members(storyId) {
      return (await read(`story:members:${storyId}`, z.array(StoryMemberSchema))) ?? [];
    },
    async dropStory(storyId) {
      await keyv.delete(`story:members:${storyId}`);
    },
    async addMember(storyId, member, max, ttlMs) {
      const members = (await read(`story:members:${storyId}`, z.array(StoryMemberSchema))) ?? [];
      const next = members.length < max && !members.some((m) => m.key === member.key) ? [...members, member] : members;
      await keyv.set(`story:members:${storyId}`, next, ttlMs);
      return next;
    },
  };
}
