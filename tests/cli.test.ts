import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './stand-ins/fixture-server.js';
import { type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const SEED = join(ROOT, 'examples/tehran-times-bagheri.txt');

let api: MessagesApi;
let fixtures: FixtureServer;
let workDir: string;

beforeAll(async () => {
  [api, fixtures] = await Promise.all([startMessagesApi(), startFixtureServer()]);
  workDir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
});
afterAll(async () => {
  await Promise.all([api.close(), fixtures.close()]);
  rmSync(workDir, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed entry point in an empty folder (no .env) with only the given settings. */
async function sitrep(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  const child = run(process.execPath, [BIN, ...args], {
    cwd: workDir,
    env: { PATH: process.env.PATH, HOME: workDir, SITREP_STORE: `sqlite://${join(workDir, 'store.sqlite')}`, ...env },
    timeout: 60_000,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const modelEnv = () => ({
  ANTHROPIC_API_KEY: 'sk-ant-test-0000000000',
  ANTHROPIC_BASE_URL: api.url,
  NODE_ENV: 'test',
  SITREP_TEST_ALLOW_LOOPBACK: '1',
  SITREP_MODEL_MAX_RETRIES: '0',
});

describe('sitrep brief', () => {
  it('briefs the example article offline when no key is set, and says so in one line', async () => {
    const result = await sitrep(['brief', SEED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Tehran Times reports:');
    expect(result.stdout).toContain('Major General Mohammad Bagheri');
    expect(result.stdout).toContain('offline engine (extractive, no model)');
    expect(result.stderr.trim().split('\n')).toEqual([
      'sitrep: no model engine is configured (ANTHROPIC_API_KEY, or an OpenAI-compatible server), so the offline engine (extractive, no model) made this brief.',
    ]);
  });

  it('briefs a fixture URL through the model stand-in as JSON, then answers the repeat from the cache', async () => {
    const url = `${fixtures.url}/news/drone-intercept`;
    const before = api.requests.length;
    const first = await sitrep(['brief', url, '--json', '--length', 'short'], modelEnv());
    expect(first.code).toBe(0);
    const brief = JSON.parse(first.stdout);
    expect(brief.meta).toMatchObject({ engine: 'anthropic', model: 'claude-haiku-4-5', length: 'short' });
    expect(brief.article.title).toBe('Navy says destroyer downed six drones over the gulf');
    expect(api.requests.length).toBe(before + 1);

    const second = await sitrep(['brief', url, '--length', 'short'], modelEnv());
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('model claude-haiku-4-5 · from cache');
    expect(api.requests.length).toBe(before + 1);
  });

  it('reads article text from standard input', async () => {
    const result = await sitrep(
      ['brief', '-', '--engine', 'offline', '--json'],
      {},
      'Drills end early\n\nThe navy ended its drills on Friday after a storm, a spokesman for the fleet said on Saturday in the port city. He said the ships would return to port by Monday.',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).article.title).toBe('Drills end early');
  });

  it.each([
    ['whitespace only', ' \n\t \n', 'There is no text to brief: paste the article itself.'],
    ['a line', 'Russia fired two missiles at Kyiv overnight.', 'That text is too short to brief'],
    ['no sentences', 'drone '.repeat(80), 'That text has no sentences to brief'],
  ])('refuses input no engine can brief (%s) with one sentence and exit status 2', async (_, input, sentence) => {
    const result = await sitrep(['brief', '-'], {}, input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`sitrep: ${sentence}`);
  });

  it('says plainly that the offline engine cannot read a French article, with exit status 2', async () => {
    const french =
      'Le ministère de la Défense a annoncé mardi que deux frégates avaient quitté le port de Toulon pour un exercice de trois semaines en Méditerranée. Selon un porte-parole, les navires doivent rejoindre une flotte alliée au large de la Crète. Le ministère n’a pas précisé le nombre de marins engagés.';
    const result = await sitrep(['brief', '-'], {}, french);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(
      /^sitrep: The offline engine reads only English and this article is in French/,
    );
  });

  it('refuses a private address with one line and exit status 3', async () => {
    const result = await sitrep(['brief', `${fixtures.url}/news/drone-intercept`]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('sitrep: 127.0.0.1 is a private or reserved address, so it is refused.');
  });

  it('reports an unreachable URL with exit status 4', async () => {
    const result = await sitrep(['brief', 'http://127.0.0.1:9/', '--engine', 'offline'], {
      NODE_ENV: 'test',
      SITREP_TEST_ALLOW_LOOPBACK: '1',
    });
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toBe('sitrep: 127.0.0.1 could not be reached.');
  });

  it('says the key is missing, in one line, when the model engine is asked for', async () => {
    const result = await sitrep(['brief', SEED, '--engine', 'anthropic']);
    expect(result.code).toBe(6);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('ANTHROPIC_API_KEY, which is not set');
  });

  it('reports a model outage with exit status 5 when the model is required', async () => {
    api.enqueue(() => ({
      status: 529,
      body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    }));
    const result = await sitrep(['brief', SEED, '--engine', 'anthropic', '--no-cache'], modelEnv());
    expect(result.code).toBe(5);
    expect(result.stderr.trim()).toBe(
      'sitrep: The model could not make this brief right now; try again later or use the offline engine.',
    );
  });

  it('names an invalid setting and rejects bad options with exit status 2', async () => {
    const badSetting = await sitrep(['brief', SEED], { SITREP_ENGINE: 'gpt' });
    expect(badSetting.code).toBe(6);
    expect(badSetting.stderr).toMatch(/^sitrep: Invalid setting — SITREP_ENGINE: /);

    const badLength = await sitrep(['brief', SEED, '--length', 'huge']);
    expect(badLength.code).toBe(2);
    expect(badLength.stderr.trim()).toBe('sitrep: Invalid --length: huge. See sitrep brief --help.');

    const missing = await sitrep(['brief', 'no-such-file.txt']);
    expect(missing.code).toBe(2);
  });
});

describe('npm run sitrep', () => {
  it('prints nothing but the brief on stdout, so --json output parses', async () => {
    const { stdout } = await run('npm', ['run', 'sitrep', '--', 'brief', SEED, '--json', '--engine', 'offline'], {
      cwd: ROOT,
      env: { ...process.env, SITREP_STORE: `sqlite://${join(workDir, 'npm.sqlite')}`, ANTHROPIC_API_KEY: '' },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout).meta.engine).toBe('offline');
  });
});
