import type { FeedSubscription } from '../../feeds/subscription.js';
import { capAtWord } from '../../text/cap-at-word.js';
import type { FeedChannelApi, FeedMessage } from './feed-channel-api.js';

/** Discord's limit for a thread's (a forum post's) name. */
const THREAD_NAME_CHARS = 100;

/**
 * Where one feed post goes. Today: a message in the feed's channel, or a new post of its forum. This
 * is the one place to extend (the Stories capability: a reply in the thread of the story the brief
 * belongs to), with a new kind here and its case in `sendPlacedPost` and `findPlacedPost`.
 */
export type FeedPlacement =
  | { kind: 'channel-message'; channelId: string }
  | { kind: 'forum-post'; guildId: string; channelId: string; title: string };

export interface PostToPlace {
  /** The post's headline: the brief's, or the item's own title for a card. */
  headline: string;
}

/** Chooses where a feed post goes. */
export function placeFeedPost(subscription: FeedSubscription, post: PostToPlace): FeedPlacement {
  if (subscription.channelKind === 'forum') {
    const title = capAtWord(post.headline.replace(/\s+/g, ' ').trim(), THREAD_NAME_CHARS) || subscription.title;
    return { kind: 'forum-post', guildId: subscription.guildId, channelId: subscription.channelId, title };
  }
  return { kind: 'channel-message', channelId: subscription.channelId };
}

/** Posts where the placement says; the new message's id. */
export function sendPlacedPost(api: FeedChannelApi, placement: FeedPlacement, message: FeedMessage): Promise<string> {
  if (placement.kind === 'forum-post') return api.openForumPost(placement.channelId, placement.title, message);
  return api.send(placement.channelId, message);
}

/** Looks where the placement says for a recent post carrying `marker` (see postOnce). */
export function findPlacedPost(api: FeedChannelApi, placement: FeedPlacement, marker: string): Promise<string | null> {
  if (placement.kind === 'forum-post') return api.findForumPost(placement.guildId, placement.channelId, marker);
  return api.findMessage(placement.channelId, marker);
}
