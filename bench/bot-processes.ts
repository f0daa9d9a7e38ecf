import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');

/**
 * The bare bot as plain JavaScript, as a bare bot runs in production: run through tsx it would carry
 * the transpiler in memory, which Sitrep's built bot does not. Written under node_modules/.cache so
 * `discord.js` resolves from the project.
 */
function bareBotScript(): string {
  const source = readFileSync(join(ROOT, 'bench/bare-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  const dir = join(ROOT, 'node_modules/.cache/sitrep-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bare-bot.mjs');
  writeFileSync(file, outputText);
  return file;
}

/** The real Sitrep bot as its own process, as it runs in production; resolves once it is ready. */
export function startSitrepProcess(
  env: Record<string, string>,
  cwd: string,
  args: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'bot', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', SITREP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the bot did not get ready in time'));
    }, 120_000);
    // stderr is read to the end so the bot never blocks on a full pipe.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('"msg":"bot ready"')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code} before it was ready`)));
  });
}

/** The bare reference bot (bench/bare-bot.ts, compiled) as its own process. */
export function startBareProcess(apiUrl: string, token: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bareBotScript(), apiUrl, token], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the bare bot did not get ready in time'));
    }, 120_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
