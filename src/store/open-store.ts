import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';
import { createRedisConnection, type RedisConnection } from './redis-connection.js';

// Only the adapter in use is loaded: the Redis client alone weighs some 30 MB of memory.
const require = createRequire(import.meta.url);

export interface Store {
  keyv: Keyv;
  kind: 'sqlite' | 'redis';
  /** The shared Redis connection, when the store is Redis (locks and limits use it too). */
  redis: RedisConnection | null;
  /** One round trip to the store (Redis PING, a SQLite read) that rejects when it cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One keyv for everything Sitrep keeps (briefs, fetched articles, later guild settings), told apart
 * by key prefixes. SQLite is the default so a clone needs nothing running; a redis:// URL selects
 * keyv's own Redis adapter, which fleets of shards share.
 */
export function openStore(url: string, logger: Logger): Store {
  const isRedis = /^rediss?:\/\//.test(url);
  let adapter: KeyvRedis<unknown> | KeyvSqlite;
  const redis = isRedis ? createRedisConnection(url, logger) : null;
  if (redis) {
    redis.ready().catch(() => {});
    const Redis: typeof KeyvRedis = require('@keyv/redis').default;
    adapter = new Redis(redis.client as never, { throwOnConnectError: false });
  } else {
    const path = url.replace(/^sqlite:\/\//, '');
    mkdirSync(dirname(path), { recursive: true });
    const Sqlite: typeof KeyvSqlite = require('@keyv/sqlite').default;
    const sqlite = new Sqlite({ uri: `sqlite://${path}`, busyTimeout: 5_000 });
    // A write-ahead log with normal syncing: a commit survives the process being killed (only a power
    // cut may lose the last ones), without an fsync per write, and a reader never waits for a writer.
    sqlite
      .query('PRAGMA journal_mode = WAL')
      .then(() => sqlite.query('PRAGMA synchronous = NORMAL'))
      .catch((error: unknown) => logger.warn({ err: error, store: 'sqlite' }, 'could not turn on the write-ahead log'));
    adapter = sqlite;
  }
  const keyv = new Keyv({ store: adapter, namespace: 'sitrep' });
  // A store fault must not crash the bot; it costs a cache miss and a log line instead.
  keyv.on('error', (error: unknown) =>
    logger.error({ err: error, store: isRedis ? 'redis' : 'sqlite' }, 'store error'),
  );
  return {
    keyv,
    kind: isRedis ? 'redis' : 'sqlite',
    redis,
    // Asked of the adapter, not keyv: keyv turns a store fault into an `error` event and a miss. SQLite
    // is asked to write, since with its write-ahead log a reader is never held up by a locked store.
    async ping() {
      if (redis) await redis.client.ping();
      else await adapter.set('sitrep:health-probe', String(Date.now()));
    },
    async close() {
      if (redis) await redis.close();
      else await keyv.disconnect();
    },
  };
}
