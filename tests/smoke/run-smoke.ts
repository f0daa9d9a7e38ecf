/**
 * Smoke run of the built Sitrep (bin/sitrep.js → dist/) on the Node that runs this script: CI runs
 * it on every supported Node line after a clean install and build there. Three checks, one line
 * each: a CLI brief of the example offline, a CLI brief through the Messages API stand-in, and the
 * bot logging in to the Discord stand-in, answering one /summarize and stopping cleanly on SIGTERM.
 * Exits 1 when any check fails. Run: `tsx tests/smoke/run-smoke.ts`.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { TEST_API_KEY } from '../helpers/test-pipeline.js';
import { startDiscordStandIn } from '../stand-ins/discord/discord-stand-in.js';
import { chatInput } from '../stand-ins/discord/interactions.js';
import { BOT_TOKEN, type StandInGuild } from '../stand-ins/discord/payloads.js';
import { type MessagesApi, startMessagesApi } from '../stand-ins/messages-api.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/sitrep.js');
const EXAMPLE = join(ROOT, 'examples/tehran-times-bagheri.txt');
const GUILD: StandInGuild = {
  id: '1300000000000000001',
  name: 'Smoke',
  channels: [{ id: '1400000000000000001', name: 'news' }],
};

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** A clean folder and environment per check: no .env, no key unless given. */
function cleanEnv(dir: string, extra: Record<string, string> = {}) {
  return { PATH: process.env.PATH ?? '', HOME: dir, SITREP_STORE: `sqlite://${join(dir, 'store.sqlite')}`, ...extra };
}

async function cliOffline(dir: string) {
  const { stdout, stderr } = await run(process.execPath, [BIN, 'brief', EXAMPLE], {
    cwd: dir,
    env: cleanEnv(dir),
    timeout: 60_000,
  });
  expect(stdout.includes('# Tehran Times reports:'), 'the brief has no headline');
  expect(stdout.includes('Major General Mohammad Bagheri'), 'the brief does not name the general');
  expect(stdout.includes('**Outlet:** Tehran Times: state-controlled, Iran'), 'the outlet registry was not applied');
  expect(stderr.includes('offline engine'), 'the offline engine was not announced');
}

async function cliThroughModel(dir: string, api: MessagesApi) {
  const env = cleanEnv(dir, {
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_MODEL_MAX_RETRIES: '0',
  });
  const before = api.requests.length;
  const { stdout } = await run(process.execPath, [BIN, 'brief', EXAMPLE, '--json'], { cwd: dir, env, timeout: 60_000 });
  const brief = JSON.parse(stdout);
  expect(brief.meta?.engine === 'anthropic', `engine was ${brief.meta?.engine}`);
  expect(api.requests.length === before + 1, 'the Messages API stand-in was not called once');
}

async function botLifecycle(dir: string, api: MessagesApi) {
  const discord = await startDiscordStandIn({ guilds: [GUILD] });
  const env = cleanEnv(dir, {
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_LOG_LEVEL: 'info',
  });
  const bot = spawn(process.execPath, [BIN, 'bot'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  bot.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => bot.once('exit', (code) => done(code)));
  try {
    const deadline = Date.now() + 60_000;
    while (!log.includes('"msg":"bot ready"')) {
      if (bot.exitCode !== null)
        throw new Error(`the bot exited with ${bot.exitCode}: ${log.trim().split('\n').at(-1)}`);
      if (Date.now() > deadline) throw new Error('the bot did not log "bot ready" within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const interaction = chatInput({ guildId: GUILD.id, channelId: '1400000000000000001' }, 'summarize', {
      text: 'A navy spokesman said on Friday that the frigate returned to port after a week of patrols in the strait. He said the crew would rest before the next patrol.',
    });
    discord.inject('INTERACTION_CREATE', interaction);
    await discord.nextCall((c) => c.path.includes(interaction.token) && c.body?.embeds?.length > 0, 30_000);
    bot.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))]);
    expect(code === 0, `after SIGTERM the bot ended with ${code}, not 0`);
    await new Promise((r) => setTimeout(r, 200));
    expect(discord.connections() === 0, 'the bot left its gateway connection open');
  } finally {
    bot.kill('SIGKILL');
    await discord.close();
  }
}

const checks: [string, (dir: string, api: MessagesApi) => Promise<void>][] = [
  ['CLI brief of the example, offline', cliOffline],
  ['CLI brief through the Messages API stand-in', cliThroughModel],
  ['bot: ready on the Discord stand-in, one /summarize, clean stop on SIGTERM', botLifecycle],
];

const api = await startMessagesApi();
let failed = 0;
for (const [name, check] of checks) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-smoke-'));
  const started = performance.now();
  try {
    await check(dir, api);
    console.log(`  ok    ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await api.close();
console.log(`smoke on Node ${process.version}: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
