import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';

// Only the adapter in use is loaded: the Redis client alone weighs some 30 MB of memory.
const require = createRequire(import.meta.url);

export interface Store {
  keyv: Keyv;
  kind: 'sqlite' | 'redis';
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
  if (isRedis) {
    const Redis: typeof KeyvRedis = require('@keyv/redis').default;
    adapter = new Redis(url, { connectionTimeout: 2_000 });
  } else {
    const path = url.replace(/^sqlite:\/\//, '');
    mkdirSync(dirname(path), { recursive: true });
    const Sqlite: typeof KeyvSqlite = require('@keyv/sqlite').default;
    adapter = new Sqlite({ uri: `sqlite://${path}`, busyTimeout: 5_000 });
  }
  const keyv = new Keyv({ store: adapter, namespace: 'sitrep' });
  // A store fault must not crash the bot; it costs a cache miss and a log line instead.
  keyv.on('error', (error: unknown) =>
    logger.error({ err: error, store: isRedis ? 'redis' : 'sqlite' }, 'store error'),
  );
  return {
    keyv,
    kind: isRedis ? 'redis' : 'sqlite',
    close: () => keyv.disconnect(),
  };
}
