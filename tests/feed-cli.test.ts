import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli.js';
import { type FeedServer, generatedFeed, startFeedServer } from './stand-ins/feed-server.js';

const ROOT = resolve(import.meta.dirname, '..');
const FEEDS = join(ROOT, 'tests/fixtures/feeds');

let server: FeedServer;
let workDir: string;
beforeAll(async () => {
  server = await startFeedServer();
  workDir = mkdtempSync(join(tmpdir(), 'sitrep-feed-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Runs the CLI in this process with the given settings (NODE_ENV=test comes from vitest). */
async function sitrep(args: string[], env: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, {
    stdout: stdout as unknown as NodeJS.WritableStream,
    stderr: stderr as unknown as NodeJS.WritableStream,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function collector() {
  const sink = {
    text: '',
    write(chunk: string) {
      sink.text += chunk;
      return true;
    },
  };
  return sink;
}

const loopback = { SITREP_TEST_ALLOW_LOOPBACK: '1' };

describe('sitrep feed read <file>', () => {
  it.each(['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom.xml', 'feed.json'])(
    'prints %s as JSON with exactly the contract keys',
    async (name) => {
      const result = await sitrep(['feed', 'read', join(FEEDS, name), '--json']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const listing = JSON.parse(result.stdout);
      expect(Object.keys(listing)).toEqual(['feed', 'items']);
      expect(Object.keys(listing.feed)).toEqual(['title', 'url']);
      expect(listing.items.length).toBeGreaterThan(0);
      for (const item of listing.items) {
        expect(Object.keys(item)).toEqual(['id', 'title', 'url', 'publishedAt']);
        expect(item.id).toEqual(expect.any(String));
      }
    },
  );

  it('prints the Atom fixture exactly', async () => {
    const { stdout } = await sitrep(['feed', 'read', join(FEEDS, 'atom.xml'), '--json']);
    expect(JSON.parse(stdout)).toEqual({
      feed: { title: 'Strait Watch', url: 'https://strait-watch.example/blog/' },
      items: [
        {
          id: 'tag:strait-watch.example,2026:post-88',
          title: 'Tanker boarded near the narrows & released',
          url: 'https://strait-watch.example/blog/posts/tanker-boarded',
          publishedAt: '2026-11-21T06:30:00.000Z',
        },
        {
          id: 'tag:strait-watch.example,2026:post-87',
          title: 'Patrol boats escort ferries',
          url: 'https://strait-watch.example/archive/2026/escort-ferries',
          publishedAt: '2026-11-20T18:45:00.000Z',
        },
        {
          id: 'urn:uuid:7f1c3a2e-5b0d-4d8e-9a61-2c7e0f3b9d10',
          title: 'Entry with only an id',
          url: null,
          publishedAt: '2026-11-19T08:00:00.000Z',
        },
      ],
    });
  });

  it('prints the title, then one line per item with date, title and link', async () => {
    const { code, stdout } = await sitrep(['feed', 'read', join(FEEDS, 'rss2.xml')]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'Harbour Defence Review & Notes',
      '2026-11-20 08:30  Navy says destroyer downed six drones & two decoys  https://harbour-review.example/news/destroyer-drones',
      '2026-11-19 16:05  Minister’s visit to the shipyard — talks "constructive"  https://harbour-review.example/news/minister-shipyard',
      '2026-11-18 11:00  Coast guard drill postponed  https://harbour-review.example/news/drill-postponed?utm_source=rss&id=7',
      '2026-11-17 12:00  Untitled wire note with no link',
      '',
    ]);
  });

  it.each([
    ['malformed.xml', 'The feed at PATH is not well-formed, so it could not be read.'],
    [
      'billion-laughs.xml',
      'The feed at PATH declares XML entities, which are refused because they can hide an attack.',
    ],
    ['xxe.xml', 'The feed at PATH declares XML entities, which are refused because they can hide an attack.'],
    ['discovery.html', 'PATH is not an RSS, Atom or JSON feed.'],
  ])('refuses %s with one line and exit status 2', async (name, sentence) => {
    const path = join(FEEDS, name);
    const result = await sitrep(['feed', 'read', path]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `sitrep: ${sentence.replace('PATH', path)}\n` });
  });

  it('refuses a missing file, and a file over the size cap without parsing it', async () => {
    expect(await sitrep(['feed', 'read', join(workDir, 'nope.xml')])).toMatchObject({ code: 2 });
    const big = join(workDir, 'big.xml');
    writeFileSync(big, generatedFeed(1_000));
    const result = await sitrep(['feed', 'read', big], { SITREP_FETCH_MAX_BYTES: '65536' });
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: `sitrep: ${big} is larger than 64 KB, so it was not read.\n`,
    });
  });
});

describe('sitrep feed read <url>', () => {
  it('fetches a feed through the guarded fetch in test mode', async () => {
    const result = await sitrep(['feed', 'read', `${server.url}/feeds/rdf.xml`, '--json'], loopback);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).feed).toEqual({ title: 'Border Monitor', url: 'https://border-monitor.example/' });
  });

  it('finds the feed of a site page', async () => {
    const result = await sitrep(['feed', 'read', `${server.url}/site/`], loopback);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Strait Watch');
  });

  it('refuses the loopback server outside test mode, with exit status 3', async () => {
    const before = server.requests.length;
    const result = await sitrep(['feed', 'read', `${server.url}/feeds/rss2.xml`]);
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: 'sitrep: 127.0.0.1 is a private or reserved address, so it is refused.\n',
    });
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['/slow', { SITREP_FETCH_TIMEOUT_MS: '500' }, '127.0.0.1 took too long to answer.'],
    ['/throttled', {}, '127.0.0.1 asked to be polled again after'],
    ['/gone', {}, '127.0.0.1 answered with HTTP 404.'],
  ])('reports %s with one line and exit status 4', async (path, env, sentence) => {
    const result = await sitrep(['feed', 'read', `${server.url}${path}`], { ...loopback, ...env });
    expect(result.code).toBe(4);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(sentence);
  });
});

describe('sitrep feed: usage', () => {
  it('prints its help, and the main help lists it', async () => {
    for (const args of [['feed', '--help'], ['feed'], ['feed', 'read', '-h']]) {
      const result = await sitrep(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: sitrep feed read <url | file> [--json]');
    }
    expect((await sitrep(['--help'])).stdout).toContain('feed read <url | file> [--json]');
  });

  it.each([
    [['feed', 'list'], 'sitrep: Unknown feed action "list" (see sitrep feed --help).\n'],
    [['feed', 'read'], 'sitrep: Give exactly one feed URL or file (see sitrep feed --help).\n'],
    [['feed', 'read', '--bogus'], "sitrep: Unknown option '--bogus'. See sitrep feed --help.\n"],
  ])('refuses %j with exit status 2', async (args, stderr) => {
    expect(await sitrep(args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('the installed entry point', () => {
  it('prints the same JSON as the in-process CLI', async () => {
    const path = join(FEEDS, 'feed.json');
    const child = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin/sitrep.js'), 'feed', 'read', path, '--json'],
      {
        cwd: workDir,
        env: { PATH: process.env.PATH, HOME: workDir },
        timeout: 60_000,
      },
    );
    const inProcess = await sitrep(['feed', 'read', path, '--json']);
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });
});
