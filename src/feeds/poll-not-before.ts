import { parseFeedDate } from './parse-feed-date.js';

/** No server hint defers a feed longer than this; a scheduler may still poll less often. */
const MAX_POLL_HINT_MS = 24 * 60 * 60 * 1000;

export interface PollHintSources {
  status: number;
  headers: Headers;
  /** RSS `<ttl>`, when the body was read. */
  ttlMinutes?: number;
  now: number;
}

function seconds(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) * 1000 : null;
}

/** Delay until an HTTP date, measured against the server's own Date header when it sent one (clock skew). */
function untilHttpDate(value: string | null, headers: Headers, now: number): number | null {
  const at = Date.parse(parseFeedDate(value) ?? '');
  if (Number.isNaN(at)) return null;
  const serverNow = Date.parse(parseFeedDate(headers.get('date')) ?? '');
  return at - (Number.isNaN(serverNow) ? now : serverNow);
}

/** Freshness left by Cache-Control max-age (minus Age), else by Expires; none when told not to store. */
function freshnessMs(headers: Headers, now: number): number | null {
  const directives = new Map(
    (headers.get('cache-control') ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split('=') as [string, string | undefined])
      .map(([name, value]) => [name, value?.replace(/^"|"$/g, '')]),
  );
  if (directives.has('no-store') || directives.has('no-cache')) return null;
  const maxAge = seconds(directives.get('max-age'));
  if (maxAge !== null) return maxAge - (seconds(headers.get('age') ?? undefined) ?? 0);
  return untilHttpDate(headers.get('expires'), headers, now);
}

function retryAfterMs(status: number, headers: Headers, now: number): number | null {
  if (status !== 429 && status !== 503) return null;
  const value = headers.get('retry-after')?.trim() ?? undefined;
  return seconds(value) ?? untilHttpDate(value ?? null, headers, now);
}

/**
 * The earliest time the feed should be polled again by the publisher's hints (Cache-Control max-age or
 * Expires, Retry-After on 429/503, RSS ttl): the latest of them, capped at a day. Null when there is no
 * hint, so the scheduler's own interval applies.
 */
export function pollNotBefore({ status, headers, ttlMinutes, now }: PollHintSources): string | null {
  const hints = [
    freshnessMs(headers, now),
    retryAfterMs(status, headers, now),
    ttlMinutes ? ttlMinutes * 60_000 : null,
  ].filter((ms): ms is number => ms !== null && ms > 0);
  if (hints.length === 0) return null;
  return new Date(now + Math.min(Math.max(...hints), MAX_POLL_HINT_MS)).toISOString();
}
