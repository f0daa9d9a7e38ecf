import type { Dispatcher } from 'undici';
import { type FetchLimits, fetchGuarded, type GuardedResponse } from '../brief/acquire/fetch-guarded.js';
import { UserError } from '../errors.js';
import { decodeFeedBody } from './decode-feed-body.js';
import { findFeedLinks } from './discover-feed.js';
import type { FeedFetchResult, FeedValidators } from './feed-fetch-result.js';
import { parseFeed } from './parse-feed.js';
import { pollNotBefore } from './poll-not-before.js';

export interface FeedFetchContext {
  dispatcher: Dispatcher;
  fetchLimits: FetchLimits;
  now?: () => number;
}

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/json',
];
const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
const ACCEPTED_TYPES = new Set([...FEED_TYPES, ...PAGE_TYPES]);
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, application/xhtml+xml;q=0.5';

function conditionalHeaders(previous: FeedValidators | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

function validatorsOf(headers: Headers): FeedValidators {
  const keep = (value: string | null) => (value && value.length <= 512 ? value : null);
  return { etag: keep(headers.get('etag')), lastModified: keep(headers.get('last-modified')) };
}

/** A page served as HTML that is really a feed (misconfigured servers do this) is read as a feed. */
function isWebPage(response: GuardedResponse, text: string): boolean {
  if (!PAGE_TYPES.includes(response.mediaType)) return false;
  const head = text.slice(0, 1024);
  return /<html[\s>]/i.test(head) || !/<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/**
 * Polls a feed through the guarded fetch (SSRF guard, size and time limits; one deadline for the whole
 * poll). Sends the previous validators as a conditional request and reports a 304 as "not-modified".
 * Given a web page, follows its first announced feed. Returns the new validators and the earliest next
 * poll the server's hints allow. Validators belong to `feedUrl`: poll that address next time.
 */
export async function fetchFeed(
  url: string,
  ctx: FeedFetchContext,
  previous?: FeedValidators | null,
): Promise<FeedFetchResult> {
  const now = ctx.now ?? Date.now;
  const signal = AbortSignal.timeout(ctx.fetchLimits.timeoutMs);
  const request = (target: string) =>
    fetchGuarded(target, ctx.fetchLimits, ctx.dispatcher, {
      accept: ACCEPT,
      acceptedTypes: ACCEPTED_TYPES,
      acceptedTypesNoun: 'a feed or a web page',
      headers: conditionalHeaders(previous),
      signal,
    });

  let feedUrl = url;
  let response = await request(feedUrl);
  let text = decodeFeedBody(response.bytes, response.contentType, PAGE_TYPES.includes(response.mediaType));
  if (response.status >= 200 && response.status < 300 && isWebPage(response, text)) {
    const announced = findFeedLinks(text, response.finalUrl)[0];
    if (!announced) {
      throw new UserError(
        'UNSUPPORTED_CONTENT',
        `${new URL(response.finalUrl).hostname} is a web page that announces no RSS, Atom or JSON feed.`,
      );
    }
    feedUrl = announced;
    response = await request(feedUrl);
    text = decodeFeedBody(response.bytes, response.contentType);
  }

  const host = new URL(response.finalUrl).hostname;
  const notBefore = (ttlMinutes?: number) =>
    pollNotBefore({ status: response.status, headers: response.headers, ttlMinutes, now: now() });
  if (response.status === 304 && previous) {
    // A 304 may leave out the validators; the ones we sent still hold then.
    const fresh = validatorsOf(response.headers);
    const validators = { etag: fresh.etag ?? previous.etag, lastModified: fresh.lastModified ?? previous.lastModified };
    return { status: 'not-modified', feedUrl, validators, notBefore: notBefore() };
  }
  if (response.status === 429 || response.status === 503) {
    return { status: 'throttled', feedUrl, httpStatus: response.status, notBefore: notBefore() };
  }
  if (response.status < 200 || response.status >= 300) {
    throw new UserError('FETCH_FAILED', `${host} answered with HTTP ${response.status}.`);
  }
  const parsed = parseFeed(text, { documentUrl: response.finalUrl, source: host });
  return {
    status: 'fetched',
    feedUrl,
    validators: validatorsOf(response.headers),
    notBefore: notBefore(parsed.feed.ttlMinutes),
    parsed,
  };
}
