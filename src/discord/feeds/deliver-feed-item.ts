import { UserError } from '../../errors.js';
import type { FeedItem } from '../../feeds/feed-schema.js';
import type { DeliveryOutcome } from '../../feeds/feed-sink.js';
import { itemBriefSource } from '../../feeds/item-brief-source.js';
import type { PostOnceOutcome } from '../../feeds/post-once.js';
import type { DigestEntry, FeedSubscription } from '../../feeds/subscription.js';
import type { GuildSettings } from '../../store/guild-settings.js';
import { type DoorBrief, runDoor } from '../doors/run-door.js';
import { type FeedPosting, itemPostKey, linkPostKey } from './feed-posting.js';
import { placeFeedPost } from './place-feed-post.js';
import { postFeedBrief } from './post-feed-brief.js';
import { postItem } from './post-item.js';
import { cardReason, renderFeedCard } from './render-feed-post.js';

const DONE: DeliveryOutcome = { kind: 'done' };

/** The item's brief through the one door path, or why there is none (a refusal), or null on a fault. */
async function briefItem(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  settings: GuildSettings,
): Promise<{ result: DoorBrief } | { refusal: string } | null> {
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

/** The item's line in the day's digest: the brief's headline, outlet and first sentence, or why there is none. */
function digestEntry(item: FeedItem, made: { result: DoorBrief } | { refusal: string }): DigestEntry {
  if ('refusal' in made) {
    const line = `No brief: ${cardReason(made.refusal)}`;
    return { title: item.title || 'Untitled item', outlet: null, line, briefKey: null, url: item.url };
  }
  const { brief } = made.result;
  return {
    title: brief.summary.headline,
    outlet: brief.sourceNote.outlet.name ?? brief.article.outlet ?? brief.article.domain,
    line: brief.summary.sentences[0] ?? '',
    briefKey: brief.meta.cacheKey,
    url: item.url,
  };
}

/** Posts the item's brief (see postFeedBrief), or its card when the page was refused; the outcome for the scheduler. */
function postBriefOrCard(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  made: { result: DoorBrief } | { refusal: string },
  settings: GuildSettings,
): Promise<PostOnceOutcome> {
  if ('refusal' in made) {
    return postItem(env, sub, item, {
      key: item.url ? linkPostKey(item.url) : itemPostKey(sub.feedUrl, item.id),
      marker: item.url,
      placement: placeFeedPost(sub, { headline: item.title }),
      message: renderFeedCard(sub, item, made.refusal),
    });
  }
  return postFeedBrief(env, sub, item, made.result, settings);
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
  if (sub.digestHourUtc !== null) {
    const made = await briefItem(env, sub, item, settings);
    return made ? { kind: 'collected', entry: digestEntry(item, made) } : { kind: 'failed' };
  }
  if (!(await ctx.limits.takeFeedPost(sub.channelId, settings.feedPostsPerHour))) return { kind: 'later' };
  let outcome: 'posted' | 'already-posted' | 'in-flight' | 'failed' = 'failed';
  try {
    const made = await briefItem(env, sub, item, settings);
    if (made) outcome = await postBriefOrCard(env, sub, item, made, settings);
  } finally {
    // Only a post made counts against the channel's hour.
    if (outcome !== 'posted') await ctx.limits.refundFeedPost(sub.channelId);
  }
  ctx.logger.info({ feed: sub.id, item: item.id, channel: sub.channelId, outcome }, 'feed item delivered');
  if (outcome === 'failed') return { kind: 'failed' };
  return outcome === 'in-flight' ? { kind: 'later' } : DONE;
}
