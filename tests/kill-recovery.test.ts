import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { createPipeline } from '../src/create-pipeline.js';
import { createLogger } from '../src/logger.js';
import { createGuildSettingsStore } from '../src/store/guild-settings.js';
import { childBotEnv } from './helpers/child-bot-env.js';
import { GUILD, NEWS } from './helpers/test-bot.js';
import { type DiscordStandIn, startDiscordStandIn } from './stand-ins/discord/discord-stand-in.js';
import { buttonPress, chatInput } from './stand-ins/discord/interactions.js';
import { PERMISSIONS } from './stand-ins/discord/payloads.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const BIN = resolve(import.meta.dirname, '../bin/sitrep.js');
const admin = {
  guildId: GUILD.id,
  channelId: NEWS,
  userId: '1200000000000000080',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};
const reader = { guildId: GUILD.id, channelId: NEWS, userId: '1200000000000000081' };

let discord: DiscordStandIn;
let api: MessagesApi;
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  [discord, api] = await Promise.all([startDiscordStandIn({ guilds: [GUILD] }), startMessagesApi()]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await Promise.all([discord.close(), api.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const env = () =>
  childBotEnv({
    home: dir,
    discordApiUrl: discord.apiUrl,
    modelUrl: api.url,
    store: `sqlite://${join(dir, 'store.sqlite')}`,
  });

async function until<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts the real bot as a child process and waits until it has logged in. */
async function startChild() {
  const identified = discord.identifies.length;
  child = spawn(process.execPath, [BIN, 'bot'], { cwd: dir, env: env(), stdio: 'ignore' });
  await until(() => discord.identifies.length > identified || undefined, 'the bot to log in');
  await new Promise((r) => setTimeout(r, 300));
}

function send(interaction: ReturnType<typeof chatInput>) {
  discord.inject('INTERACTION_CREATE', interaction);
  return interaction;
}

describe('SIGKILL in the middle of briefs', () => {
  it('leaves the store readable with every finished brief and setting, and the bot serves them after restart', async () => {
    await startChild();
    const setting = send(chatInput(admin, 'sitrep', { emoji: '📌' }, ['config', 'claims-emoji']));
    await until(() => discord.calls.find((c) => c.path.includes(setting.token)), 'the setting to be saved');

    const done = send(
      chatInput(reader, 'summarize', {
        text: 'The navy said on Monday that its frigate had returned to port after a month of patrols, a spokesman told reporters. He said the crew would rest.',
      }),
    );
    const finished = await until(
      () =>
        discord.calls.find((c) => c.method === 'PATCH' && c.path.includes(done.token) && c.body?.embeds?.length > 0),
      'the first brief',
    );

    api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 5_000));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    const inFlight = send(
      chatInput(reader, 'summarize', {
        text: 'The army said on Tuesday that it would hold exercises near the border next week, according to a statement. It gave no number of troops.',
      }),
    );
    await until(
      () => discord.calls.find((c) => c.path.includes(inFlight.token) && c.body?.content === '⏳ Summarizing…'),
      'the second brief to start',
    );
    child?.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    api.setDefault((request) => ({ text: briefFromArticle(articleIn(request) ?? '') }));

    // The store, opened as a fresh process would open it.
    const config = parseConfig({ SITREP_STORE: env().SITREP_STORE });
    const pipeline = createPipeline(config, createLogger('silent'));
    try {
      expect((await createGuildSettingsStore(pipeline.store).get(GUILD.id)).claimsEmoji).toBe('📌');
      const key = finished.body.components[0].components[0].custom_id.split(':')[2];
      expect((await pipeline.briefs.getShownBrief(key))?.summary.headline).toBe(finished.body.embeds[0].title);
    } finally {
      await pipeline.close();
    }

    await startChild();
    const message = discord.messages.get(`webhook:${done.token}:@original`);
    const press = buttonPress(reader, finished.body.components[0].components[0].custom_id, message as never);
    discord.inject('INTERACTION_CREATE', press);
    const answer = await until(
      () => discord.calls.find((c) => c.path.includes(press.token)),
      'the Claims button answer',
    );
    expect(answer.body.data.embeds[0].title).toContain('Claims:');
    const shown = send(chatInput(admin, 'sitrep', {}, ['config', 'show']));
    const settings = await until(() => discord.calls.find((c) => c.path.includes(shown.token)), 'the settings');
    expect(JSON.stringify(settings.body.data.embeds[0].fields)).toContain('📌');
  }, 60_000);
});
