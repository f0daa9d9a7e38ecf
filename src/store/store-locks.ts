import { randomUUID } from 'node:crypto';
import type { Lease, Locks } from '../feeds/ports.js';
import type { RedisConnection } from './redis-connection.js';

const RENEW_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `take` to succeed, backing off, until `deadline`; false when it never did. */
async function retryUntil(take: () => Promise<boolean> | boolean, deadline: number): Promise<boolean> {
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    if (await take()) return true;
    if (Date.now() + delay > deadline) return false;
    await sleep(delay);
  }
}

/**
 * Named locks: in this process a set of held names; with Redis also a key per lock (SET NX PX) whose
 * owner token is renewed every third of `ttlMs` while the work runs. A process that dies stops renewing,
 * so its locks expire after `ttlMs` and move to whoever asks next. While Redis is down each process
 * only excludes itself; that gap is logged by the Redis connection.
 */
export function createLocks(redis: RedisConnection | null, ttlMs: number): Locks {
  const local = new Set<string>();
  return {
    async withLock(name, { waitMs }, work) {
      const deadline = Date.now() + waitMs;
      const tookLocal = await retryUntil(() => {
        if (local.has(name)) return false;
        local.add(name);
        return true;
      }, deadline);
      if (!tookLocal) return { held: false };
      const key = `sitrep:lease:${name}`;
      const token = randomUUID();
      let shared = false;
      let lost = false;
      let renew: NodeJS.Timeout | undefined;
      try {
        if (redis?.healthy()) {
          const set = () =>
            redis.client
              .set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })
              .then((reply) => reply === 'OK')
              .catch(() => false);
          shared = await retryUntil(set, deadline);
          if (!shared) return { held: false };
          renew = setInterval(() => {
            redis.client
              .eval(RENEW_IF_OWNER, { keys: [key], arguments: [token, String(ttlMs)] })
              .then((renewed) => {
                if (renewed === 0) lost = true;
              })
              .catch(() => {});
          }, ttlMs / 3);
        }
        const lease: Lease = { held: () => !lost };
        return { held: true, value: await work(lease) };
      } finally {
        clearInterval(renew);
        local.delete(name);
        if (shared) await redis?.client.eval(RELEASE_IF_OWNER, { keys: [key], arguments: [token] }).catch(() => {});
      }
    },
  };
}
