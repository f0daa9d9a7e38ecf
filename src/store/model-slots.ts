import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redis-connection.js';

/** Runs `work` holding one of a limited number of model-call slots. */
export type ModelSlots = <T>(work: () => Promise<T>) => Promise<T>;

const ACQUIRE =
  "redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1]) if redis.call('zcard', KEYS[1]) < tonumber(ARGV[2]) then redis.call('zadd', KEYS[1], ARGV[3], ARGV[4]) return 1 end return 0";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** In one process: a counter and a queue. */
function localSlots(max: number): ModelSlots {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (busy >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    busy++;
    try {
      return await work();
    } finally {
      busy--;
      waiting.shift()?.();
    }
  };
}

/**
 * A cap on model calls in flight, fleet-wide when Redis is the store: a sorted set of holders whose
 * scores are expiry times, so a process that dies mid-call frees its slot when the call would have
 * timed out. While Redis is down each process keeps its own cap.
 */
export function createModelSlots(redis: RedisConnection | null, max: number, holdMs: number): ModelSlots {
  const local = localSlots(max);
  if (!redis) return local;
  const key = 'sitrep:model-slots';
  return async (work) => {
    for (let delay = 20; redis.healthy(); delay = Math.min(delay * 2, 250)) {
      const token = randomUUID();
      const now = Date.now();
      const got = await redis.client
        .eval(ACQUIRE, { keys: [key], arguments: [String(now), String(max), String(now + holdMs), token] })
        .catch(() => null);
      if (got === null) break;
      if (got === 1) {
        try {
          return await work();
        } finally {
          await redis.client.zRem(key, token).catch(() => {});
        }
      }
      await sleep(delay);
    }
    return local(work);
  };
}
