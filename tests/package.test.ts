import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballOffline } from './helpers/offline-install.js';
import { TEST_API_KEY } from './helpers/test-pipeline.js';
import { type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let dir: string;
let api: MessagesApi;
let packed: PackResult;
let sitrep: string;
let example: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-pack-'));
  api = await startMessagesApi();
  // Scripts skipped: the suite's global setup has just built dist/, and rebuilding it here would
  // rewrite files that tests running alongside are executing.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: ROOT,
  });
  [packed] = JSON.parse(stdout) as [PackResult];
  sitrep = await installTarballOffline(join(dir, packed.filename), join(dir, 'install'));
  example = join(dir, 'install/node_modules/sitrep/examples/tehran-times-bagheri.txt');
}, 180_000);
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The installed `sitrep` in an empty folder, with only the given settings. */
async function installed(args: string[], env: Record<string, string> = {}) {
  const cwd = join(dir, 'work');
  mkdirSync(cwd, { recursive: true });
  return run(sitrep, args, {
    cwd,
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: cwd, ...env },
    timeout: 60_000,
  });
}

describe('the packed package', () => {
  it('holds the built code, bin, prompts, data, example and settings template, and nothing else', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of [
      'bin/sitrep.js',
      'dist/src/cli.js',
      'dist/commands/index.js',
      'prompts/system.md',
      ...readdirSync(join(ROOT, 'prompts/examples')).map((example) => `prompts/examples/${example}/brief.json`),
      'examples/tehran-times-bagheri.txt',
      '.env.example',
      'README.md',
      ...readdirSync(join(ROOT, 'data'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `data/${f}`),
    ]) {
      expect(paths).toContain(needed);
    }
    const unwanted = paths.filter((p) => /\.sqlite|\.test\.|\.ts$|^(src|tests|bench|node_modules)\//.test(p));
    expect(unwanted).toEqual([]);
  });

  it('installs from the tarball and briefs the example offline, with the registry and lexicon it ships', async () => {
    const { stdout, stderr } = await installed(['brief', example]);
    expect(stdout).toContain('# Tehran Times reports: “World powers trying to buy arms from Iran: military chief”');
    expect(stdout).toContain('**Major General Mohammad Bagheri (the chief of staff of the Armed Forces)**');
    expect(stdout).toContain('**Outlet:** Tehran Times: state-controlled, Iran');
    expect(stdout).toContain('“vile” (name calling)');
    expect(stdout).toContain('offline engine (extractive, no model)');
    expect(stderr.trim()).toBe(
      'sitrep: no model engine is configured (ANTHROPIC_API_KEY, or an OpenAI-compatible server), so the offline engine (extractive, no model) made this brief.',
    );
    // The cache is written where the user runs it, never inside the installed package.
    expect(existsSync(join(dir, 'work/data/sitrep.sqlite'))).toBe(true);
  });

  it('briefs through the Messages API with the prompts it ships', async () => {
    const { stdout } = await installed(['brief', example, '--json', '--no-cache'], {
      ANTHROPIC_API_KEY: TEST_API_KEY,
      ANTHROPIC_BASE_URL: api.url,
      SITREP_MODEL_MAX_RETRIES: '0',
    });
    expect(JSON.parse(stdout).meta).toMatchObject({ engine: 'anthropic', model: 'claude-haiku-4-5' });
    expect(api.requests).toHaveLength(1);
    // The system prompt carries every worked example from prompts/examples/.
    for (const folder of readdirSync(join(ROOT, 'prompts/examples'))) {
      const exampleArticle = readFileSync(join(ROOT, 'prompts/examples', folder, 'article.txt'), 'utf8').trim();
      expect(api.requests[0]?.body.system?.[0]?.text).toContain(exampleArticle.slice(0, 200));
    }
  });
});
