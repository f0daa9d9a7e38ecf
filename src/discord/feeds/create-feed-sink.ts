import type { FeedSink } from '../../feeds/feed-sink.js';
import { postOnce } from '../../feeds/post-once.js';
import { deliverFeedItem } from './deliver-feed-item.js';
import type { FeedPosting } from './feed-posting.js';
import { findPlacedPost, placeFeedPost, sendPlacedPost } from './place-feed-post.js';
import { digestMarker, renderDigest } from './render-digest.js';
import { renderPausedNotice } from './render-feed-post.js';

/** The Discord side of the feed scheduler: items, digests and notices become posts in their channels. */
export function createFeedSink(env: FeedPosting): FeedSink {
  return {
    deliver: (sub, item) => deliverFeedItem(env, sub, item),
    async postDigest(sub, entries, day) {
      const marker = digestMarker(sub, day);
      const placement = placeFeedPost(sub, { headline: `Daily digest ${day}: ${sub.title}` });
      const outcome = await postOnce(
        { store: env.store, locks: env.locks, now: Date.now, landingWindowMs: env.landingWindowMs },
        { channelId: sub.channelId, key: `digest:${sub.id}:${day}` },
        {
          find: () => findPlacedPost(env, placement, marker),
          post: () => sendPlacedPost(env, placement, renderDigest(sub, entries, day)),
        },
      );
      return outcome === 'in-flight' ? 'later' : 'posted';
    },
    async notifyPaused(sub, reason) {
      const placement = placeFeedPost(sub, { headline: `Feed paused: ${sub.title}` });
      await sendPlacedPost(env, placement, renderPausedNotice(sub, reason)).catch((error: unknown) => {
        env.ctx.logger.warn(
          { feed: sub.id, channel: sub.channelId, err: error },
          'could not tell the channel its feed was paused',
        );
      });
    },
  };
}
