import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const FEEDS = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

function feedFixture(name: string): string {
  return readFileSync(`${FEEDS}${name}`, 'utf8');
}

const TYPES: Record<string, string> = {
  'rss2.xml': 'application/rss+xml; charset=utf-8',
  'rss091.xml': 'text/xml',
  'rdf.xml': 'application/rdf+xml',
  'atom.xml': 'application/atom+xml',
  'feed.json': 'application/feed+json',
  'odd-dates.xml': 'application/xml',
  'malformed.xml': 'application/rss+xml',
  'billion-laughs.xml': 'application/rss+xml',
  'xxe.xml': 'application/rss+xml',
  'discovery.html': 'text/html; charset=utf-8',
};

/** An RSS feed whose newest item carries the version number, so each change is visible. */
function versionedFeed(version: number): string {
  const items = Array.from(
    { length: version },
    (_, i) =>
      `<item><guid>v${version - i}</guid><title>Update number ${version - i}</title><link>/updates/${version - i}</link></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Changing Desk</title><link>/</link>${items.join('')}</channel></rss>`;
}

/** An RSS feed of `count` items, about 200 bytes each. */
export function generatedFeed(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><guid>g${i}</guid><title>Generated item ${i}</title><link>https://big.example/${i}</link><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Generated</title><link>https://big.example/</link>${items.join('')}</channel></rss>`;
}

/** A fictional article from tests/fixtures/feeds/desk-articles.json, by its slug. */
export function deskArticle(slug: string): { slug: string; title: string; text: string } {
  const all = JSON.parse(feedFixture('desk-articles.json')) as { slug: string; title: string; text: string }[];
  const found = all.find((article) => article.slug === slug);
  if (!found) throw new Error(`no desk article ${slug}`);
  return found;
}

/** One item of a desk feed, as a test publishes it. */
export interface DeskItem {
  id: string;
  title: string;
  link?: string | null;
  /** A teaser (RSS description). */
  description?: string;
  /** The full text (content:encoded), as paragraphs. */
  content?: string;
  pubDate?: string;
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** An RSS 2.0 feed of the given items, newest first as they are given. */
function deskFeed(name: string, items: DeskItem[]): string {
  const rendered = items.map((item) =>
    [
      '<item>',
      `<guid isPermaLink="false">${xmlText(item.id)}</guid>`,
      `<title>${xmlText(item.title)}</title>`,
      item.link ? `<link>${xmlText(item.link)}</link>` : '',
      item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : '',
      item.description ? `<description>${cdata(item.description)}</description>` : '',
      item.content
        ? `<content:encoded>${cdata(
            item.content
              .split('\n\n')
              .map((p) => `<p>${p}</p>`)
              .join(''),
          )}</content:encoded>`
        : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${xmlText(`Desk ${name}`)}</title><link>https://desk.example/${name}/</link>${rendered.join('')}</channel></rss>`;
}

interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the hand-written feed fixtures on loopback, and the cases a feed poller must survive:
 * conditional requests (ETag, Last-Modified, 304), throttling, caching hints, slow and endless bodies,
 * redirects, a site page announcing its feed. Records every request with its headers.
 */
export async function startFeedServer() {
  const requests: RecordedRequest[] = [];
  const desks = new Map<
    string,
    { items: DeskItem[]; failWith: number | null; delayMs: number; inFlight: number; maxInFlight: number }
  >();
  const deskOf = (name: string) => {
    let desk = desks.get(name);
    if (!desk) {
      desk = { items: [], failWith: null, delayMs: 0, inFlight: 0, maxInFlight: 0 };
      desks.set(name, desk);
    }
    return desk;
  };
  let version = 1;
  let base = '';
  const lastModified = () => new Date(Date.UTC(2026, 10, 20, 8, version)).toUTCString();
  const send = (res: ServerResponse, body: string | Buffer, type: string, headers: Record<string, string> = {}) =>
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);

  const routes: Record<string, Route> = {
    '/etag': (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      send(res, versionedFeed(version), 'application/rss+xml', { etag });
    },
    '/last-modified': (req, res) => {
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      if (since >= Date.parse(lastModified())) return void res.writeHead(304).end();
      send(res, versionedFeed(version), 'application/rss+xml', { 'last-modified': lastModified() });
    },
    '/cached': (_, res) =>
      send(res, feedFixture('rss2.xml'), 'application/rss+xml', { 'cache-control': 'max-age=5400' }),
    '/throttled': (_, res) =>
      res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' }).end('slow down'),
    '/unavailable': (_, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down'),
    '/gone': (_, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    '/image': (_, res) => send(res, Buffer.alloc(1024, 1), 'image/png'),
    '/feed-served-as-html': (_, res) => send(res, feedFixture('atom.xml'), 'text/html'),
    '/page-without-feed': (_, res) =>
      send(res, '<!DOCTYPE html><html><head><title>Home</title></head></html>', 'text/html'),
    '/site/': (_, res) => send(res, feedFixture('discovery.html'), 'text/html; charset=utf-8'),
    '/site/feeds/posts.atom': (_, res) => send(res, feedFixture('atom.xml'), 'application/atom+xml'),
    '/latin1': (_, res) =>
      send(
        res,
        Buffer.from(
          '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9 de la Marine</title><item><guid>l1</guid><title>R\xe9sum\xe9 des man\x9cuvres</title></item></channel></rss>',
          'latin1',
        ),
        'application/rss+xml',
      ),
    '/many-items': (_, res) => send(res, generatedFeed(2_000), 'application/rss+xml'),
    '/huge': (_, res) => {
      // No content-length, and no end: only counting while streaming stops this one.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
      const chunk = Buffer.from('<item><title>more</title></item>'.repeat(2_000));
      const pump = () => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
      };
      pump();
    },
    '/slow': (_, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<!-- . -->')), 100);
      res.on('close', () => clearInterval(timer));
    },
    '/redirect-to-feed': (_, res) => res.writeHead(301, { location: '/feeds/feed.json' }).end(),
    // 0.0.0.0 is refused even in test mode; were it not, Linux would deliver it here, to /secret.
    '/redirect-to-private': (_, res) =>
      res.writeHead(302, { location: `http://0.0.0.0:${new URL(base).port}/secret` }).end(),
    '/secret': (_, res) => send(res, feedFixture('rss2.xml'), 'application/rss+xml'),
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const deskName = /^\/desk\/([\w-]+)\.xml$/.exec(path)?.[1];
    if (deskName) {
      const desk = deskOf(deskName);
      desk.inFlight++;
      desk.maxInFlight = Math.max(desk.maxInFlight, desk.inFlight);
      res.on('close', () => desk.inFlight--);
      const answer = () => {
        if (desk.failWith) return void res.writeHead(desk.failWith, { 'content-type': 'text/plain' }).end('failing');
        const body = deskFeed(deskName, desk.items);
        const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        send(res, body, 'application/rss+xml; charset=utf-8', { etag });
      };
      if (desk.delayMs > 0) setTimeout(answer, desk.delayMs);
      else answer();
      return;
    }
    const fixture = /^\/feeds\/([\w.-]+)$/.exec(path)?.[1];
    if (fixture && TYPES[fixture]) return void send(res, feedFixture(fixture), TYPES[fixture]);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    requests,
    /** Requests made to one path, oldest first. */
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** Publishes a new version of the conditional feeds: a new item, a new ETag and Last-Modified. */
    publish() {
      version++;
    },
    /** Desk feeds (`/desk/<name>.xml`, RSS with an ETag): what a test publishes, newest first. */
    desk: {
      url: (name: string) => `${base}/desk/${name}.xml`,
      set(name: string, items: DeskItem[]) {
        deskOf(name).items = [...items];
      },
      /** Adds an item at the top, as a new story. */
      publish(name: string, item: DeskItem) {
        deskOf(name).items.unshift(item);
      },
      /** Answers every request with this HTTP status (null: serve the feed again). */
      fail(name: string, status: number | null) {
        deskOf(name).failWith = status;
      },
      /** Answers each request this long after it arrives; resets the count of requests in flight at once. */
      slow(name: string, delayMs: number) {
        const desk = deskOf(name);
        desk.delayMs = delayMs;
        desk.maxInFlight = desk.inFlight;
      },
      /** The most requests for the desk that were in flight at the same time (since `slow`). */
      maxInFlight: (name: string) => deskOf(name).maxInFlight,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;
