import { z } from 'zod';

/** Caps on what one feed may hand us: its text is hostile data, and a scheduler keeps many of them. */
export const FEED_LIMITS = {
  maxItems: 500,
  maxIdChars: 512,
  maxTitleChars: 300,
  maxAuthorChars: 200,
  maxSummaryChars: 2_000,
  maxContentChars: 20_000,
  maxUrlChars: 2_048,
  /** A document longer than this is refused before parsing (the fetcher's byte cap usually stops it first). */
  maxDocumentChars: 10 * 1024 * 1024,
} as const;

export const FeedItemSchema = z.object({
  /** The item's guid, Atom id or JSON Feed id; else its link; else a hash of its title and date. */
  id: z.string().min(1).max(FEED_LIMITS.maxIdChars),
  /** Plain text; when the item has none, the start of its summary or content. */
  title: z.string().max(FEED_LIMITS.maxTitleChars),
  /** Absolute http(s) address of the item's page, or null when it has none. */
  url: z.string().max(FEED_LIMITS.maxUrlChars).nullable(),
  publishedAt: z.iso.datetime().nullable(),
  summaryText: z.string().max(FEED_LIMITS.maxSummaryChars),
  contentText: z.string().max(FEED_LIMITS.maxContentChars),
  author: z.string().max(FEED_LIMITS.maxAuthorChars).optional(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

const FeedInfoSchema = z.object({
  title: z.string().max(FEED_LIMITS.maxTitleChars),
  /** The site the feed belongs to, else the feed's own address. */
  url: z.string().max(FEED_LIMITS.maxUrlChars).nullable(),
  /** RSS `<ttl>`: the publisher's word on how long the feed may be cached. */
  ttlMinutes: z.number().int().positive().optional(),
});

export const ParsedFeedSchema = z.object({
  feed: FeedInfoSchema,
  items: z.array(FeedItemSchema).max(FEED_LIMITS.maxItems),
});
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>;

/**
 * `sitrep feed read --json`: other tools rely on exactly these keys. Parsing a ParsedFeed through it
 * strips every other key.
 */
export const FeedListingSchema = z.object({
  feed: FeedInfoSchema.pick({ title: true, url: true }),
  items: z.array(FeedItemSchema.pick({ id: true, title: true, url: true, publishedAt: true })),
});
export type FeedListing = z.infer<typeof FeedListingSchema>;
