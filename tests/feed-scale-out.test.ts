import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childBotEnv } from './helpers/child-bot-env.js';
import { type DiscordStandIn, shardOf, startDiscordStandIn } from './stand-ins/discord/discord-stand-in.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { APP_ID, PERMISSIONS, type StandInGuild } from './stand-ins/discord/payloads.js';
import { type DeskItem, deskArticle, type FeedServer, startFeedServer } from './stand-ins/feed-server.js';
import { type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const REDIS_URL = process.env.REDIS_URL;
const BIN = resolve(import.meta.dirname, '../bin/sitrep.js');
const INTERVAL_S = 1;
/** Each process gets its own token, so the stand-in can tell whose REST call it received. */
const tokenOf = (name: string) => `${Buffer.from(APP_ID).toString('base64')}.stand-in.token-${name}`;

function guildOnShard(shard: number): string {
  let id = (BigInt(Date.now()) << 22n) + BigInt(Math.floor(Math.random() * 1e6));
  while (shardOf(String(id), 2) !== shard) id += 1n << 22n;
  return String(id);
}
const CHANNEL = '1430000000000000001';
const guild: StandInGuild = { id: guildOnShard(0), name: 'feed desk', channels: [{ id: CHANNEL, name: 'news' }] };
const other: StandInGuild = {
  id: guildOnShard(1),
  name: 'other',
  channels: [{ id: '1430000000000000002', name: 'x' }],
};
const admin = {
  guildId: guild.id,
  channelId: CHANNEL,
  userId: '1200000000000000095',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};

let discord: DiscordStandIn;
let api: MessagesApi;
let feeds: FeedServer;
let redis: ChildProcess | undefined;
let dir: string;
const bots = new Map<string, ChildProcess>();
// A Redis of its own: other tests' bot processes sharing a Redis would poll this test's feeds too.
const port = 6450 + Math.floor(Math.random() * 50);

beforeAll(async () => {
  [discord, api, feeds] = await Promise.all([
    startDiscordStandIn({ guilds: [guild, other] }),
    startMessagesApi(),
    startFeedServer(),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-shards-'));
});
afterAll(async () => {
  for (const bot of bots.values()) bot.kill('SIGKILL');
  redis?.kill('SIGKILL');
  await Promise.all([discord?.close(), api?.close(), feeds?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startRedis() {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const { createClient } = await import('@redis/client');
  for (const deadline = Date.now() + 10_000; ; ) {
    const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** One bot process, as shard `shard` of two, logged in with its own token; resolves when it is ready. */
function startBot(name: string, shard: number): Promise<ChildProcess> {
  const env = childBotEnv(
    { home: dir, discordApiUrl: discord.apiUrl, modelUrl: api.url, store: `redis://127.0.0.1:${port}` },
    {
      DISCORD_TOKEN: tokenOf(name),
      SITREP_LOCK_TTL_MS: '1500',
      SITREP_FEED_INTERVAL_S: String(INTERVAL_S),
      SITREP_TEST_ALLOW_LOOPBACK: '1',
      SITREP_LOG_LEVEL: process.env.SITREP_TEST_LOG_LEVEL ?? 'info',
    },
  );
  const child = spawn(process.execPath, [BIN, 'bot', '--shard-ids', String(shard), '--shard-count', '2'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  bots.set(name, child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot ${name} did not get ready`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (process.env.SITREP_TEST_LOG_LEVEL) process.stderr.write(chunk);
      if (chunk.toString().includes('"msg":"bot ready"')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`bot ${name} exited with ${code}`)));
  });
}

function item(slug: string): DeskItem {
  const article = deskArticle(slug);
  return {
    id: `${slug}-${Date.now()}`,
    title: article.title,
    link: `https://desk-news.example/${slug}`,
    content: article.text,
    pubDate: new Date().toUTCString(),
  };
}

const postsOf = (url: string) =>
  discord.calls.filter(
    (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && c.body?.embeds?.[0]?.url === url,
  );
const posted = (url: string) =>
  discord.nextCall(
    (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && c.body?.embeds?.[0]?.url === url,
    30_000,
  );
/** Resolves once the feed has been requested `count` more times: so much polling has happened. */
async function polls(count: number) {
  const target = feeds.requestsTo('/desk/shared.xml').length + count;
  for (const deadline = Date.now() + 30_000; feeds.requestsTo('/desk/shared.xml').length < target; ) {
    if (Date.now() > deadline) throw new Error('the feed was not polled');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(REDIS_URL)('feeds over one Redis, two bot processes', () => {
  it('polls each feed from one process at a time and posts each item once', async () => {
    await startRedis();
    await Promise.all([startBot('a', 0), startBot('b', 1)]);
    feeds.desk.set('shared', [item('frigates-return')]);
    const add = chatInput(admin, 'sitrep', { url: feeds.desk.url('shared'), channel: CHANNEL }, ['feed', 'add']);
    discord.inject('INTERACTION_CREATE', add);
    const reply = await discord.nextCall((c) => c.method === 'PATCH' && c.path.includes(add.token), 20_000);
    expect(reply.body.content).toContain('It has 1 item now; only new ones will be posted.');

    for (const slug of ['radar-test', 'border-exercise', 'drone-debris']) {
      const next = item(slug);
      feeds.desk.publish('shared', next);
      await posted(next.link as string);
    }
    // A feed that answers slowly invites overlapping polls; under the lease no two are in flight at
    // once, and six polls of the unchanged feed take at least five intervals (two processes polling
    // on their own would make two requests per interval).
    feeds.desk.slow('shared', 700);
    const quietFrom = Date.now();
    await polls(6);
    expect(feeds.desk.maxInFlight('shared')).toBe(1);
    expect(Date.now() - quietFrom).toBeGreaterThanOrEqual(5 * INTERVAL_S * 1000 * 0.9);
    feeds.desk.slow('shared', 0);
    for (const slug of ['frigates-return', 'radar-test', 'border-exercise', 'drone-debris']) {
      expect(postsOf(`https://desk-news.example/${slug}`)).toHaveLength(slug === 'frigates-return' ? 0 : 1);
    }
  }, 90_000);

  it('posts an item once when the process posting it is SIGKILLed before it could record the post', async () => {
    const next = item('ceasefire-talks');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    discord.holdResponses((call) =>
      call.method === 'POST' &&
      call.path === `/channels/${CHANNEL}/messages` &&
      call.body?.embeds?.[0]?.url === next.link
        ? held
        : undefined,
    );
    feeds.desk.publish('shared', next);
    const first = await posted(next.link as string);
    const poster = [...bots.keys()].find((name) => first.auth === `Bot ${tokenOf(name)}`) as string;
    const victim = bots.get(poster) as ChildProcess;
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    bots.delete(poster);
    discord.holdResponses(undefined);
    release();

    // The survivor takes the lease, waits out the landing window, finds the post in the channel's
    // recent messages, records it, and goes on with the next item.
    const lookedUp = await discord.nextCall(
      (c) => c.method === 'GET' && c.path === `/channels/${CHANNEL}/messages` && c.at > first.at,
      30_000,
    );
    const survivor = [...bots.keys()][0] as string;
    expect(lookedUp.auth).toBe(`Bot ${tokenOf(survivor)}`);
    const after = item('ammunition-contract');
    feeds.desk.publish('shared', after);
    await posted(after.link as string);
    await polls(2);
    expect(postsOf(next.link as string)).toHaveLength(1);
    expect(postsOf(after.link as string)).toHaveLength(1);
  }, 90_000);
});
