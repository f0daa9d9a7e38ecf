import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchLimits, fetchPage } from '../src/brief/acquire/fetch-page.js';
import { type ConnectorFactory, createSafeDispatcher } from '../src/brief/acquire/safe-dispatcher.js';
import { UserError } from '../src/errors.js';
import { type FixtureServer, startFixtureServer } from './stand-ins/fixture-server.js';

/**
 * Every probe must be refused before a connection to its target is attempted. The connector here
 * stands where the socket would open: it records the address it was handed and connects nowhere,
 * so a broken guard shows up as a recorded attempt, never as traffic.
 */
const attempts: string[] = [];
const recordingConnector: ConnectorFactory = (build) => (options, callback) => {
  const lookup = (
    build as unknown as { lookup: (h: string, o: object, cb: (e: Error | null, a?: unknown) => void) => void }
  ).lookup;
  lookup(options.hostname, {}, (error, address) => {
    if (error) return callback(error, null);
    attempts.push(`${options.hostname} -> ${String(address)}`);
    callback(new Error('test connector: no connection is made'), null);
  });
};

const names: Record<string, string[]> = {
  'localtest.example': ['127.0.0.1'],
  'metadata.google.internal': ['169.254.169.254'],
  'intranet.example': ['10.1.1.1'],
  'mixed.example': ['93.184.216.34', '10.0.0.5'],
  'v6local.example': ['fd00::1'],
  'mapped.example': ['::ffff:192.168.0.1'],
  'cgnat.example': ['100.100.100.100'],
  'public.example': ['93.184.216.34'],
};
const resolve = async (hostname: string): Promise<LookupAddress[]> =>
  (names[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const limits: FetchLimits = {
  timeoutMs: 2_000,
  maxBytes: 1 << 20,
  maxRedirects: 3,
  allowedPorts: [80, 443],
  allowLoopback: false,
};
const dispatcher = createSafeDispatcher({ allowLoopback: false }, resolve, recordingConnector);

async function refusal(url: string, fetchLimits = limits, using = dispatcher): Promise<UserError> {
  attempts.length = 0;
  const error = await fetchPage(url, fetchLimits, using).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(UserError);
  expect(attempts, `no connection attempt for ${url}`).toEqual([]);
  return error as UserError;
}

const literalProbes = [
  'http://127.0.0.1/',
  'http://127.1/',
  'http://0x7f.1/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://0177.0.0.1/',
  'http://017700000001/',
  'http://127.000.000.001/',
  'http://0.0.0.0/',
  'http://0/',
  'http://[::1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[0:0:0:0:0:ffff:7f00:1]/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://172.31.255.255/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://[fc00::1]/',
  'http://[fe80::1]/',
  'http://[ff02::1]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://198.18.0.1/',
  'http://240.0.0.1/',
];

const nameProbes = Object.keys(names)
  .filter((n) => n !== 'public.example')
  .map((n) => `http://${n}/`);

const urlProbes: [string, string][] = [
  ['file:///etc/passwd', 'Only http and https'],
  ['ftp://example.com/file', 'Only http and https'],
  ['gopher://example.com/', 'Only http and https'],
  ['data:text/html,<p>hi</p>', 'Only http and https'],
  ['javascript:alert(1)', 'Only http and https'],
  ['http://user:pass@public.example/', 'user name or password'],
  ['http://user@public.example/', 'user name or password'],
  ['http://public.example:6379/', 'port 6379'],
  ['https://public.example:22/', 'port 22'],
  ['http://public.example:8081/', 'port 8081'],
];

describe('SSRF probes, each refused before any connection', () => {
  it('counts at least 40 probes', () => {
    expect(literalProbes.length + nameProbes.length + urlProbes.length + 5).toBeGreaterThanOrEqual(40);
  });

  it.each(literalProbes)('refuses the address literal %s', async (url) => {
    expect((await refusal(url)).code).toBe('URL_REFUSED');
  });

  it.each(nameProbes)('refuses %s, a name resolving to a forbidden address', async (url) => {
    const error = await refusal(url);
    expect(error.code).toBe('URL_REFUSED');
    expect(error.message).toContain('private or reserved address');
  });

  it.each(urlProbes)('refuses %s', async (url, message) => {
    const error = await refusal(url);
    expect(error.message).toContain(message);
  });

  it('does attempt a public address, so the recording connector is really on the path', async () => {
    attempts.length = 0;
    await fetchPage('http://public.example/', limits, dispatcher).catch(() => {});
    expect(attempts).toEqual(['public.example -> 93.184.216.34']);
  });

  it('allows other ports only when configured', async () => {
    attempts.length = 0;
    await fetchPage('http://public.example:8081/', { ...limits, allowedPorts: [8081] }, dispatcher).catch(() => {});
    expect(attempts).toHaveLength(1);
  });
});

describe('redirect probes', () => {
  let server: FixtureServer;
  // Test mode admits the loopback fixture server for the first hop only; each target is checked anew.
  const testDispatcher = createSafeDispatcher({ allowLoopback: true });
  const testLimits = { ...limits, allowLoopback: true };
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
    await testDispatcher.close();
  });

  it.each([
    ['a private address', 'http://0.0.0.0:PORT/secret', 'URL_REFUSED'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/', 'URL_REFUSED'],
    ['another scheme', 'ftp://public.example/file', 'URL_REFUSED'],
    ['a URL with credentials', 'http://admin:admin@public.example/', 'URL_REFUSED'],
    ['an unusual port', 'http://public.example:25/', 'URL_REFUSED'],
  ])('refuses a redirect to %s', async (_, target, code) => {
    const before = server.hits.get('/secret') ?? 0;
    const url = `${server.url}/redirect-to?u=${encodeURIComponent(target.replace('PORT', String(server.port)))}`;
    const error = await fetchPage(url, testLimits, testDispatcher).catch((e: unknown) => e);
    expect((error as UserError).code).toBe(code);
    expect(server.hits.get('/secret') ?? 0).toBe(before);
  });

  it('refuses too many redirects', async () => {
    const error = await fetchPage(`${server.url}/loop/0`, testLimits, testDispatcher).catch((e: unknown) => e);
    expect((error as UserError).message).toContain('redirects more than 3 times');
  });
});
