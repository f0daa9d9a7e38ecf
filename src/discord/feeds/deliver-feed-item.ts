import type { BriefResult } from '../../brief/make-brief.js';
import { UserError } from '../../errors.js';
import type { FeedItem } from '../../feeds/feed-schema.js';
import type { DeliveryOutcome } from '../../feeds/feed-sink.js';
import { itemBriefSource } from '../../feeds/item-brief-source.js';
import { postOnce } from '../../feeds/post-once.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import type { GuildSettings } from '../../store/guild-settings.js';
import { runDoor } from '../doors/run-door.js';
import type { FeedMessage } from './feed-channel-api.js';
import { type FeedPosting, itemPostKey, linkPostKey } from './feed-posting.js';
import { findPlacedPost, placeFeedPost, sendPlacedPost } from './place-feed-post.js';
import { cardReason, renderFeedBrief, renderFeedCard } from './render-feed-post.js';

const DONE: DeliveryOutcome = { kind: 'done' };

/** The item's brief through the one door path, or why there is none (a refusal), or null on a fault. */
async function briefItem(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  settings: GuildSettings,
): Promise<{ result: BriefResult } | { refusal: string } | null> {
  let failure: { sentence: string; error: unknown } | undefined;
  const result = await runDoor(
    env.ctx,
    {
      door: 'feed',
      guildId: sub.guildId,
      userId: null,
      settings,
      source: itemBriefSource(item),
      length: sub.length ?? undefined,
    },
    {
      deliver: async () => {},
      fail: async (sentence, error) => {
        failure = { sentence, error };
      },
    },
  );
  if (result) return { result };
  // A refused page (a paywall, not an article, an unreachable link) gets a card; a fault is tried again.
  return failure?.error instanceof UserError ? { refusal: failure.sentence } : null;
}

/** Posts once per channel under `key` (see postOnce); also records the item's link as posted there. */
async function postItem(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  post: { key: string; marker: string | null; headline: string; message: FeedMessage },
): Promise<'posted' | 'already-posted' | 'in-flight'> {
  const placement = placeFeedPost(sub, { headline: post.headline });
  const outcome = await postOnce(
    { store: env.store, locks: env.locks, now: Date.now, landingWindowMs: env.landingWindowMs },
    { channelId: sub.channelId, key: post.key },
    {
      find: () => (post.marker ? findPlacedPost(env.api, placement, post.marker) : Promise.resolve(null)),
      post: () => sendPlacedPost(env.api, placement, post.message),
    },
  );
  if (outcome !== 'in-flight' && item.url && post.key !== linkPostKey(item.url)) {
    await env.store.setPost(sub.channelId, linkPostKey(item.url), {
      state: 'posted',
      messageId: post.key,
      at: Date.now(),
    });
  }
  return outcome;
}

/**
 * One new item of a feed into its channel: skipped when its link was already posted there; held back
 * past the channel's hourly cap; briefed as /summarize briefs (the server's length, language and
 * budget; the shared cache, so many servers following one feed cost one model call per item); then
 * posted once per channel, keyed by the brief's cache key, so the same article reaching the channel
 * from two feeds is posted once. A refused page is posted as a card. For a digest feed the brief is
 * made now and its line kept for the day's message.
 */
export async function deliverFeedItem(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
): Promise<DeliveryOutcome> {
  const { ctx } = env;
  if (item.url && (await env.store.getPost(sub.channelId, linkPostKey(item.url)))?.state === 'posted') return DONE;
  const settings = await ctx.settings.get(sub.guildId);
  const digest = sub.digestHourUtc !== null;
  if (!digest && !(await ctx.limits.takeFeedPost(sub.channelId, settings.feedPostsPerHour))) return { kind: 'later' };
  const refund = () => (digest ? Promise.resolve() : ctx.limits.refundFeedPost(sub.channelId));
  try {
    const made = await briefItem(env, sub, item, settings);
    if (!made) {
      await refund();
      return { kind: 'failed' };
    }
    if ('refusal' in made) {
      if (digest) {
        const entry = {
          title: item.title || 'Untitled item',
          outlet: null,
          line: `No brief: ${cardReason(made.refusal)}`,
          briefKey: null,
          url: item.url,
        };
        return { kind: 'collected', entry };
      }
      const key = item.url ? linkPostKey(item.url) : itemPostKey(sub.feedUrl, item.id);
      const message = renderFeedCard(sub, item, made.refusal);
      const outcome = await postItem(env, sub, item, { key, marker: item.url, headline: item.title, message });
      if (outcome !== 'posted') await refund();
      return outcome === 'in-flight' ? { kind: 'later' } : DONE;
    }
    const { brief, fromCache } = made.result;
    if (digest) {
      const outlet = brief.sourceNote.outlet.name ?? brief.article.outlet ?? brief.article.domain;
      const line = brief.summary.sentences[0] ?? '';
      return {
        kind: 'collected',
        entry: { title: brief.summary.headline, outlet, line, briefKey: brief.meta.cacheKey, url: item.url },
      };
    }
    const outcome = await postItem(env, sub, item, {
      key: `brief:${brief.meta.cacheKey}`,
      marker: brief.meta.cacheKey,
      headline: brief.summary.headline,
      message: renderFeedBrief(sub, brief, fromCache),
    });
    if (outcome !== 'posted') await refund();
    ctx.logger.info({ feed: sub.id, item: item.id, channel: sub.channelId, outcome }, 'feed item delivered');
    return outcome === 'in-flight' ? { kind: 'later' } : DONE;
  } catch (error) {
    await refund();
    throw error;
  }
}
