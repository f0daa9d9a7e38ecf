/**
 * The feed side of the feed benchmark: many RSS feeds of 100 items each, served from several loopback
 * addresses (hosts), with ETags. Counts what it sends and how it answers polls of unchanged feeds.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const ITEM_WORDS =
  'The ministry said on Monday that the exercise would continue through the week near the coast, officials told reporters.';

function itemXml(feed: number, n: number): string {
  const day = new Date(Date.UTC(2026, 10, 1) + n * 600_000).toUTCString();
  return `<item><guid isPermaLink="false">f${feed}-i${n}</guid><title>Feed ${feed} item ${n}: drills continue</title><link>https://outlet-${feed}.example/news/${n}</link><pubDate>${day}</pubDate><description>${ITEM_WORDS}</description></item>`;
}

interface HostedFeed {
  /** Number of the newest item; the feed carries the 100 before it too. */
  newest: number;
  body: Buffer;
  etag: string;
  /** The ETag last served with a full answer: a poll carrying it is a poll of an unchanged feed. */
  lastServed: string | null;
}

interface HostCounters {
  requests: number;
  bytes: number;
  notModified: number;
  /** Polls of a feed that had not changed since the poller last got it in full. */
  unchangedPolls: number;
}

export async function startFeedHost(options: { feeds: number; hosts: number; itemsPerFeed: number }) {
  const feeds: HostedFeed[] = [];
  const render = (index: number, newest: number): HostedFeed => {
    const items = Array.from({ length: options.itemsPerFeed }, (_, k) => itemXml(index, newest - k));
    const body = Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${index}</title><link>https://outlet-${index}.example/</link>${items.join('')}</channel></rss>`,
    );
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    return { newest, body, etag, lastServed: feeds[index]?.lastServed ?? null };
  };
  for (let i = 0; i < options.feeds; i++) feeds.push(render(i, options.itemsPerFeed));
  let conditional = true;
  const counters: HostCounters = { requests: 0, bytes: 0, notModified: 0, unchangedPolls: 0 };

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer) => {
    // Bytes on the wire, near enough: the status line and headers as sent, and the body.
    const head = `HTTP/1.1 ${status}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}date: ${new Date().toUTCString()}\r\nconnection: keep-alive\r\n\r\n`;
    counters.bytes += head.length + (body?.length ?? 0);
    res.writeHead(status, headers).end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const index = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
    const feed = feeds[index];
    if (!feed) return send(res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
    counters.requests++;
    const unchanged = feed.lastServed === feed.etag;
    if (unchanged) counters.unchangedPolls++;
    if (conditional && req.headers['if-none-match'] === feed.etag) {
      counters.notModified++;
      return send(res, 304, { etag: feed.etag });
    }
    feed.lastServed = feed.etag;
    send(
      res,
      200,
      { 'content-type': 'application/rss+xml', 'content-length': String(feed.body.length), etag: feed.etag },
      feed.body,
    );
  };

  const servers: Server[] = [];
  const urls: string[] = [];
  for (let h = 0; h < options.hosts; h++) {
    const server = createServer(handle);
    server.keepAliveTimeout = 60_000;
    const address = `127.0.1.${h + 1}`;
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    urls.push(`http://${address}:${(server.address() as AddressInfo).port}`);
  }
  return {
    /** Feed i is served by host i mod hosts. */
    feedUrls: feeds.map((_, i) => `${urls[i % urls.length]}/feed/${i}.xml`),
    counters,
    reset() {
      Object.assign(counters, { requests: 0, bytes: 0, notModified: 0, unchangedPolls: 0 });
    },
    /** Whether If-None-Match is honoured (a server that ignores it answers every poll in full). */
    setConditional(on: boolean) {
      conditional = on;
    },
    /** Publishes one new item in `count` feeds chosen at random. */
    publish(count: number) {
      for (let k = 0; k < count; k++) {
        const index = Math.floor(Math.random() * feeds.length);
        feeds[index] = render(index, (feeds[index] as HostedFeed).newest + 1);
      }
    },
    async close() {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
