/**
 * Figures through the real code paths: the Sitrep bot and a bare discord.js bot that only defers,
 * each in its own process as in production, against the Discord stand-in; the real Anthropic SDK
 * against the model stand-in; fixture pages from the local server. Stand-ins run in this process.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { createPipeline } from '../src/create-pipeline.js';
import { createLogger } from '../src/logger.js';
import { createGuildSettingsStore } from '../src/store/guild-settings.js';
import { GUILD, NEWS } from '../tests/helpers/test-bot.js';
import { TEST_API_KEY } from '../tests/helpers/test-pipeline.js';
import { type DiscordStandIn, startDiscordStandIn } from '../tests/stand-ins/discord/discord-stand-in.js';
import { chatInput } from '../tests/stand-ins/discord/interactions.js';
import { BOT_TOKEN } from '../tests/stand-ins/discord/payloads.js';
import { startFixtureServer } from '../tests/stand-ins/fixture-server.js';
import { articleIn, briefFromArticle, startMessagesApi } from '../tests/stand-ins/messages-api.js';
import { startBareProcess, startSitrepProcess, stopProcess } from './bot-processes.js';
import { type BenchRow, median, percentile, round } from './stats.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const user = (n: number) => ({
  guildId: GUILD.id,
  channelId: NEWS,
  userId: String(1_500_000_000_000_000_000n + BigInt(n)),
});

/** Injects interactions all at once and returns send → deferral latencies in ms. */
async function ackLatencies(discord: DiscordStandIn, count: number, from: number) {
  const sent = Array.from({ length: count }, (_, i) => {
    const interaction = chatInput(user(from + i), 'summarize', { text: seed });
    const at = performance.now();
    discord.inject('INTERACTION_CREATE', interaction);
    return { interaction, at };
  });
  const defers = await Promise.all(
    sent.map(({ interaction }) => discord.nextCall((c) => c.path.endsWith(`${interaction.token}/callback`))),
  );
  return defers.map((defer, i) => defer.at - (sent[i]?.at ?? 0));
}

/** Three rounds of 100 at once, a second and more apart (a fresh window for discord.js's REST limiter). */
async function ackRounds(discord: DiscordStandIn, from: number) {
  const rounds: { p50: number; p99: number }[] = [];
  for (let r = 0; r < 3; r++) {
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const latencies = await ackLatencies(discord, 100, from + r * 100);
    rounds.push({ p50: median(latencies), p99: percentile(latencies, 99) });
  }
  return { p50: median(rounds.map((x) => x.p50)), p99: median(rounds.map((x) => x.p99)) };
}

/** Sends one /summarize and resolves with send → final brief, in ms. */
async function timedBrief(discord: DiscordStandIn, n: number, options: Record<string, string>) {
  const interaction = chatInput(user(n), 'summarize', options);
  const at = performance.now();
  discord.inject('INTERACTION_CREATE', interaction);
  const final = await discord.nextCall(
    (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0,
  );
  return final.at - at;
}

export async function runDiscordBenchmarks(): Promise<BenchRow[]> {
  const [discord, api, fixtures] = await Promise.all([
    startDiscordStandIn({ guilds: [GUILD] }),
    startMessagesApi(),
    startFixtureServer(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const env = {
    NODE_ENV: 'test',
    SITREP_TEST_ALLOW_LOOPBACK: '1',
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_MODEL_MAX_RETRIES: '0',
    SITREP_STORE: `sqlite://${join(dir, 'bench.sqlite')}`,
  };
  // The benchmark is one guild sending hundreds of briefs: raise its limits in the store first.
  const setup = createPipeline(parseConfig(env), createLogger('silent'));
  await createGuildSettingsStore(setup.store).update(GUILD.id, (s) => ({
    ...s,
    userBriefsPerHour: 1_000,
    guildBriefsPerHour: 10_000,
  }));
  await setup.close();
  const rows: BenchRow[] = [];
  try {
    let bot = await startSitrepProcess(env, dir);
    await timedBrief(discord, 0, { text: seed });

    // 1. Acknowledgement latency with 100 in flight at once, beside the bare bot.
    const sitrepAck = await ackRounds(discord, 1);
    await stopProcess(bot);
    const bare = await startBareProcess(discord.apiUrl, BOT_TOKEN);
    const bareAck = await ackRounds(discord, 1_000);
    await stopProcess(bare);
    rows.push({
      figure: 'ack latency, 100 in flight (p50 / p99 ms, median of 3 rounds)',
      sitrep: `${round(sitrepAck.p50)} / ${round(sitrepAck.p99)}`,
      reference: `bare discord.js: ${round(bareAck.p50)} / ${round(bareAck.p99)}`,
      goal: 'p99 ≤ 50',
      met: sitrepAck.p99 <= 50,
    });

    // 2. Cache hit: send → final brief for an article already briefed, one at a time.
    bot = await startSitrepProcess(env, dir);
    await timedBrief(discord, 1_999, { text: seed });
    const hits: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Paced at 20 briefs a second: @discordjs/rest counts interaction responses against its own
      // 50-requests-a-second global limit and stalls the rest of the second once it is reached.
      const pace = new Promise((r) => setTimeout(r, 50));
      hits.push(await timedBrief(discord, 2_000 + i, { text: seed }));
      await pace;
    }
    rows.push({
      figure: 'cache hit, send → final reply (p50 / p99 ms)',
      sitrep: `${round(median(hits))} / ${round(percentile(hits, 99))}`,
      reference: `bare bot's ack alone, p50 ${round(bareAck.p50)}`,
      goal: 'p50 ≤ 25',
      met: median(hits) <= 25,
    });

    // 3. Single flight: 50 users ask for the same new URL at once.
    api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 500));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    const modelBefore = api.requests.length;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => timedBrief(discord, 3_000 + i, { url: `${fixtures.url}/variant/50` })),
    );
    const fetches = fixtures.hits.get('/variant/50') ?? 0;
    const modelCalls = api.requests.length - modelBefore;
    rows.push({
      figure: 'single flight, 50 identical requests (fetches / model calls)',
      sitrep: `${fetches} / ${modelCalls}`,
      reference: '50 / 50 without sharing',
      goal: '1 / 1',
      met: fetches === 1 && modelCalls === 1,
    });

    // 4. Overhead: fresh briefs of new pages with a model that takes exactly 1 s.
    api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 1_000));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    const totals: number[] = [];
    for (let i = 0; i < 5; i++)
      totals.push(await timedBrief(discord, 4_000 + i, { url: `${fixtures.url}/variant/${1_000 + i}` }));
    rows.push({
      figure: 'fresh brief with a 1 s model (end-to-end ÷ 1 s, median of 5)',
      sitrep: `${round(median(totals) / 1_000, 3)}`,
      reference: 'the model alone: 1.000',
      goal: '≤ 1.05',
      met: median(totals) / 1_000 <= 1.05,
    });
    await stopProcess(bot);
  } finally {
    await Promise.all([discord.close(), api.close(), fixtures.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
