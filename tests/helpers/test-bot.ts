import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { type RunningBot, startBot } from '../../src/discord/start-bot.js';
import { createLogger } from '../../src/logger.js';
import { type DiscordStandIn, type RecordedCall, startDiscordStandIn } from '../stand-ins/discord/discord-stand-in.js';
import { BOT_TOKEN, type StandInGuild } from '../stand-ins/discord/payloads.js';
import { type FixtureServer, startFixtureServer } from '../stand-ins/fixture-server.js';
import { type MessagesApi, startMessagesApi } from '../stand-ins/messages-api.js';
import { TEST_API_KEY } from './test-pipeline.js';

export const GUILD: StandInGuild = {
  id: '1300000000000000001',
  name: 'Defense Watchers',
  channels: [
    { id: '1400000000000000001', name: 'news' },
    { id: '1400000000000000002', name: 'off-topic' },
    { id: '1400000000000000003', name: 'no-threads', noThreads: true },
    { id: '1400000000000000004', name: 'desk-forum', type: 15 },
    { id: '1400000000000000005', name: 'staff-only', staffOnly: true },
  ],
  roles: [{ id: '1500000000000000001', name: 'news-pings' }],
};
export const [NEWS, OFF_TOPIC, NO_THREADS, FORUM, STAFF_ONLY] = GUILD.channels.map((c) => c.id) as [
  string,
  string,
  string,
  string,
  string,
];
export const NEWS_PINGS = '1500000000000000001';

/**
 * The real bot (real discord.js client, real Anthropic SDK, real pipeline and store) against
 * the Discord, Messages API and fixture stand-ins. `restart` stops the bot and starts a new one on
 * the same store, as a process restart would.
 */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    applicationFlags?: number;
    defaultLimits?: boolean;
    heartbeatIntervalMs?: number;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bot-'));
  const [discord, api, fixtures]: [DiscordStandIn, MessagesApi, FixtureServer] = await Promise.all([
    startDiscordStandIn({
      guilds: [GUILD],
      applicationFlags: options.applicationFlags ?? 0,
      ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    }),
    startMessagesApi(),
    startFixtureServer(),
  ]);
  const config = parseConfig({
    NODE_ENV: 'test',
    SITREP_TEST_ALLOW_LOOPBACK: '1',
    SITREP_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
    SITREP_MODEL_MAX_RETRIES: '0',
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    SITREP_SHUTDOWN_GRACE_MS: '2000',
    ...options.env,
  });
  const logger = createLogger(process.env.SITREP_TEST_LOG_LEVEL ?? 'silent');
  let bot: RunningBot = await startBot(config, logger);
  // Scenario tests send many briefs as one member; only the limits tests keep the defaults.
  if (!options.defaultLimits) {
    await bot.ctx.settings.update(GUILD.id, (s) => ({ ...s, userBriefsPerHour: 1_000, guildBriefsPerHour: 10_000 }));
  }

  /** Waits until a recorded REST call matches, and returns it (the stand-in's own watcher, no polling). */
  const waitForCall = (match: (call: RecordedCall) => boolean, timeoutMs = 10_000) =>
    discord.nextCall(match, timeoutMs);

  return {
    discord,
    api,
    fixtures,
    config,
    get bot() {
      return bot;
    },
    waitForCall,
    /** Calls made for one interaction token, in order. */
    callsFor: (token: string) => discord.calls.filter((c) => c.path.includes(token)),
    async restart() {
      await bot.stop();
      bot = await startBot(config, logger);
    },
    async close() {
      await bot.stop();
      await Promise.all([discord.close(), api.close(), fixtures.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;
