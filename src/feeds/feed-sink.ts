import type { FeedItem } from './feed-schema.js';
import type { DigestEntry, FeedSubscription } from './subscription.js';

/** What became of one item handed to the sink. */
export type DeliveryOutcome =
  /** Posted, found already posted, or posted as a card without a brief: never again. */
  | { kind: 'done' }
  /** Briefed for the feed's daily digest: keep this line for it. */
  | { kind: 'collected'; entry: DigestEntry }
  /** Held back (the channel's hourly cap, a post still in flight): keep it first in line, try next poll. */
  | { kind: 'later' }
  /** Could not be delivered now (Discord or the pipeline failed): tried again a few times, then dropped. */
  | { kind: 'failed' };

/**
 * Where polled items go: the Discord side implements it (src/discord/feeds/), so the scheduler knows
 * nothing of channels, messages or briefs.
 */
export interface FeedSink {
  deliver(subscription: FeedSubscription, item: FeedItem): Promise<DeliveryOutcome>;
  /** Posts the day's digest once; `day` (YYYY-MM-DD, UTC) names it. */
  postDigest(subscription: FeedSubscription, entries: DigestEntry[], day: string): Promise<'posted' | 'later'>;
  /** Tells the feed's channel, once, that the feed was paused because it kept failing. */
  notifyPaused(subscription: FeedSubscription, reason: string): Promise<void>;
}
