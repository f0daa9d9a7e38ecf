import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { GUILD, NEWS, startTestBot } from './helpers/test-bot.js';
import { startDiscordStandIn } from './stand-ins/discord/discord-stand-in.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { APP_ID, BOT_TOKEN } from './stand-ins/discord/payloads.js';
import { articleIn, briefFromArticle } from './stand-ins/messages-api.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('bot lifecycle', () => {
  it('finishes an in-flight brief on shutdown, then leaves the gateway', async () => {
    const t = await startTestBot();
    try {
      t.api.setDefault(async (request) => {
        await new Promise((r) => setTimeout(r, 500));
        return { text: briefFromArticle(articleIn(request) ?? '') };
      });
      const interaction = chatInput({ guildId: GUILD.id, channelId: NEWS }, 'summarize', {
        text: 'A navy spokesman said on Friday that the frigate returned to port after a week of patrols in the strait. He said the crew would rest before the next patrol.',
      });
      t.discord.inject('INTERACTION_CREATE', interaction);
      await t.waitForCall((c) => c.path.includes(interaction.token) && c.body?.content === '⏳ Summarizing…');
      expect(t.discord.connections()).toBe(1);
      await t.bot.stop();
      expect(t.callsFor(interaction.token).some((c) => c.body?.embeds?.length > 0)).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(t.discord.connections()).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('registers every command with one bulk overwrite, for a guild or globally', async () => {
    const t = await startTestBot();
    try {
      const names = await deployCommands({ token: BOT_TOKEN, apiUrl: t.discord.apiUrl, guildId: GUILD.id });
      expect(names).toEqual(['summarize', 'Summarize article', 'compare', 'sitrep']);
      const put = await t.waitForCall((c) => c.method === 'PUT');
      expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD.id}/commands`);
      const sitrep = put.body.find((c: { name: string }) => c.name === 'sitrep');
      expect(sitrep.default_member_permissions).toBe(String(1 << 5));
      const menu = put.body.find((c: { name: string }) => c.name === 'Summarize article');
      expect(menu.type).toBe(3);

      await deployCommands({ token: BOT_TOKEN, apiUrl: t.discord.apiUrl });
      expect(t.discord.calls.filter((c) => c.method === 'PUT').at(-1)?.path).toBe(`/applications/${APP_ID}/commands`);
    } finally {
      await t.close();
    }
  });

  it('--shards auto runs one process per recommended shard and stops them all on SIGTERM', async () => {
    const discord = await startDiscordStandIn({ guilds: [], recommendedShards: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-auto-'));
    const manager = spawn(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'bot', '--shards', 'auto'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_API_URL: discord.apiUrl,
        SITREP_LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    try {
      for (const deadline = Date.now() + 30_000; discord.identifies.length < 2 && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      await new Promise((r) => setTimeout(r, 1_500));
      manager.kill('SIGTERM');
      expect(await new Promise((r) => manager.once('exit', r))).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(discord.connections()).toBe(0);
    } finally {
      manager.kill('SIGKILL');
      await discord.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 45_000);

  it('npm start without a token says exactly what is missing', async () => {
    const result = await promisify(execFile)('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 6 });
    expect((result as { stderr: string }).stderr.trim()).toBe(
      'sitrep: DISCORD_TOKEN is not set: create an application and bot in the Discord Developer Portal, then put the bot token in .env (see the README).',
    );
  });
});
