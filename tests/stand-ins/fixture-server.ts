import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PAGES = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const STORIES = fileURLToPath(new URL('../fixtures/stories/', import.meta.url));

function fixturePage(name: string): string {
  return readFileSync(`${PAGES}${name}`, 'utf8');
}

/** One fictional report of an event, as tests/fixtures/stories/<event>.json gives it. */
export interface StoryArticle {
  slug: string;
  outlet: string;
  /** Where the outlet would publish it: feed items link here; the fixture server serves it at /stories/<slug>. */
  link: string;
  publishedAt: string;
  title: string;
  /** Paragraphs separated by a blank line. */
  text: string;
}

/** The reports of one fictional event (or of an unrelated one), by file name without `.json`. */
export function storyArticles(event: string): StoryArticle[] {
  return (JSON.parse(readFileSync(`${STORIES}${event}.json`, 'utf8')) as { articles: StoryArticle[] }).articles;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A report as its outlet's page: the outlet named in its metadata (the registry knows it by name), then the text. */
function storyPage(article: StoryArticle): string {
  const paragraphs = article.text.split(/\n\n/).map((p) => `<p>${escapeHtml(p)}</p>`);
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(article.title)}</title>`,
    `<meta property="og:title" content="${escapeHtml(article.title)}">`,
    `<meta property="og:site_name" content="${escapeHtml(article.outlet)}">`,
    `<meta property="article:published_time" content="${article.publishedAt}">`,
    '</head><body><main><article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    ...paragraphs,
    '</article></main></body></html>',
  ].join('\n');
}

/** Every report in tests/fixtures/stories/. */
const allStoryArticles = () =>
  readdirSync(STORIES)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => storyArticles(name.slice(0, -'.json'.length)));

// Written in windows-1252 and declared in the header: "é" and "’" must survive decoding.
const LATIN1_PAGE = `<!DOCTYPE html><html lang="fr"><head><title>Exercice naval</title></head><body><article>
<h1>Exercice naval au large de Brest</h1>
<p>La marine a déclaré mardi que l’exercice réunissait douze bâtiments et trois sous-marins venus de quatre pays alliés.</p>
<p>Le porte-parole a précisé que les manœuvres dureraient une semaine et qu’aucun tir réel n’était prévu près des côtes.</p>
<p>Des pêcheurs de la région ont demandé à être mieux informés des zones interdites pendant la durée de l’exercice.</p>
</article></body></html>`;

// No charset in the header: the meta declaration says windows-1251.
const CYRILLIC_PAGE = `<!DOCTYPE html><html lang="ru"><head><meta charset="windows-1251"><title>Учения</title></head><body><article>
<h1>Учения на полигоне</h1>
<p>Министерство обороны заявило в среду, что учения проходят по плану и завершатся в пятницу на северном полигоне.</p>
<p>По словам представителя ведомства, в учениях участвуют около двух тысяч военнослужащих и сто единиц техники.</p>
</article></body></html>`;

/** windows-1251 maps А..я to 0xC0..0xFF and Ё/ё to 0xA8/0xB8; ASCII stays as it is. */
function encodeWindows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      throw new Error(`no windows-1251 byte for ${ch}`);
    }),
  );
}

type Route = (res: ServerResponse, hits: Map<string, number>) => void;

/**
 * Serves the hand-written fixture pages and the awkward cases a fetcher must survive: redirects,
 * oversized and slow bodies, binary content, legacy charsets. Counts hits per path so tests can
 * prove a refused request never arrived.
 */
export async function startFixtureServer() {
  const hits = new Map<string, number>();
  const log: { path: string; at: number }[] = [];
  let bomb: Buffer | undefined;
  let base = '';
  const html = (res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8') =>
    res.writeHead(200, { 'content-type': type }).end(body);

  const routes: Record<string, Route> = {
    '/news/drone-intercept': (res) => html(res, fixturePage('drone-intercept.html')),
    '/plain': (res) => html(res, fixturePage('plain-article.txt'), 'text/plain; charset=utf-8'),
    '/latin1': (res) =>
      html(
        res,
        Buffer.from(LATIN1_PAGE.replaceAll('’', '\x92').replaceAll('œ', '\x9c'), 'latin1'),
        'text/html; charset=windows-1252',
      ),
    '/cyrillic': (res) => html(res, encodeWindows1251(CYRILLIC_PAGE), 'text/html'),
    '/redirect': (res) => res.writeHead(302, { location: '/news/drone-intercept' }).end(),
    '/redirect-absolute': (res) => res.writeHead(301, { location: `${base}/news/drone-intercept` }).end(),
    // 0.0.0.0 is refused even in test mode; were it not, Linux would deliver it here, to /secret.
    '/redirect-to-unspecified': (res) =>
      res.writeHead(302, { location: `http://0.0.0.0:${new URL(base).port}/secret` }).end(),
    '/secret': (res) => html(res, '<p>internal only</p>'),
    '/binary': (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(2048, 7)),
    '/image': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048, 1)),
    '/missing': (res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
    '/declared-huge': (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.end();
    },
    '/huge': (res) => {
      // No content-length: only counting while streaming can stop this one.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/gzip-bomb': (res) => {
      // About 50 KB on the wire, 64 MB once decompressed.
      bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 });
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      res.end(bomb);
    },
    '/slow': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<p>.</p>')), 100);
      res.on('close', () => clearInterval(timer));
    },
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    log.push({ path, at: performance.now() });
    const target = path === '/redirect-to' ? new URL(req.url ?? '/', 'http://x').searchParams.get('u') : null;
    if (target) {
      res.writeHead(302, { location: target }).end();
      return;
    }
    const notArticle = /^\/not-article\/([a-z0-9-]+)$/.exec(path);
    if (notArticle) {
      const page = readFileSync(`${PAGES}../not-articles/${notArticle[1]}.html`, 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const variant = /^\/variant\/(\d+)$/.exec(path);
    if (variant) {
      // The same page with one paragraph of its own, so each variant is a different article.
      const page = fixturePage('drone-intercept.html').replace(
        '</article>',
        `<p>This is edition ${variant[1]} of the report.</p></article>`,
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const story = /^\/stories\/([a-z0-9-]+)$/.exec(path);
    const article = story && allStoryArticles().find((a) => a.slug === story[1]);
    if (article) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage(article));
      return;
    }
    const loop = /^\/loop\/(\d+)$/.exec(path);
    if (loop) {
      res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` }).end();
      return;
    }
    const route = routes[path];
    if (route) route(res, hits);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    hits,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;
