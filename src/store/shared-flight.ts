import { randomUUID } from 'node:crypto';
import type { SharedFlight } from '../brief/ports.js';
import type { Logger } from '../logger.js';
import type { RedisConnection } from './redis-connection.js';

const RENEW_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One computation per key across every process sharing Redis: the first takes a lock (renewed while
 * it works, so a slow model call keeps it; a holder that dies lets it expire), the others poll the
 * cache with backoff and take over if the lock frees without a result. Without Redis, or while it is
 * down, each process computes on its own (in-process single flight still applies).
 */
export function createSharedFlight(
  redis: RedisConnection | null,
  options: { lockTtlMs: number; maxWaitMs: number; logger: Logger },
): SharedFlight {
  if (!redis) return async (_key, compute) => ({ value: await compute(), computed: true });
  const { client } = redis;
  const ttl = options.lockTtlMs;
  return async (key, compute, lookup) => {
    const lockKey = `sitrep:lock:${key}`;
    const token = randomUUID();
    const deadline = Date.now() + options.maxWaitMs;
    for (let delay = 25; ; delay = Math.min(delay * 2, 400)) {
      if (!redis.healthy()) return { value: await compute(), computed: true };
      const locked = await client
        .set(lockKey, token, { condition: 'NX', expiration: { type: 'PX', value: ttl } })
        .catch(() => null);
      if (locked === 'OK') {
        // The previous holder may have finished just before letting go: check before working.
        const landed = delay > 25 ? await lookup() : undefined;
        if (landed !== undefined) {
          await client.eval(RELEASE_IF_OWNER, { keys: [lockKey], arguments: [token] }).catch(() => {});
          return { value: landed, computed: false };
        }
        const renew = setInterval(() => {
          client.eval(RENEW_IF_OWNER, { keys: [lockKey], arguments: [token, String(ttl)] }).catch(() => {});
        }, ttl / 3);
        try {
          return { value: await compute(), computed: true };
        } finally {
          clearInterval(renew);
          await client.eval(RELEASE_IF_OWNER, { keys: [lockKey], arguments: [token] }).catch(() => {});
        }
      }
      await sleep(delay);
      const found = await lookup();
      if (found !== undefined) return { value: found, computed: false };
      if (Date.now() > deadline) {
        options.logger.warn({ key }, 'gave up waiting for another process to brief this; briefing it here');
        return { value: await compute(), computed: true };
      }
    }
  };
}
