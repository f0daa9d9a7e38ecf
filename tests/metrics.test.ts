import { type ChildProcess, spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { health, healthBecomes, metricNames, sample, scrape, waitFor } from './helpers/metrics-endpoint.js';
import { GUILD, NEWS, startTestBot, type TestBot } from './helpers/test-bot.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { PERMISSIONS } from './stand-ins/discord/payloads.js';
import { startFeedServer } from './stand-ins/feed-server.js';
import { articleIn, briefFromArticle } from './stand-ins/messages-api.js';

const reader = { guildId: GUILD.id, channelId: NEWS };
const article = (n: string) =>
  `The coastguard said on Thursday that it had escorted a damaged cargo ship, in report ${n}, into port. A spokesman said nobody on board was hurt and that divers would inspect the hull.`;

describe('health and metrics of the bot', () => {
  let t: TestBot;
  let base: string;
  beforeAll(async () => {
    t = await startTestBot({ env: { SITREP_METRICS_PORT: '0' }, heartbeatIntervalMs: 300 });
    const address = t.bot.metricsAddress;
    if (!address) throw new Error('the bot serves no metrics');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const finalOf = (token: string) =>
    t.waitForCall(
      (c) =>
        c.method === 'PATCH' &&
        c.path.includes(token) &&
        ((c.body?.embeds?.length ?? 0) > 0 || c.body?.content?.startsWith('⚠️')),
    );
  const summarize = async (options: Record<string, string>) => {
    const interaction = chatInput(reader, 'summarize', options);
    t.discord.inject('INTERACTION_CREATE', interaction);
    return finalOf(interaction.token);
  };

  it('answers /healthz 200 once connected, on 127.0.0.1 only by default', async () => {
    expect(await health(base)).toEqual({ status: 200, body: '{"status":"ok"}\n' });
    expect(t.bot.metricsAddress?.host).toBe('127.0.0.1');
    const outward = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (outward) {
      const port = t.bot.metricsAddress?.port;
      await expect(fetch(`http://${outward.address}:${port}/healthz`)).rejects.toThrow();
    }
  });

  it('exposes sitrep_ metrics, default process metrics included, and 404 elsewhere', async () => {
    const names = metricNames(await scrape(base));
    for (const name of [
      'sitrep_briefs_total',
      'sitrep_brief_duration_seconds',
      'sitrep_refusals_total',
      'sitrep_cache_lookups_total',
      'sitrep_model_tokens_total',
      'sitrep_model_duration_seconds',
      'sitrep_fetch_duration_seconds',
      'sitrep_feed_polls_total',
      'sitrep_gateway_ping_seconds',
      'sitrep_gateway_up',
      'sitrep_process_resident_memory_bytes',
      'sitrep_nodejs_eventloop_lag_seconds',
    ])
      expect(names).toContain(name);
    expect(names.filter((name) => !name.startsWith('sitrep_'))).toEqual([]);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics.json`)).status).toBe(404);
  });

  it('counts a /summarize brief by door, engine and outcome, its model tokens by kind, and a cache hit on the repeat', async () => {
    const text = article(`tokens-${Date.now()}`);
    t.api.enqueue((request) => ({
      text: briefFromArticle(articleIn(request) ?? ''),
      usage: {
        input_tokens: 1234,
        output_tokens: 321,
        cache_read_input_tokens: 2048,
        cache_creation_input_tokens: 512,
      },
    }));
    const modelCalls = t.api.requests.length;
    const delivered = { door: 'summarize', engine: 'anthropic', outcome: 'delivered' };
    const before = await scrape(base);
    expect((await summarize({ text })).body.embeds).toHaveLength(1);
    expect(t.api.requests.length - modelCalls).toBe(1);
    const after = await scrape(base);
    const grew = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(grew('sitrep_briefs_total', delivered)).toBe(1);
    expect(grew('sitrep_cache_lookups_total', { cache: 'brief', result: 'miss' })).toBe(1);
    expect(grew('sitrep_model_tokens_total', { engine: 'anthropic', kind: 'input' })).toBe(1234);
    expect(grew('sitrep_model_tokens_total', { engine: 'anthropic', kind: 'output' })).toBe(321);
    expect(grew('sitrep_model_tokens_total', { engine: 'anthropic', kind: 'cache_read' })).toBe(2048);
    expect(grew('sitrep_model_tokens_total', { engine: 'anthropic', kind: 'cache_write' })).toBe(512);
    expect(grew('sitrep_model_duration_seconds_count', { engine: 'anthropic', outcome: 'ok' })).toBe(1);

    expect((await summarize({ text })).body.embeds[0].footer.text).toMatch(/from cache$/);
    const repeat = await scrape(base);
    expect(
      (sample(repeat, 'sitrep_briefs_total', delivered) ?? 0) - (sample(after, 'sitrep_briefs_total', delivered) ?? 0),
    ).toBe(1);
    const hits = (s: string) => sample(s, 'sitrep_cache_lookups_total', { cache: 'brief', result: 'hit' }) ?? 0;
    expect(hits(repeat) - hits(after)).toBe(1);
    const input = (s: string) => sample(s, 'sitrep_model_tokens_total', { engine: 'anthropic', kind: 'input' });
    expect(input(repeat)).toBe(input(after));
  });

  it('times a page fetch and counts the article cache', async () => {
    const before = await scrape(base);
    await summarize({ url: `${t.fixtures.url}/news/drone-intercept?run=${Date.now()}` });
    const after = await scrape(base);
    const grew = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(grew('sitrep_fetch_duration_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(grew('sitrep_fetch_duration_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(grew('sitrep_cache_lookups_total', { cache: 'article', result: 'miss' })).toBe(1);
  });

  it('counts a scheduled feed poll by its outcome', async () => {
    const feeds = await startFeedServer();
    try {
      const admin = {
        ...reader,
        userId: '1200000000000000090',
        permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
      };
      const add = chatInput(admin, 'sitrep', { url: `${feeds.url}/etag`, channel: NEWS }, ['feed', 'add']);
      t.discord.inject('INTERACTION_CREATE', add);
      const answer = await t.waitForCall(
        (c) => c.path.includes(add.token) && (c.method === 'PATCH' || (c.method === 'POST' && c.body?.type === 4)),
      );
      const content: string = answer.method === 'PATCH' ? answer.body.content : answer.body.data.content;
      const id = /\(`([a-z2-9]{5})`\)/.exec(content)?.[1];
      if (!id) throw new Error(`no feed added: ${content}`);
      const before = await scrape(base);
      await t.bot.feeds.pollNow(id);
      const after = await scrape(base);
      const labels = { outcome: 'not_modified' };
      // The feed has not changed since it was added, so the poll is answered 304.
      expect(
        (sample(after, 'sitrep_feed_polls_total', labels) ?? 0) -
          (sample(before, 'sitrep_feed_polls_total', labels) ?? 0),
      ).toBe(1);
    } finally {
      await feeds.close();
    }
  });

  it('counts a refusal by its reason', async () => {
    const before = await scrape(base);
    expect((await summarize({ text: 'Too short.' })).body.content).toMatch(/^⚠️/);
    const after = await scrape(base);
    const labels = { door: 'summarize', reason: 'BAD_INPUT' };
    expect(
      (sample(after, 'sitrep_refusals_total', labels) ?? 0) - (sample(before, 'sitrep_refusals_total', labels) ?? 0),
    ).toBe(1);
    const refused = { door: 'summarize', engine: 'none', outcome: 'refused' };
    expect(
      (sample(after, 'sitrep_briefs_total', refused) ?? 0) - (sample(before, 'sitrep_briefs_total', refused) ?? 0),
    ).toBe(1);
  });

  it('reports the gateway ping once a heartbeat is acknowledged', async () => {
    const ping = await waitFor(
      async () => sample(await scrape(base), 'sitrep_gateway_ping_seconds', { shard: '0' }),
      'a ping',
    );
    expect(ping).toBeGreaterThanOrEqual(0);
    expect(ping).toBeLessThan(1);
    expect(sample(await scrape(base), 'sitrep_gateway_up', { shard: '0' })).toBe(1);
  });

  it('answers 503 "gateway disconnected" while the gateway is down, and 200 once it is back', async () => {
    t.discord.setGatewayOpen(false);
    try {
      expect(await healthBecomes(base, 503)).toEqual({
        status: 503,
        body: '{"status":"unhealthy","reason":"gateway disconnected"}\n',
      });
      expect(sample(await scrape(base), 'sitrep_gateway_up', { shard: '0' })).toBe(0);
    } finally {
      t.discord.setGatewayOpen(true);
    }
    expect((await healthBecomes(base, 200)).body).toBe('{"status":"ok"}\n');
  }, 40_000);

  it('answers 503 when the SQLite store does not answer (another process holds it locked), and 200 once released', async () => {
    const locker = new KeyvSqlite({ uri: t.config.store });
    await locker.query('BEGIN EXCLUSIVE');
    try {
      expect(await healthBecomes(base, 503)).toEqual({
        status: 503,
        body: '{"status":"unhealthy","reason":"sqlite store did not answer within 1000 ms"}\n',
      });
    } finally {
      await locker.query('ROLLBACK');
      await locker.disconnect();
    }
    expect((await healthBecomes(base, 200)).body).toBe('{"status":"ok"}\n');
  }, 30_000);
});

describe.runIf(process.env.REDIS_URL)('health with a Redis store', () => {
  const port = 6450 + Math.floor(Math.random() * 50);
  let redis: ChildProcess | undefined;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 500));
  };
  afterAll(() => redis?.kill('SIGKILL'));

  it('answers 503 "redis store unreachable" when Redis stops, and 200 when it is back', async () => {
    await startRedis();
    const t = await startTestBot({
      env: { SITREP_METRICS_PORT: '0', SITREP_STORE: `redis://127.0.0.1:${port}` },
    });
    try {
      const base = `http://127.0.0.1:${t.bot.metricsAddress?.port}`;
      expect((await health(base)).status).toBe(200);
      redis?.kill('SIGKILL');
      expect(await healthBecomes(base, 503)).toEqual({
        status: 503,
        body: '{"status":"unhealthy","reason":"redis store unreachable"}\n',
      });
      await startRedis();
      expect((await healthBecomes(base, 200)).body).toBe('{"status":"ok"}\n');
    } finally {
      await t.close();
    }
  }, 40_000);
});
