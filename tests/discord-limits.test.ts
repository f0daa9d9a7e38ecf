import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLimits } from '../src/limits/usage-limits.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_GUILD_SETTINGS } from '../src/store/guild-settings.js';
import { createRedisConnection } from '../src/store/redis-connection.js';
import { GUILD, NEWS, startTestBot, type TestBot } from './helpers/test-bot.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { PERMISSIONS } from './stand-ins/discord/payloads.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const admin = {
  guildId: GUILD.id,
  channelId: NEWS,
  userId: '1200000000000000070',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};
const member = { guildId: GUILD.id, channelId: NEWS, userId: '1200000000000000071' };

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ defaultLimits: true });
});
afterAll(async () => {
  await t.close();
});

async function run(
  actor: typeof member,
  name: string,
  options: Record<string, string | number | boolean>,
  path: string[] = [],
) {
  const interaction = chatInput(actor, name, options, path);
  t.discord.inject('INTERACTION_CREATE', interaction);
  return {
    first: await t.waitForCall((c) => c.path.includes(interaction.token)),
    final: () =>
      t.waitForCall(
        (c) =>
          c.method === 'PATCH' &&
          c.path.includes(interaction.token) &&
          (c.body?.embeds?.length > 0 || c.body?.content?.startsWith('⚠️')),
      ),
  };
}

describe('abuse limits', () => {
  it('tells a member over the hourly limit when to try again, privately and without a brief', async () => {
    await run(admin, 'sitrep', { 'user-per-hour': 2 }, ['config', 'limits']);
    for (const n of [1, 2]) await (await run(member, 'summarize', { text: `${seed}\nLimit run ${n}.` })).final();
    const third = await run(member, 'summarize', { text: `${seed}\nLimit run 3.` });
    expect(third.first.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(third.first.body.data.content).toMatch(/^⚠️ You can ask for 2 briefs an hour here; try again in \d+ min\.$/);
  });

  it('uses the offline engine once the daily model budget is spent, while cached briefs stay free', async () => {
    await run(admin, 'sitrep', { 'user-per-hour': 100, 'daily-tokens': 1_000_000 }, ['config', 'limits']);
    const spender = { ...member, userId: '1200000000000000072' };
    const modelCalls = t.api.requests.length;
    const first = await (await run(spender, 'summarize', { text: `${seed}\nBudget A.` })).final();
    expect(first.body.embeds[0].footer.text).toContain('claude-haiku-4-5 · fresh');

    // The briefs so far spent a few thousand tokens: a budget of 1,000 is now used up.
    await run(admin, 'sitrep', { 'daily-tokens': 1_000 }, ['config', 'limits']);
    const second = await (await run(spender, 'summarize', { text: `${seed}\nBudget B.` })).final();
    expect(second.body.embeds[0].footer.text).toMatch(
      /offline engine \(daily model budget used; resets in \d+ h\) · fresh/,
    );

    const again = await (await run(spender, 'summarize', { text: `${seed}\nBudget A.` })).final();
    expect(again.body.embeds[0].footer.text).toContain('claude-haiku-4-5 · from cache');
    expect(t.api.requests.length).toBe(modelCalls + 1);
  });
});

describe.runIf(process.env.REDIS_URL)('limits in Redis', () => {
  it('counts across processes sharing one Redis', async () => {
    const logger = createLogger('silent');
    const ra = createRedisConnection(process.env.REDIS_URL as string, logger);
    const rb = createRedisConnection(process.env.REDIS_URL as string, logger);
    await Promise.all([ra.ready(), rb.ready()]);
    const [a, b] = [createUsageLimits(ra), createUsageLimits(rb)];
    try {
      const guild = `test-${Date.now()}`;
      const limits = { ...DEFAULT_GUILD_SETTINGS, userBriefsPerHour: 2 };
      await a.takeBrief(guild, 'u', limits);
      await b.takeBrief(guild, 'u', limits);
      await expect(a.takeBrief(guild, 'u', limits)).rejects.toThrow(/You can ask for 2 briefs an hour/);
      await b.spendTokens(guild, 600_000);
      expect(await a.budgetExhausted(guild, limits)).toMatch(/daily model budget used/);
    } finally {
      await Promise.all([ra.close(), rb.close()]);
    }
  });
});
