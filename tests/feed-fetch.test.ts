import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLimits } from '../src/brief/acquire/fetch-page.js';
import { createSafeDispatcher } from '../src/brief/acquire/safe-dispatcher.js';
import { UserError } from '../src/errors.js';
import type { FeedFetchResult } from '../src/feeds/feed-fetch-result.js';
import { FEED_LIMITS } from '../src/feeds/feed-schema.js';
import { fetchFeed } from '../src/feeds/fetch-feed.js';
import { type FeedServer, startFeedServer } from './stand-ins/feed-server.js';

// Test mode (SITREP_TEST_ALLOW_LOOPBACK=1) admits the loopback feed server and nothing else private.
const limits: FetchLimits = {
  timeoutMs: 3_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowedPorts: [80, 443],
  allowLoopback: true,
};
const dispatcher = createSafeDispatcher({ allowLoopback: true });
// Production policy, with every name resolving to loopback: the feed server must be unreachable.
const strictDispatcher = createSafeDispatcher(
  { allowLoopback: false },
  async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }],
);
const now = Date.parse('2026-11-21T12:00:00.000Z');
const ctx = { dispatcher, fetchLimits: limits, now: () => now };

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
  await Promise.all([dispatcher.close(), strictDispatcher.close()]);
});

function fetched(result: FeedFetchResult) {
  if (result.status !== 'fetched') throw new Error(`expected a fetched feed, got ${result.status}`);
  return result;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('fetchFeed: formats', () => {
  it.each([
    ['rss2.xml', 'Harbour Defence Review & Notes', 4],
    ['rss091.xml', 'Northern Garrison Bulletin', 2],
    ['rdf.xml', 'Border Monitor', 2],
    ['atom.xml', 'Strait Watch', 3],
    ['feed.json', 'Airspace Log', 3],
  ])('reads %s', async (name, title, count) => {
    const result = fetched(await fetchFeed(`${server.url}/feeds/${name}`, ctx));
    expect(result.parsed.feed.title).toBe(title);
    expect(result.parsed.items).toHaveLength(count);
    expect(result.feedUrl).toBe(`${server.url}/feeds/${name}`);
  });

  it('asks for feeds first, and says who it is', async () => {
    await fetchFeed(`${server.url}/feeds/rss2.xml`, ctx);
    const headers = server.requestsTo('/feeds/rss2.xml').at(-1)?.headers;
    expect(headers?.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/);
    expect(headers?.['user-agent']).toContain('SitrepBot');
    expect(headers?.['if-none-match']).toBeUndefined();
  });

  it('resolves relative links against the address the feed was read from, after redirects', async () => {
    const result = fetched(await fetchFeed(`${server.url}/redirect-to-feed`, ctx));
    expect(result.feedUrl).toBe(`${server.url}/redirect-to-feed`);
    // "notes/exercise-ends" in /feeds/feed.json, not in /redirect-to-feed's folder.
    expect(result.parsed.items[1]?.url).toBe(`${server.url}/feeds/notes/exercise-ends`);
    const rss = fetched(await fetchFeed(`${server.url}/feeds/rss2.xml`, ctx));
    expect(rss.parsed.items[1]?.url).toBe(`${server.url}/news/minister-shipyard`);
  });

  it('decodes a feed by its XML declaration when the header names no charset', async () => {
    const result = fetched(await fetchFeed(`${server.url}/latin1`, ctx));
    expect(result.parsed.feed.title).toBe('Café de la Marine');
    expect(result.parsed.items[0]?.title).toBe('Résumé des manœuvres');
  });

  it('keeps at most the item cap from a long feed', async () => {
    const result = fetched(await fetchFeed(`${server.url}/many-items`, ctx));
    expect(result.parsed.items).toHaveLength(FEED_LIMITS.maxItems);
    expect(result.parsed.items[0]?.id).toBe('g0');
  });
});

describe('fetchFeed: conditional requests', () => {
  it('sends the ETag back and reports 304 as not modified, then sees a new version', async () => {
    const first = fetched(await fetchFeed(`${server.url}/etag`, ctx));
    expect(first.validators.etag).toMatch(/^"v\d+"$/);

    const second = await fetchFeed(`${server.url}/etag`, ctx, first.validators);
    expect(second).toMatchObject({
      status: 'not-modified',
      feedUrl: `${server.url}/etag`,
      validators: first.validators,
    });
    expect(server.requestsTo('/etag').at(-1)?.headers['if-none-match']).toBe(first.validators.etag);

    server.publish();
    const third = fetched(await fetchFeed(`${server.url}/etag`, ctx, first.validators));
    expect(third.validators.etag).not.toBe(first.validators.etag);
    expect(third.parsed.items[0]?.title).toBe(`Update number ${third.parsed.items.length}`);
  });

  it('sends Last-Modified back as If-Modified-Since, keeping it when the 304 omits it', async () => {
    const first = fetched(await fetchFeed(`${server.url}/last-modified`, ctx));
    expect(first.validators).toEqual({ etag: null, lastModified: expect.stringMatching(/GMT$/) });
    const second = await fetchFeed(`${server.url}/last-modified`, ctx, first.validators);
    expect(second).toMatchObject({ status: 'not-modified', validators: first.validators });
    expect(server.requestsTo('/last-modified').at(-1)?.headers['if-modified-since']).toBe(
      first.validators.lastModified,
    );
  });
});

describe('fetchFeed: when to poll again', () => {
  it('reports Cache-Control max-age, or the RSS ttl when that is later', async () => {
    const cached = fetched(await fetchFeed(`${server.url}/cached`, ctx));
    expect(cached.notBefore).toBe('2026-11-21T13:30:00.000Z');
    const withTtl = fetched(await fetchFeed(`${server.url}/feeds/rss2.xml`, ctx));
    expect(withTtl.parsed.feed.ttlMinutes).toBe(45);
    expect(withTtl.notBefore).toBe('2026-11-21T12:45:00.000Z');
  });

  it('reports a 429 with Retry-After as throttled, and a 503 without it too', async () => {
    expect(await fetchFeed(`${server.url}/throttled`, ctx)).toEqual({
      status: 'throttled',
      feedUrl: `${server.url}/throttled`,
      httpStatus: 429,
      notBefore: '2026-11-21T12:02:00.000Z',
    });
    expect(await fetchFeed(`${server.url}/unavailable`, ctx)).toMatchObject({ status: 'throttled', notBefore: null });
  });
});

describe('fetchFeed: discovery', () => {
  it('follows the feed a site page announces, relative link resolved', async () => {
    const result = fetched(await fetchFeed(`${server.url}/site/`, ctx));
    expect(result.feedUrl).toBe(`${server.url}/site/feeds/posts.atom`);
    expect(result.parsed.feed.title).toBe('Strait Watch');
    expect(server.requestsTo('/feeds/posts.rss')).toHaveLength(0);
  });

  it('reads a feed served as text/html as the feed it is', async () => {
    const result = fetched(await fetchFeed(`${server.url}/feed-served-as-html`, ctx));
    expect(result.parsed.feed.title).toBe('Strait Watch');
  });

  it('says so when a page announces no feed', async () => {
    const error = await failure(fetchFeed(`${server.url}/page-without-feed`, ctx));
    expect(error.code).toBe('UNSUPPORTED_CONTENT');
    expect(error.message).toBe('127.0.0.1 is a web page that announces no RSS, Atom or JSON feed.');
  });
});

describe('fetchFeed: hostile and failing feeds', () => {
  it.each(['billion-laughs.xml', 'xxe.xml'])('refuses %s', async (name) => {
    const error = await failure(fetchFeed(`${server.url}/feeds/${name}`, ctx));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('declares XML entities');
  });

  it('reports malformed XML in one sentence', async () => {
    const error = await failure(fetchFeed(`${server.url}/feeds/malformed.xml`, ctx));
    expect(error.message).toBe('The feed at 127.0.0.1 is not well-formed, so it could not be read.');
  });

  it('stops reading an endless feed at the byte cap', async () => {
    const error = await failure(
      fetchFeed(`${server.url}/huge`, { ...ctx, fetchLimits: { ...limits, maxBytes: 256 * 1024 } }),
    );
    expect(error.code).toBe('TOO_LARGE');
  });

  it('gives up on a slow feed at the deadline', async () => {
    const started = Date.now();
    const error = await failure(
      fetchFeed(`${server.url}/slow`, { ...ctx, fetchLimits: { ...limits, timeoutMs: 500 } }),
    );
    expect(error.message).toBe('127.0.0.1 took too long to answer.');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a redirect to a private address, never reaching it', async () => {
    const error = await failure(fetchFeed(`${server.url}/redirect-to-private`, ctx));
    expect(error.code).toBe('URL_REFUSED');
    expect(server.requestsTo('/secret')).toHaveLength(0);
  });

  it('refuses the loopback server itself outside test mode', async () => {
    const before = server.requests.length;
    const strict = { dispatcher: strictDispatcher, fetchLimits: { ...limits, allowLoopback: false } };
    expect((await failure(fetchFeed(`${server.url}/feeds/rss2.xml`, strict))).code).toBe('URL_REFUSED');
    const named = `http://feeds.example:${server.port}/feeds/rss2.xml`;
    const error = await failure(
      fetchFeed(named, { ...strict, fetchLimits: { ...strict.fetchLimits, allowedPorts: [server.port] } }),
    );
    expect(error.message).toContain('private or reserved address');
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['/image', 'UNSUPPORTED_CONTENT', 'That link is image/png, not a feed or a web page.'],
    ['/gone', 'FETCH_FAILED', '127.0.0.1 answered with HTTP 404.'],
  ])('refuses %s', async (path, code, message) => {
    const error = await failure(fetchFeed(`${server.url}${path}`, ctx));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
