import { createRequire } from 'node:module';
import type { createClient as CreateClient } from '@redis/client';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';

// The Redis client (some 16 MB resident) loads only when a redis:// store is configured.
const require = createRequire(import.meta.url);

function makeClient(url: string) {
  const { createClient }: { createClient: typeof CreateClient } = require('@redis/client');
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
}

export type RedisClient = ReturnType<typeof makeClient>;

export interface RedisConnection {
  client: RedisClient;
  /** Connects once; every user of the connection awaits the same attempt. */
  ready(): Promise<void>;
  /** False while Redis is unreachable: briefs are then made without the shared cache and locks. */
  healthy(): boolean;
  close(): Promise<void>;
}

/**
 * The one Redis connection a process shares (cache, locks, limits). Commands fail at once while
 * it is down instead of queueing, so the bot keeps answering; it reconnects by itself and says so.
 */
export function createRedisConnection(url: string, logger: Logger): RedisConnection {
  const client = makeClient(url);
  let up = false;
  let connecting: Promise<void> | undefined;
  client.on('ready', () => {
    if (!up) logger.info({ store: 'redis' }, 'redis connected');
    up = true;
  });
  client.on('error', (error: Error) => {
    if (up)
      logger.error(
        { store: 'redis', err: error },
        'redis unreachable; answering without the shared store until it returns',
      );
    up = false;
  });
  return {
    client,
    ready() {
      connecting ??= client.connect().then(
        () => undefined,
        (error: unknown) => {
          connecting = undefined;
          throw error;
        },
      );
      return connecting;
    },
    healthy: () => up && client.isReady,
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

/** At start a missing Redis is a configuration fault: one clear line and a non-zero exit. */
export async function requireRedis(connection: RedisConnection, url: string): Promise<void> {
  const host = new URL(url).host;
  try {
    await Promise.race([
      connection.ready().then(() => connection.client.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000).unref()),
    ]);
  } catch (error) {
    throw new UserError(
      'NOT_CONFIGURED',
      `Redis at ${host} is unreachable; start it, or set SITREP_STORE to a sqlite:// path.`,
      {
        cause: error,
      },
    );
  }
}
