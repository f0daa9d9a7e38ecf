import { z } from 'zod';
import { ParsedFeedSchema } from './feed-schema.js';

/** What the server said identifies this version of the feed; sent back to ask "changed since?". */
export const FeedValidatorsSchema = z.object({
  etag: z.string().max(512).nullable(),
  lastModified: z.string().max(512).nullable(),
});
export type FeedValidators = z.infer<typeof FeedValidatorsSchema>;

const polled = {
  /** The address to poll next time: the one given, or the feed a web page pointed to. */
  feedUrl: z.string(),
  /** Not before this instant, by the server's hints (Cache-Control, Expires, Retry-After, RSS ttl); null if none. */
  notBefore: z.iso.datetime().nullable(),
};

/** One poll's outcome. Failures other than a server asking to wait are thrown as UserErrors. */
const FeedFetchResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('fetched'), ...polled, validators: FeedValidatorsSchema, parsed: ParsedFeedSchema }),
  z.object({ status: z.literal('not-modified'), ...polled, validators: FeedValidatorsSchema }),
  z.object({ status: z.literal('throttled'), ...polled, httpStatus: z.number().int() }),
]);
export type FeedFetchResult = z.infer<typeof FeedFetchResultSchema>;
