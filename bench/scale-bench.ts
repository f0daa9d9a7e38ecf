/**
 * Scale-out figures: cache-hit briefs per second from one process and from two shard processes
 * sharing Redis, and model calls for 100 concurrent identical requests spread over two processes.
 * Needs Redis (REDIS_URL, default the machine's 127.0.0.1:6379); skipped and said so without it.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { TEST_API_KEY } from '../tests/helpers/test-pipeline.js';
import { type DiscordStandIn, shardOf, startDiscordStandIn } from '../tests/stand-ins/discord/discord-stand-in.js';
import { chatInput } from '../tests/stand-ins/discord/interactions.js';
import { BOT_TOKEN, type StandInGuild } from '../tests/stand-ins/discord/payloads.js';
import { articleIn, briefFromArticle, startMessagesApi } from '../tests/stand-ins/messages-api.js';
import { startSitrepProcess, stopProcess } from './bot-processes.js';
import { type BenchRow, round } from './stats.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function guildOnShard(shard: number, salt: number): StandInGuild {
  let id = (BigInt(Date.now()) << 22n) + BigInt(salt);
  while (shardOf(String(id), 2) !== shard) id += 1n << 22n;
  return {
    id: String(id),
    name: `shard ${shard}`,
    channels: [{ id: String(1_420_000_000_000_000_000n + BigInt(shard)), name: 'news' }],
  };
}

async function redisAnswers(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

/** Sends `count` cache-hit briefs, `inFlight` at a time, spread over the given guilds; briefs per second. */
async function throughput(
  discord: DiscordStandIn,
  guilds: StandInGuild[],
  text: string,
  count: number,
  inFlight: number,
) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const guild = guilds[n % guilds.length] as StandInGuild;
      const interaction = chatInput(
        {
          guildId: guild.id,
          channelId: guild.channels[0]?.id ?? '',
          userId: String(1_800_000_000_000_000_000n + BigInt(n)),
        },
        'summarize',
        { text },
      );
      discord.inject('INTERACTION_CREATE', interaction);
      await discord.nextCall(
        (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0,
        60_000,
      );
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return count / ((performance.now() - started) / 1_000);
}

export async function runScaleBenchmark(): Promise<BenchRow[]> {
  if (!(await redisAnswers())) {
    console.log(`scale-out benchmark skipped: no Redis answers at ${REDIS_URL}`);
    return [];
  }
  const guilds = [guildOnShard(0, 11), guildOnShard(1, 12)];
  const [discord, api] = await Promise.all([startDiscordStandIn({ guilds }), startMessagesApi()]);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-'));
  const env = {
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_STORE: REDIS_URL,
  };
  // Two sentences and over 120 characters: shorter pasted text is refused before any brief.
  const text = `The navy said on Monday that a frigate had returned from patrol, a spokesman said. The crew will rest for a week. Bench ${Date.now()}.`;
  const children: ChildProcess[] = [];
  try {
    const setup = await startSitrepProcess(env, dir);
    for (const guild of guilds) {
      const admin = {
        guildId: guild.id,
        channelId: guild.channels[0]?.id ?? '',
        userId: '1800000000000000001',
        permissions: 1n << 5n,
      };
      const raise = chatInput(admin, 'sitrep', { 'user-per-hour': 1_000, 'guild-per-hour': 10_000 }, [
        'config',
        'limits',
      ]);
      discord.inject('INTERACTION_CREATE', raise);
      await discord.nextCall((c) => c.path.includes(raise.token));
    }
    await throughput(discord, guilds, text, 5, 1);
    const single = await throughput(discord, guilds, text, 200, 10);
    await stopProcess(setup);

    children.push(await startSitrepProcess(env, dir, ['--shard-ids', '0', '--shard-count', '2']));
    children.push(await startSitrepProcess(env, dir, ['--shard-ids', '1', '--shard-count', '2']));
    await throughput(discord, guilds, text, 10, 2);
    const double = await throughput(discord, guilds, text, 200, 10);

    api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 500));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    const before = api.requests.length;
    await throughput(discord, guilds, `${text} Fresh for the single-flight run.`, 100, 100);
    const modelCalls = api.requests.length - before;
    return [
      {
        figure: 'cache-hit briefs per second, 10 in flight (two shard processes)',
        sitrep: `${round(double)}`,
        reference: `one process: ${round(single)}`,
        goal: 'more with two',
        met: double > single,
      },
      {
        figure: 'model calls for 100 concurrent identical requests over two processes',
        sitrep: `${modelCalls}`,
        reference: '100 without sharing',
        goal: '1',
        met: modelCalls === 1,
      },
    ];
  } finally {
    for (const child of children) await stopProcess(child);
    await Promise.all([discord.close(), api.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
