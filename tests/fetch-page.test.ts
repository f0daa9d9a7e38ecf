import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, type FetchLimits, fetchPage } from '../src/brief/acquire/fetch-page.js';
import { createSafeDispatcher } from '../src/brief/acquire/safe-dispatcher.js';
import { UserError } from '../src/errors.js';
import { type FixtureServer, startFixtureServer } from './stand-ins/fixture-server.js';

const limits: FetchLimits = {
  timeoutMs: 2_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowedPorts: [80, 443],
  allowLoopback: true,
};
const strictLimits: FetchLimits = { ...limits, allowLoopback: false };

let server: FixtureServer;
const testDispatcher = createSafeDispatcher({ allowLoopback: true });
// Resolves every name to this machine's loopback, which the production policy must refuse.
const resolvedToLoopback = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];
const strictDispatcher = createSafeDispatcher({ allowLoopback: false }, resolvedToLoopback);

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await testDispatcher.close();
  await strictDispatcher.close();
});

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('fetchPage', () => {
  it('fetches an HTML page', async () => {
    const page = await fetchPage(`${server.url}/news/drone-intercept`, limits, testDispatcher);
    expect(page.isHtml).toBe(true);
    expect(page.text).toContain('Captain Lena Ferris');
  });

  it('follows a redirect and reports the final address', async () => {
    const page = await fetchPage(`${server.url}/redirect`, limits, testDispatcher);
    expect(page.finalUrl).toBe(`${server.url}/news/drone-intercept`);
  });

  it('stops after the configured number of redirects', async () => {
    const error = await failure(fetchPage(`${server.url}/loop/0`, limits, testDispatcher));
    expect(error.message).toContain('redirects more than 3 times');
    expect(server.hits.get('/loop/4')).toBeUndefined();
  });

  it('decodes a windows-1252 page declared in the header', async () => {
    const page = await fetchPage(`${server.url}/latin1`, limits, testDispatcher);
    expect(page.charset).toBe('windows-1252');
    expect(page.text).toContain('a déclaré mardi que l’exercice');
    expect(page.text).toContain('les manœuvres');
  });

  it('decodes a windows-1251 page declared only in a meta tag', async () => {
    const page = await fetchPage(`${server.url}/cyrillic`, limits, testDispatcher);
    expect(page.text).toContain('Министерство обороны заявило');
  });

  it('accepts plain text', async () => {
    const page = await fetchPage(`${server.url}/plain`, limits, testDispatcher);
    expect(page.isHtml).toBe(false);
    expect(page.text).toContain('Deputy Minister Aron Velde');
  });

  it.each(['/binary', '/image'])('refuses non-text content at %s', async (path) => {
    const error = await failure(fetchPage(`${server.url}${path}`, limits, testDispatcher));
    expect(error.code).toBe('UNSUPPORTED_CONTENT');
  });

  it('refuses a body declared larger than the cap without reading it', async () => {
    expect((await failure(fetchPage(`${server.url}/declared-huge`, limits, testDispatcher))).code).toBe('TOO_LARGE');
  });

  it('stops reading an undeclared body once it passes the cap', async () => {
    expect((await failure(fetchPage(`${server.url}/huge`, limits, testDispatcher))).code).toBe('TOO_LARGE');
  });

  it('stops a gzip bomb early, counting decompressed bytes', async () => {
    const started = Date.now();
    const error = await failure(fetchPage(`${server.url}/gzip-bomb`, limits, testDispatcher));
    expect(error.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up on a server that drips bytes past the deadline', async () => {
    const started = Date.now();
    const error = await failure(fetchPage(`${server.url}/slow`, { ...limits, timeoutMs: 500 }, testDispatcher));
    expect(error.message).toContain('took too long');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports an HTTP error status', async () => {
    expect((await failure(fetchPage(`${server.url}/missing`, limits, testDispatcher))).message).toContain('HTTP 404');
  });
});

describe('SSRF refusals', () => {
  it.each([
    ['file:///etc/passwd', 'Only http and https'],
    ['ftp://example.com/x', 'Only http and https'],
    ['javascript:alert(1)', 'Only http and https'],
    ['http://user:pass@example.com/', 'user name or password'],
    ['http://example.com:22/', 'port 22'],
  ])('refuses %s before connecting', (url, message) => {
    expect(() => checkUrl(url, strictLimits)).toThrow(message);
  });

  it.each(['127.0.0.1', '127.1', '0x7f.0.0.1', '2130706433', '0177.0.0.1', '[::1]', '[::ffff:127.0.0.1]'])(
    'refuses loopback spelled %s and never reaches the server',
    async (host) => {
      const before = server.hits.get('/secret') ?? 0;
      const error = await failure(
        fetchPage(
          `http://${host}:${server.port}/secret`,
          { ...strictLimits, allowedPorts: [server.port] },
          strictDispatcher,
        ),
      );
      expect(error.code).toBe('URL_REFUSED');
      expect(server.hits.get('/secret') ?? 0).toBe(before);
    },
  );

  it('refuses a host name that resolves to a forbidden address', async () => {
    const before = server.hits.get('/secret') ?? 0;
    const url = `http://intranet.example:${server.port}/secret`;
    const error = await failure(fetchPage(url, { ...strictLimits, allowedPorts: [server.port] }, strictDispatcher));
    expect(error.code).toBe('URL_REFUSED');
    expect(error.message).toContain('private or reserved address');
    expect(server.hits.get('/secret') ?? 0).toBe(before);
  });

  it('re-checks every redirect hop: an allowed page redirecting to a forbidden address is refused', async () => {
    const before = server.hits.get('/secret') ?? 0;
    const error = await failure(fetchPage(`${server.url}/redirect-to-unspecified`, limits, testDispatcher));
    expect(server.hits.get('/redirect-to-unspecified')).toBeGreaterThan(0);
    expect(error.code).toBe('URL_REFUSED');
    expect(server.hits.get('/secret') ?? 0).toBe(before);
  });
});
