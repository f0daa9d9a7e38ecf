import type { Client } from 'discord.js';
import type { Config } from '../../config.js';
import type { Pipeline } from '../../create-pipeline.js';
import { createFeedDesk } from '../../feeds/feed-desk.js';
import type { FeedValidators } from '../../feeds/feed-fetch-result.js';
import { createFeedScheduler, type FeedScheduler } from '../../feeds/feed-scheduler.js';
import { createFeedStore } from '../../feeds/feed-store.js';
import { fetchFeed } from '../../feeds/fetch-feed.js';
import { createHostGate } from '../../feeds/host-gate.js';
import type { Logger } from '../../logger.js';
import { createLocks } from '../../store/store-locks.js';
import type { BotContext } from '../bot-context.js';
import { createFeedSink } from './create-feed-sink.js';
import { createFeedChannelApi } from './feed-channel-api.js';

/**
 * Wires feeds for one bot process: the store and locks (shared through Redis when it is the store),
 * the admin desk, and the scheduler, which starts once the client is logged in and is drained by
 * `stop`. Feeds are fetched with the pipeline's guarded dispatcher and limits, as articles are.
 */
export function createFeeds(config: Config, pipeline: Pipeline, client: Client, logger: Logger) {
  const locks = createLocks(pipeline.store.redis, config.lockTtlMs);
  const store = createFeedStore(pipeline.store.keyv, locks);
  const fetchContext = { dispatcher: pipeline.ctx.dispatcher, fetchLimits: pipeline.ctx.fetchLimits };
  const fetch = (url: string, previous: FeedValidators | null) => fetchFeed(url, fetchContext, previous);
  const feedLogger = logger.child({ component: 'feeds' });
  let scheduler: FeedScheduler | undefined;
  const desk = createFeedDesk({
    store,
    fetchFeed: fetch,
    forget: (id) => scheduler?.forget(id),
    now: Date.now,
    random: Math.random,
    settings: { perGuild: config.feeds.perGuild, intervalMs: config.feeds.intervalMs },
  });
  return {
    desk,
    store,
    /** Starts polling, posting through the bot's context. */
    start(ctx: BotContext) {
      const api = createFeedChannelApi(client.rest, () => client.user?.id);
      // Past a dead holder's lock (lockTtlMs) plus as long again for a request it had in flight.
      const sink = createFeedSink({ ctx, api, store, locks, landingWindowMs: 2 * config.lockTtlMs });
      // Every scheduled poll is counted by its outcome (sitrep_feed_polls_total).
      const countedFetch = async (url: string, previous: FeedValidators | null) => {
        try {
          const result = await fetch(url, previous);
          ctx.metrics.feedPoll(result.status);
          return result;
        } catch (error) {
          ctx.metrics.feedPoll('failed');
          throw error;
        }
      };
      scheduler = createFeedScheduler(
        {
          store,
          locks,
          fetchFeed: countedFetch,
          sink,
          hostGate: createHostGate(config.feeds.hostConcurrency),
          logger: feedLogger,
          now: Date.now,
          random: Math.random,
          settings: config.feeds,
        },
        { pollConcurrency: config.feeds.pollConcurrency },
      );
      scheduler.start();
    },
    /** Polls one feed now and resolves when that turn is done (tests; a poll outside the schedule). */
    pollNow: (id: string) => scheduler?.pollNow(id) ?? Promise.resolve(),
    stop: () => scheduler?.stop() ?? Promise.resolve(),
  };
}
