import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What `npm run build` compiles (unit tests excluded) and the settings it compiles with. */
const INPUTS = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json'];

function mtimes(path: string, keep: (file: string) => boolean): number[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return keep(path) ? [stat.mtimeMs] : [];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name), keep));
}

/**
 * Builds dist/ when it is missing or older than any source it is compiled from, so tests and
 * benchmarks that run bin/sitrep.js run the code as it stands, and a fresh build costs nothing.
 */
export function ensureBuilt(): 'fresh' | 'built' {
  const outputs = mtimes(join(ROOT, 'dist'), (file) => file.endsWith('.js'));
  const inputs = INPUTS.flatMap((input) => mtimes(join(ROOT, input), (file) => !file.endsWith('.test.ts')));
  if (outputs.length > 0 && Math.min(...outputs) > Math.max(...inputs)) return 'fresh';
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  return 'built';
}
