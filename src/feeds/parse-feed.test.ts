import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { FEED_LIMITS, ParsedFeedSchema } from './feed-schema.js';
import { parseFeed } from './parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');
const read = (name: string, documentUrl: string | null = null) =>
  parseFeed(fixture(name), { documentUrl, source: name });

function failure(text: string): UserError {
  try {
    parseFeed(text, { documentUrl: null, source: 'test.example' });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('parseFeed: RSS 2.0', () => {
  const { feed, items } = read('rss2.xml', 'https://harbour-review.example/feed.xml');

  it('reads the channel: plain title, site link, ttl', () => {
    expect(feed).toEqual({
      title: 'Harbour Defence Review & Notes',
      url: 'https://harbour-review.example/',
      ttlMinutes: 45,
    });
  });

  it('turns a CDATA title with markup into plain text, and keeps the guid as id', () => {
    expect(items[0]).toMatchObject({
      id: 'hdr-2026-1120-001',
      title: 'Navy says destroyer downed six drones & two decoys',
      url: 'https://harbour-review.example/news/destroyer-drones',
      publishedAt: '2026-11-20T08:30:00.000Z',
      author: 'Mara Okonjo',
      summaryText: 'The navy said on Friday its destroyer intercepted six drones.',
    });
    expect(items[0]?.contentText).toBe(
      'The navy said on Friday that its destroyer intercepted six drones & two decoys over the gulf.\n\nA spokesman, Captain Lena Ferris, said no ship was damaged.',
    );
  });

  it('decodes numeric and named entities, and resolves a relative link against the feed address', () => {
    expect(items[1]).toMatchObject({
      title: 'Minister’s visit to the shipyard — talks "constructive"',
      url: 'https://harbour-review.example/news/minister-shipyard',
      publishedAt: '2026-11-19T16:05:00.000Z',
    });
  });

  it('uses the link as id when there is no guid, and collapses white space in titles', () => {
    expect(items[2]).toMatchObject({
      id: 'https://harbour-review.example/news/drill-postponed?utm_source=rss&id=7',
      title: 'Coast guard drill postponed',
      publishedAt: '2026-11-18T11:00:00.000Z',
      summaryText: 'Teaser only: the drill was moved to next week.',
      contentText: '',
    });
    expect(items[2]).not.toHaveProperty('author');
  });

  it('hashes title and date for an item with neither guid nor link', () => {
    expect(items[3]?.url).toBeNull();
    expect(items[3]?.id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(read('rss2.xml').items[3]?.id).toBe(items[3]?.id);
  });
});

describe('parseFeed: other formats', () => {
  it('reads RSS 0.91 with its DOCTYPE; items without guid get their link as id', () => {
    const { feed, items } = read('rss091.xml');
    expect(feed).toEqual({ title: 'Northern Garrison Bulletin', url: 'http://garrison-bulletin.example/' });
    expect(items.map((i) => [i.id, i.title, i.publishedAt])).toEqual([
      ['http://garrison-bulletin.example/bulletin/parade.html', 'Road closures for the autumn parade', null],
      ['http://garrison-bulletin.example/bulletin/open-day.html', 'Radar station open day', null],
    ]);
  });

  it('reads RDF (RSS 1.0): rdf:about ids, Dublin Core dates and creators', () => {
    const { feed, items } = read('rdf.xml');
    expect(feed.title).toBe('Border Monitor');
    expect(items).toMatchObject([
      {
        id: 'https://border-monitor.example/reports/41',
        publishedAt: '2026-11-21T04:15:00.000Z',
        author: 'Observer Team B',
      },
      { title: 'Convoy of aid trucks crosses', publishedAt: '2026-11-20T00:00:00.000Z' },
    ]);
  });

  it('reads Atom: xml:base on feed and entry, html and xhtml titles, published before updated', () => {
    const { feed, items } = read('atom.xml', 'https://elsewhere.example/feeds/atom');
    expect(feed).toEqual({ title: 'Strait Watch', url: 'https://strait-watch.example/blog/' });
    expect(items.map((i) => [i.id, i.title, i.url, i.publishedAt])).toEqual([
      [
        'tag:strait-watch.example,2026:post-88',
        'Tanker boarded near the narrows & released',
        'https://strait-watch.example/blog/posts/tanker-boarded',
        '2026-11-21T06:30:00.000Z',
      ],
      [
        'tag:strait-watch.example,2026:post-87',
        'Patrol boats escort ferries',
        'https://strait-watch.example/archive/2026/escort-ferries',
        '2026-11-20T18:45:00.000Z',
      ],
      ['urn:uuid:7f1c3a2e-5b0d-4d8e-9a61-2c7e0f3b9d10', 'Entry with only an id', null, '2026-11-19T08:00:00.000Z'],
    ]);
    expect(items[0]?.contentText).toContain('The boarding party inspected the cargo.');
    expect(items[2]?.contentText).toBe('Plain text content without a link.');
  });

  it('reads JSON Feed: numeric ids, relative urls, external links, titles from text when missing', () => {
    const { feed, items } = read('feed.json');
    expect(feed).toEqual({ title: 'Airspace Log', url: 'https://airspace-log.example/' });
    expect(items).toMatchObject([
      {
        id: '2026-11-21-scramble',
        title: 'Jets scrambled to meet "unidentified" aircraft',
        summaryText: 'Two jets were scrambled.',
        contentText: 'Two jets were scrambled on Saturday, the air force said.',
        author: 'Tomas Reyes',
      },
      {
        id: '1042',
        title: 'The exercise ended on Friday after five days.',
        url: 'https://airspace-log.example/notes/exercise-ends',
        publishedAt: '2026-11-20T15:00:00.000Z',
      },
      { url: 'https://wire.example/story/19', publishedAt: '2026-11-19T09:00:00.000Z' },
    ]);
  });

  it('takes an RSS guid as the link unless it says isPermaLink="false"', () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title>a</title><guid>https://desk.example/a</guid></item>
      <item><title>b</title><guid isPermaLink="false">https://desk.example/b</guid></item>
      <item><title>c</title><guid>not-a-url</guid></item></channel></rss>`;
    const { items } = parseFeed(rss, { documentUrl: null, source: 'x' });
    expect(items.map((i) => [i.id, i.url])).toEqual([
      ['https://desk.example/a', 'https://desk.example/a'],
      ['https://desk.example/b', null],
      ['not-a-url', null],
    ]);
  });

  it('reads odd dates or gives null, never failing the feed', () => {
    const dates = read('odd-dates.xml').items.map((i) => i.publishedAt);
    expect(dates).toEqual([
      '2026-11-18T11:00:00.000Z',
      '2026-11-05T03:37:00.000Z',
      '2026-11-05T10:00:00.000Z',
      '2026-11-02T12:00:00.000Z',
      '2026-11-03T14:20:00.000Z',
      '2025-06-01T10:00:00.000Z',
      '2026-11-03T12:00:00.000Z',
      null,
      null,
      null,
      null,
      '2026-11-10T12:00:00.000Z',
      '2026-11-10T12:00:00.000Z',
      '2026-11-10T12:00:00.000Z',
    ]);
  });
});

describe('parseFeed: hostile and broken documents', () => {
  it.each(['billion-laughs.xml', 'xxe.xml'])('refuses %s before parsing', (name) => {
    expect(failure(fixture(name)).message).toContain('declares XML entities');
  });

  it('says in one sentence that malformed XML could not be read', () => {
    const error = failure(fixture('malformed.xml'));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe('The feed at test.example is not well-formed, so it could not be read.');
  });

  it.each([
    ['an HTML page', fixture('discovery.html')],
    ['plain text', 'just some words'],
    ['an empty document', ''],
    ['JSON that is no feed', '{"hello": "world"}'],
  ])('says %s is not a feed', (_, text) => {
    expect(failure(text).message).toBe('test.example is not an RSS, Atom or JSON feed.');
  });

  it('says broken JSON is not valid JSON', () => {
    expect(failure('{"version": "https://jsonfeed.org/version/1.1", "items": [').message).toBe(
      'The feed at test.example is not valid JSON.',
    );
  });

  it('keeps at most the item cap and caps every text', () => {
    const long = 'word '.repeat(1_000);
    const items = Array.from(
      { length: FEED_LIMITS.maxItems + 100 },
      (_, i) => `<item><guid>g${i}</guid><title>${long}</title><description>${long}</description></item>`,
    ).join('');
    const { items: parsed } = parseFeed(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, {
      documentUrl: null,
      source: 'big',
    });
    expect(parsed).toHaveLength(FEED_LIMITS.maxItems);
    expect(parsed[0]?.title.length).toBeLessThanOrEqual(FEED_LIMITS.maxTitleChars);
    expect(parsed[0]?.summaryText.length).toBeLessThanOrEqual(FEED_LIMITS.maxSummaryChars);
  });

  it('refuses a document over the size cap without parsing it', () => {
    expect(failure(' '.repeat(FEED_LIMITS.maxDocumentChars + 1)).code).toBe('TOO_LARGE');
  });

  it('drops javascript: links and resolves nothing against a missing base', () => {
    const rss =
      '<rss version="2.0"><channel><title>T</title><item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title><link>/relative</link></item></channel></rss>';
    const { items } = parseFeed(rss, { documentUrl: null, source: 'x' });
    expect(items.map((i) => i.url)).toEqual([null, null]);
  });

  it('never crashes on a damaged feed: a valid result or one UserError', () => {
    const documents = ['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom.xml', 'feed.json'].map(fixture);
    const damage = fc.tuple(
      fc.constantFrom(...documents),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('', '<', '>', '&', ']]>', '<![CDATA[', '</item>', '<item>', '"', '{', '}', '&#0;', '\u0000'),
    );
    fc.assert(
      fc.property(damage, ([document, at, cut, insert]) => {
        const start = at % document.length;
        const damaged = document.slice(0, start) + insert + document.slice(start + (cut % 40));
        try {
          ParsedFeedSchema.parse(parseFeed(damaged, { documentUrl: 'https://feed.example/x', source: 'x' }));
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
