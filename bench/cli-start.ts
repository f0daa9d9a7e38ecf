/**
 * Wall time of a cache-hit `sitrep brief` of the example, start to exit, as a user at a terminal
 * feels it: the built CLI (bin/sitrep.js, what an installed `sitrep` and `npm start` run) beside
 * the TypeScript run through tsx (what `npm run sitrep` runs, without npm's own start-up). Both
 * share one SQLite store, so every timed run is answered from the cache.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchRow, median, round } from './stats.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const EXAMPLE = join(ROOT, 'examples/tehran-times-bagheri.txt');
const RUNS = 7;

const BUILT = [join(ROOT, 'bin/sitrep.js')];
const TSX = [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli.ts')];

async function timedBrief(entry: string[], env: Record<string, string>, cwd: string): Promise<number> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [...entry, 'brief', EXAMPLE], { cwd, env, timeout: 60_000 });
  const seconds = (performance.now() - started) / 1000;
  if (!stdout.includes('· from cache ·')) throw new Error('a timed CLI brief was not answered from the cache');
  return seconds;
}

export async function runCliStartBenchmark(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-bench-'));
  // No key and no .env (the folder is empty): the offline engine, as on a fresh clone.
  const env = { PATH: process.env.PATH ?? '', HOME: dir, SITREP_STORE: `sqlite://${join(dir, 'cache.sqlite')}` };
  try {
    await run(process.execPath, [...BUILT, 'brief', EXAMPLE], { cwd: dir, env, timeout: 60_000 });
    const built: number[] = [];
    const tsx: number[] = [];
    // Interleaved, so a busy moment on the machine falls on both sides alike.
    for (let i = 0; i < RUNS; i++) {
      built.push(await timedBrief(BUILT, env, dir));
      tsx.push(await timedBrief(TSX, env, dir));
    }
    return [
      {
        figure: `cache-hit \`sitrep brief\` of the example, wall time, s (median of ${RUNS})`,
        sitrep: `${round(median(built), 2)} (built: bin/sitrep.js)`,
        reference: `TypeScript through tsx (npm run sitrep): ${round(median(tsx), 2)}`,
        goal: '≤ 1',
        met: median(built) <= 1,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
