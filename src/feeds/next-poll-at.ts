/** However often a feed fails, it is tried again at least this often (unless its own hints say later). */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Each interval is stretched by up to this share, at random, so feeds added together drift apart. */
const JITTER_SHARE = 0.1;

export interface NextPollInput {
  now: number;
  intervalMs: number;
  /** The publisher's hints (Cache-Control, Expires, Retry-After, ttl) as fetchFeed reports them. */
  notBefore: string | null;
  /** Failed polls in a row: each doubles the wait, up to MAX_BACKOFF_MS. */
  failures: number;
  random: () => number;
}

/** When a feed is polled next: never sooner than the interval, later when it fails or asks for it, jittered. */
export function nextPollAt({ now, intervalMs, notBefore, failures, random }: NextPollInput): number {
  const backoff = Math.min(intervalMs * 2 ** Math.min(failures, 30), Math.max(intervalMs, MAX_BACKOFF_MS));
  const own = now + backoff * (1 + JITTER_SHARE * random());
  const hinted = notBefore ? Date.parse(notBefore) : Number.NaN;
  return Number.isNaN(hinted) ? Math.round(own) : Math.round(Math.max(own, hinted));
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The next time, strictly after `now`, that the UTC clock reads `hour`:00. */
export function nextDigestAt(now: number, hour: number): number {
  const today = Math.floor(now / DAY_MS) * DAY_MS + hour * HOUR_MS;
  return today > now ? today : today + DAY_MS;
}
