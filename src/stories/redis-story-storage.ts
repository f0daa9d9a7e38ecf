import type { z } from 'zod';
import type { RedisClient } from '../store/redis-connection.js';
import { COMMON, IndexedBriefSchema, type Postings, StoryMemberSchema, type StoryStorage } from './story-storage.js';

const REDIS_STORY_PREFIX = 'sitrep:story:';

/**
 * Adds a brief to one posting list, atomically: drop expired entries, add unless the list is full,
 * and keep the key until its last entry expires. Entries are scored by expiry; the member is
 * "time|key". ARGV: now, limit, expiresAt, member.
 */
const ADD_POSTING = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then redis.call('PEXPIREAT', KEYS[1], last[2]) end
return 1`;

/** Adds a member to a story unless it is there or the story is full; returns the members. ARGV: key, member json, max, ttl ms. */
const ADD_MEMBER = `
local members = redis.call('LRANGE', KEYS[1], 0, -1)
local present = false
for _, m in ipairs(members) do
  if cjson.decode(m).key == ARGV[1] then present = true end
end
if not present and #members < tonumber(ARGV[3]) then
  redis.call('RPUSH', KEYS[1], ARGV[2])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('LRANGE', KEYS[1], 0, -1)`;

const parseJson = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Stories in Redis with its own structures, for a fleet of processes filing at once: posting lists
 * are sorted sets changed by one script each (no lost updates between shards), counters are INCR,
 * members a list changed by one script. Everything expires by Redis's own TTLs.
 */
export function createRedisStoryStorage(
  client: RedisClient,
  now: () => number = Date.now,
  PREFIX = REDIS_STORY_PREFIX,
): StoryStorage {
  const post = (feature: string) => `${PREFIX}post:${feature}`;
  return {
    async postings(features, limit) {
      const at = now();
      const lists = await Promise.all(
        features.map((f) => client.zRange(post(f), at, '+inf', { BY: 'SCORE', LIMIT: { offset: 0, count: limit } })),
      );
      const found = new Map<string, Postings>();
      features.forEach((feature, i) => {
        const members = lists[i] ?? [];
        found.set(
          feature,
          members.length >= limit
            ? COMMON
            : members.map((m): [string, number] => {
                const bar = m.indexOf('|');
                return [m.slice(bar + 1), Number(m.slice(0, bar))];
              }),
        );
      });
      return found;
    },
    async addPostings(key, time, features, limit, expiresAt) {
      const args = [String(now()), String(limit), String(expiresAt), `${time}|${key}`];
      await Promise.all(features.map((f) => client.eval(ADD_POSTING, { keys: [post(f)], arguments: args })));
    },
    async countIndexed(days) {
      if (!days.length) return 0;
      const values = await client.mGet(days.map((d) => `${PREFIX}count:${d}`));
      return values.reduce((n, v) => n + (Number(v) || 0), 0);
    },
    async noteIndexed(day, ttlMs) {
      const key = `${PREFIX}count:${day}`;
      await client.incr(key);
      await client.pExpire(key, ttlMs);
    },
    async getBriefs(keys) {
      if (!keys.length) return [];
      const values = await client.mGet(keys.map((k) => `${PREFIX}brief:${k}`));
      return values.map((v) => parseJson(IndexedBriefSchema, v));
    },
    async putBrief(brief, ttlMs) {
      await client.set(`${PREFIX}brief:${brief.key}`, JSON.stringify(brief), {
        expiration: { type: 'PX', value: ttlMs },
      });
    },
    async storyOf(key) {
      return (await client.get(`${PREFIX}of:${key}`)) ?? undefined;
    },
    async setStoryOf(key, storyId, ttlMs) {
      await client.set(`${PREFIX}of:${key}`, storyId, { expiration: { type: 'PX', value: ttlMs } });
    },
    async members(storyId) {
      const values = await client.lRange(`${PREFIX}members:${storyId}`, 0, -1);
      return values.map((v) => parseJson(StoryMemberSchema, v)).filter((m) => m !== undefined);
    },
    async dropStory(storyId) {
      await client.del(`${PREFIX}members:${storyId}`);
    },
    async addMember(storyId, member, max, ttlMs) {
      const values = (await client.eval(ADD_MEMBER, {
        keys: [`${PREFIX}members:${storyId}`],
        arguments: [member.key, JSON.stringify(member), String(max), String(Math.max(1, Math.round(ttlMs)))],
      })) as unknown[];
      return values.map((v) => parseJson(StoryMemberSchema, v)).filter((m) => m !== undefined);
    },
  };
}
