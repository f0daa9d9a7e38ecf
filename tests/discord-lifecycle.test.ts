import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { GUILD, NEWS, startTestBot } from './helpers/test-bot.js';
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
        text: 'A navy spokesman said on Friday that the frigate returned to port after a week of patrols in the strait.',
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
      expect(names).toEqual(['summarize', 'Summarize article', 'sitrep']);
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
