import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childBotEnv } from './helpers/child-bot-env.js';
import { type DiscordStandIn, shardOf, startDiscordStandIn } from './stand-ins/discord/discord-stand-in.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { PERMISSIONS, type StandInGuild } from './stand-ins/discord/payloads.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const REDIS_URL = process.env.REDIS_URL;
const BIN = resolve(import.meta.dirname, '../bin/sitrep.js');

/** A fresh guild id on the given shard of two, so runs never share settings in Redis. */
function guildOnShard(shard: number): string {
  let id = (BigInt(Date.now()) << 22n) + BigInt(Math.floor(Math.random() * 1e6));
  while (shardOf(String(id), 2) !== shard) id += 1n << 22n;
  return String(id);
}
const guildA: StandInGuild = {
  id: guildOnShard(0),
  name: 'shard zero',
  channels: [{ id: '1410000000000000001', name: 'news' }],
};
const guildB: StandInGuild = {
  id: guildOnShard(1),
  name: 'shard one',
  channels: [{ id: '1410000000000000002', name: 'news' }],
};
const inA = { guildId: guildA.id, channelId: '1410000000000000001', userId: '1200000000000000091' };
const inB = { guildId: guildB.id, channelId: '1410000000000000002', userId: '1200000000000000092' };
const adminA = { ...inA, permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild };

let discord: DiscordStandIn;
let api: MessagesApi;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  [discord, api] = await Promise.all([startDiscordStandIn({ guilds: [guildA, guildB] }), startMessagesApi()]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-shards-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([discord?.close(), api?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  api.setDefault((request) => ({ text: briefFromArticle(articleIn(request) ?? '') }));
});

function env(store: string) {
  return childBotEnv(
    { home: dir, discordApiUrl: discord.apiUrl, modelUrl: api.url, store },
    { SITREP_LOCK_TTL_MS: '1500' },
  );
}

/** Starts one bot process for a shard slice and waits until that shard has logged in. */
async function startShard(shard: number, store: string): Promise<ChildProcess> {
  const before = discord.identifies.length;
  const child = spawn(process.execPath, [BIN, 'bot', '--shard-ids', String(shard), '--shard-count', '2'], {
    cwd: dir,
    env: env(store),
    stdio: ['ignore', 'ignore', process.env.SITREP_TEST_LOG_LEVEL ? 'inherit' : 'ignore'],
  });
  children.push(child);
  for (const deadline = Date.now() + 20_000; discord.identifies.length <= before; ) {
    if (Date.now() > deadline) throw new Error('shard did not log in');
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 400));
  return child;
}

const finalOf = (token: string) =>
  discord.nextCall(
    (c) =>
      c.method === 'PATCH' &&
      c.path.includes(token) &&
      (c.body?.embeds?.length > 0 || c.body?.content?.startsWith('⚠️')),
    30_000,
  );

const slowModel = (ms: number) =>
  api.setDefault(async (request) => {
    await new Promise((r) => setTimeout(r, ms));
    return { text: briefFromArticle(articleIn(request) ?? '') };
  });

describe.runIf(REDIS_URL)('scale-out over one Redis', () => {
  let shard0: ChildProcess;
  let shard1: ChildProcess;

  it('identifies each process as its own shard of two', async () => {
    shard0 = await startShard(0, REDIS_URL as string);
    shard1 = await startShard(1, REDIS_URL as string);
    expect(discord.identifies.slice(-2).map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('makes one model call for the same article asked in both shards at once, and both users get it', async () => {
    slowModel(800);
    const text = `The navy said on Monday that two frigates had left port for a month of patrols. A spokesman gave no route. Run ${Date.now()}.`;
    const before = api.requests.length;
    const a = chatInput(inA, 'summarize', { text });
    const b = chatInput(inB, 'summarize', { text });
    discord.inject('INTERACTION_CREATE', a);
    discord.inject('INTERACTION_CREATE', b);
    const [finalA, finalB] = await Promise.all([finalOf(a.token), finalOf(b.token)]);
    expect(finalA.body.embeds).toHaveLength(1);
    expect(finalB.body.embeds).toHaveLength(1);
    expect(api.requests.length - before).toBe(1);
  });

  it('sees a setting changed through shard 0 in shard 1 at once', async () => {
    const set = chatInput(adminA, 'sitrep', { emoji: '📌' }, ['config', 'claims-emoji']);
    discord.inject('INTERACTION_CREATE', set);
    await discord.nextCall((c) => c.path.includes(set.token));
    const show = chatInput(adminA, 'sitrep', {}, ['config', 'show']);
    discord.inject('INTERACTION_CREATE', show, { toShard: 1 });
    const reply = await discord.nextCall((c) => c.path.includes(show.token));
    expect(JSON.stringify(reply.body.data.embeds[0].fields)).toContain('📌');
  });

  it('lets the other process finish a brief when the lock holder is killed mid-brief', async () => {
    slowModel(3_000);
    const text = `The army said on Tuesday that it would test a new radar next week near the coast. It did not say where. Run ${Date.now()}.`;
    const before = api.requests.length;
    const a = chatInput(inA, 'summarize', { text });
    discord.inject('INTERACTION_CREATE', a);
    await discord.nextCall((c) => c.path.includes(a.token) && c.body?.content === '⏳ Summarizing…');
    for (const deadline = Date.now() + 5_000; api.requests.length === before && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const b = chatInput(inB, 'summarize', { text });
    discord.inject('INTERACTION_CREATE', b);
    await discord.nextCall((c) => c.path.includes(b.token) && c.body?.content === '⏳ Summarizing…');
    shard0.kill('SIGKILL');
    slowModel(100);
    const finalB = await finalOf(b.token);
    expect(finalB.body.embeds).toHaveLength(1);
    expect(api.requests.length - before).toBe(2);
    shard1.kill('SIGTERM');
  }, 40_000);
});

describe.runIf(REDIS_URL)('Redis trouble', () => {
  let redis: ChildProcess | undefined;
  const port = 6390 + Math.floor(Math.random() * 50);
  const store = `redis://127.0.0.1:${port}`;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 500));
  };
  afterAll(() => redis?.kill('SIGKILL'));

  it('exits with one clear line when Redis is unreachable at start', async () => {
    const child = spawn(process.execPath, [BIN, 'bot'], {
      cwd: dir,
      env: env(`redis://127.0.0.1:${port + 100}`),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(6);
    expect(stderr.trim()).toBe(
      `sitrep: Redis at 127.0.0.1:${port + 100} is unreachable; start it, or set SITREP_STORE to a sqlite:// path.`,
    );
  });

  it('keeps answering while Redis is down and recovers by itself when it returns', async () => {
    await startRedis();
    await startShard(0, store);
    const ask = async (text: string) => {
      const interaction = chatInput(inA, 'summarize', { text });
      discord.inject('INTERACTION_CREATE', interaction);
      return (await finalOf(interaction.token)).body;
    };
    const text = (n: string) =>
      `The defence ministry said on Friday that the exercise had ended, in statement ${n}. The troops taking part will return to their bases next week.`;
    expect((await ask(text('one'))).embeds[0].footer.text).toMatch(/fresh$/);

    redis?.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const whileDown = await ask(text('two'));
    expect(whileDown.embeds[0].footer.text).toMatch(/fresh$/);

    await startRedis();
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await ask(text('three'))).embeds[0].footer.text).toMatch(/fresh$/);
    expect((await ask(text('three'))).embeds[0].footer.text).toMatch(/from cache$/);
  }, 40_000);
});
