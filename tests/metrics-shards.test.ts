import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childBotEnv } from './helpers/child-bot-env.js';
import { freePort, health, healthBecomes, metricNames, sample, scrape, waitFor } from './helpers/metrics-endpoint.js';
import { shardOf, startDiscordStandIn } from './stand-ins/discord/discord-stand-in.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import type { StandInGuild } from './stand-ins/discord/payloads.js';
import { startMessagesApi } from './stand-ins/messages-api.js';

const BIN = resolve(import.meta.dirname, '../bin/sitrep.js');
const article = (n: string) =>
  `The coastguard said on Thursday that it had escorted a damaged cargo ship, in report ${n}, into port. A spokesman said nobody on board was hurt and that divers would inspect the hull.`;

/** A guild id that Discord routes to the given shard of two. */
function guildOnShard(shard: number, n: number): StandInGuild {
  let id = (BigInt(Date.now()) << 22n) + BigInt(n);
  while (shardOf(String(id), 2) !== shard) id += 1n << 22n;
  return { id: String(id), name: `shard ${shard}`, channels: [{ id: `14200000000000000${shard}${n}`, name: 'news' }] };
}

describe('--shards auto', () => {
  it('serves one /healthz and /metrics for the whole tree on SITREP_METRICS_PORT, merged across shard processes', async () => {
    const guilds = [guildOnShard(0, 1), guildOnShard(1, 2)];
    const [discord, api] = await Promise.all([
      startDiscordStandIn({ guilds, recommendedShards: 2 }),
      startMessagesApi(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-metrics-auto-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const manager = spawn(process.execPath, [BIN, 'bot', '--shards', 'auto'], {
      cwd: dir,
      env: childBotEnv(
        { home: dir, discordApiUrl: discord.apiUrl, modelUrl: api.url, store: `sqlite://${join(dir, 'store.sqlite')}` },
        { SITREP_METRICS_PORT: String(port), SITREP_ENGINE: 'offline' },
      ),
      stdio: ['ignore', 'ignore', process.env.SITREP_TEST_LOG_LEVEL ? 'inherit' : 'ignore'],
    });
    try {
      // 503 while the shard processes start (the shards inherit the port setting but must not bind it).
      await waitFor(async () => health(base).catch(() => undefined), 'the manager to listen');
      expect((await healthBecomes(base, 200)).body).toBe('{"status":"ok"}\n');
      expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);

      for (const [n, guild] of guilds.entries()) {
        const interaction = chatInput({ guildId: guild.id, channelId: guild.channels[0]?.id as string }, 'summarize', {
          text: article(`shard-${n}`),
        });
        discord.inject('INTERACTION_CREATE', interaction);
        await discord.nextCall(
          (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0,
        );
      }
      const text = await scrape(base);
      expect(sample(text, 'sitrep_briefs_total', { door: 'summarize', engine: 'offline', outcome: 'delivered' })).toBe(
        2,
      );
      for (const shard of ['0', '1']) {
        expect(sample(text, 'sitrep_shard_up', { shard })).toBe(1);
        expect(sample(text, 'sitrep_gateway_up', { shard })).toBe(1);
      }
      expect(metricNames(text).filter((name) => !name.startsWith('sitrep_'))).toEqual([]);
      expect(sample(text, 'sitrep_process_resident_memory_bytes')).toBeGreaterThan(0);
      expect((await fetch(`${base}/nope`)).status).toBe(404);

      manager.kill('SIGTERM');
      expect(await new Promise((r) => manager.once('exit', r))).toBe(0);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      manager.kill('SIGKILL');
      await Promise.all([discord.close(), api.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
