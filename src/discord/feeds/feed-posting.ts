import { createHash } from 'node:crypto';
import type { FeedStore } from '../../feeds/feed-store.js';
import type { Locks } from '../../feeds/ports.js';
import type { BotContext } from '../bot-context.js';
import type { FeedChannelApi } from './feed-channel-api.js';

/** What the Discord side of feeds works with, handed in by start-bot. */
export interface FeedPosting {
  ctx: BotContext;
  api: FeedChannelApi;
  store: FeedStore;
  locks: Locks;
  /** See postOnce: how long a post may still land after its process stopped answering. */
  landingWindowMs: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** The post key of an item's link in a channel: a link posted once is never briefed or posted there again. */
export function linkPostKey(url: string): string {
  return `url:${digest(url)}`;
}

/** The post key of an item with no link (its card), by its feed and id. */
export function itemPostKey(feedUrl: string, itemId: string): string {
  return `item:${digest(`${feedUrl}\n${itemId}`)}`;
}
