import { z } from 'zod';
import { BriefLengthSchema } from '../brief/schema.js';
import { FeedValidatorsSchema } from './feed-fetch-result.js';
import { FEED_LIMITS, FeedItemSchema } from './feed-schema.js';

/** Short ids admins type: no 0/o, 1/l/i look-alikes. */
export const FEED_ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const FeedIdSchema = z.string().regex(/^[a-hjkmnp-z2-9]{5}$/, 'a feed id such as k7m2q');

export const FILTER_LIMITS = { maxTerms: 20, maxTermChars: 60 } as const;
const FilterTermsSchema = z.array(z.string().min(1).max(FILTER_LIMITS.maxTermChars)).max(FILTER_LIMITS.maxTerms);

/** One feed followed by one server into one channel, as the admin set it up. */
export const FeedSubscriptionSchema = z.object({
  id: FeedIdSchema,
  guildId: z.string().regex(/^\d{1,20}$/),
  channelId: z.string().regex(/^\d{1,20}$/),
  /** How the channel takes a post: as a message, or as a new post (a thread) of a forum. */
  channelKind: z.enum(['messages', 'forum']),
  /** The address the admin gave: a feed, or a site that announces one. */
  givenUrl: z.string().max(FEED_LIMITS.maxUrlChars),
  /** The feed's own address, found from the given one. */
  feedUrl: z.string().max(FEED_LIMITS.maxUrlChars),
  title: z.string().max(FEED_LIMITS.maxTitleChars),
  /** Folded terms (see item-filter.ts): an item must contain one of `include`, and none of `exclude`. */
  include: FilterTermsSchema.default([]),
  exclude: FilterTermsSchema.default([]),
  /** The one role a post of this feed may ping. */
  mentionRoleId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable()
    .default(null),
  length: BriefLengthSchema.nullable().default(null),
  /** When set, items are gathered and posted once a day at this hour (UTC) instead of one by one. */
  digestHourUtc: z.number().int().min(0).max(23).nullable().default(null),
  /** Why nothing is polled or posted: an admin paused it, or it failed too long. */
  paused: z.enum(['admin', 'failing']).nullable().default(null),
  addedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type FeedSubscription = z.infer<typeof FeedSubscriptionSchema>;

/** The poller's own record of a feed: what to send next time, when, and how it has been failing. */
export const FeedPollStateSchema = z.object({
  validators: FeedValidatorsSchema.nullable(),
  /** Epoch ms; no process polls the feed before it (unless told to now). */
  nextPollAt: z.number(),
  lastPolledAt: z.number().nullable(),
  /** Failed polls in a row, for the backoff. */
  failures: z.number().int().min(0),
  failingSince: z.number().nullable(),
  lastError: z.string().max(500).nullable(),
});
export type FeedPollState = z.infer<typeof FeedPollStateSchema>;

/** A line of the daily digest: the item, and the brief its button opens (none when the page was refused). */
const DigestEntrySchema = z.object({
  title: z.string().max(FEED_LIMITS.maxTitleChars),
  outlet: z.string().max(200).nullable(),
  line: z.string().max(400),
  briefKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  url: z.string().max(FEED_LIMITS.maxUrlChars).nullable(),
});
export type DigestEntry = z.infer<typeof DigestEntrySchema>;

export const ITEMS_LIMITS = {
  /** Item ids remembered per feed and channel; above a feed's own item cap, so its current items always fit. */
  maxSeen: 1_000,
  /** Items waiting to be posted (the hourly cap can hold them back). */
  maxPending: 100,
  maxDigest: 50,
} as const;

const PendingItemSchema = z.object({ item: FeedItemSchema, attempts: z.number().int().min(0) });

/** What is known about a feed's items in its channel: which were seen, which wait to be posted. */
export const FeedItemsStateSchema = z.object({
  /** Hashed ids (see seen-items.ts), oldest first. */
  seen: z.array(z.string()).max(ITEMS_LIMITS.maxSeen),
  /** Oldest first. */
  pending: z.array(PendingItemSchema).max(ITEMS_LIMITS.maxPending),
  digest: z.array(DigestEntrySchema).max(ITEMS_LIMITS.maxDigest).default([]),
  digestDueAt: z.number().nullable().default(null),
});
export type FeedItemsState = z.infer<typeof FeedItemsStateSchema>;
