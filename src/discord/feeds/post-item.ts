import type { FeedItem } from '../../feeds/feed-schema.js';
import { type PostOnceOutcome, postOnce } from '../../feeds/post-once.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import type { FeedMessage } from './feed-channel-api.js';
import { type FeedPosting, linkPostKey } from './feed-posting.js';
import { type FeedPlacement, findPlacedPost, sendPlacedPost } from './place-feed-post.js';

export interface ItemPost {
  /** The post's key in its channel (see postOnce). */
  key: string;
  /** What marks the post as this one among recent messages (see postOnce); null when nothing does. */
  marker: string | null;
  placement: FeedPlacement;
  message: FeedMessage;
}

/** Posts once per channel under `key` (see postOnce), where the placement says; records the item's link as posted there too. */
export async function postItem(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  post: ItemPost,
): Promise<PostOnceOutcome> {
  const { marker, placement } = post;
  const outcome = await postOnce(
    { store: env.store, locks: env.locks, now: Date.now, landingWindowMs: env.landingWindowMs },
    { channelId: sub.channelId, key: post.key },
    {
      find: () => (marker ? findPlacedPost(env, placement, marker) : Promise.resolve(null)),
      post: () => sendPlacedPost(env, placement, post.message),
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
