/**
 * The poller side of the feed benchmark, in a process of its own so its CPU time and memory are its
 * own: the real feed store (SQLite), desk and scheduler, with a sink that only counts new items.
 * Driven over IPC by bench/feeds-bench.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeDispatcher } from '../src/brief/acquire/safe-dispatcher.js';
import { parseConfig } from '../src/config.js';
import { createFeedDesk } from '../src/feeds/feed-desk.js';
import type { FeedValidators } from '../src/feeds/feed-fetch-result.js';
import { createFeedScheduler } from '../src/feeds/feed-scheduler.js';
import type { FeedSink } from '../src/feeds/feed-sink.js';
import { createFeedStore } from '../src/feeds/feed-store.js';
import { fetchFeed } from '../src/feeds/fetch-feed.js';
import { createHostGate } from '../src/feeds/host-gate.js';
import { createLogger } from '../src/logger.js';
import { openStore } from '../src/store/open-store.js';
import { createLocks } from '../src/store/store-locks.js';

export type PollerCommand =
  | { cmd: 'add'; urls: string[]; intervalMs: number }
  | { cmd: 'poll'; ms: number; intervalMs: number }
  | { cmd: 'exit' };

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-bench-'));
const logger = createLogger('silent');
const config = parseConfig({ NODE_ENV: 'test', SITREP_TEST_ALLOW_LOOPBACK: '1' });
const store = openStore(`sqlite://${join(dir, 'feeds.sqlite')}`, logger);
const locks = createLocks(null, 15_000);
const feedStore = createFeedStore(store.keyv, locks);
const dispatcher = createSafeDispatcher({ allowLoopback: true });
let polls = 0;
const fetch = (url: string, previous: FeedValidators | null) => {
  polls++;
  return fetchFeed(url, { dispatcher, fetchLimits: config.fetch }, previous);
};
let newItems = 0;
const sink: FeedSink = {
  deliver: async () => {
    newItems++;
    return { kind: 'done' };
  },
  postDigest: async () => 'posted',
  notifyPaused: async () => {},
};

async function add(urls: string[], intervalMs: number) {
  const desk = createFeedDesk({
    store: feedStore,
    fetchFeed: fetch,
    forget: () => {},
    now: Date.now,
    random: Math.random,
    settings: { perGuild: 20, intervalMs },
  });
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const n = next++;
      await desk.add({
        guildId: String(1_000 + Math.floor(n / 20)),
        channelId: String(5_000 + n),
        channelKind: 'messages',
        url: urls[n] as string,
        addedBy: '1',
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function poll(ms: number, intervalMs: number) {
  const scheduler = createFeedScheduler(
    {
      store: feedStore,
      locks,
      fetchFeed: fetch,
      sink,
      hostGate: createHostGate(config.feeds.hostConcurrency),
      logger,
      now: Date.now,
      random: Math.random,
      settings: { ...config.feeds, intervalMs },
    },
    { pollConcurrency: config.feeds.pollConcurrency },
  );
  scheduler.start();
  await new Promise((resolve) => setTimeout(resolve, ms));
  await scheduler.stop();
}

process.on('message', async (message: PollerCommand) => {
  if (message.cmd === 'exit') {
    await dispatcher.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  const started = { cpu: cpuMs(), at: performance.now(), polls, newItems };
  if (message.cmd === 'add') await add(message.urls, message.intervalMs);
  else await poll(message.ms, message.intervalMs);
  process.send?.({
    cpuMs: cpuMs() - started.cpu,
    ms: performance.now() - started.at,
    polls: polls - started.polls,
    newItems: newItems - started.newItems,
    rssMb: rssMb(),
  });
});
process.send?.({ ready: true, rssMb: rssMb() });
