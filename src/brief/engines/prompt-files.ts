import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reading prompt files: each starts with a "version: …" line and "---", and is reviewed like code. */
export interface PromptFile {
  version: string;
  body: string;
}

export function readPromptFile(dir: string, name: string): PromptFile {
  const raw = readFileSync(join(dir, name), 'utf8');
  const match = /^version:\s*(\S+)\s*\n---\n([\s\S]*)$/.exec(raw);
  if (!match?.[1] || match[2] === undefined) {
    throw new Error(`prompts/${name} must start with a "version: …" line followed by "---"`);
  }
  return { version: match[1], body: match[2].trim() };
}

/**
 * A set of prompts' version: each file's declared version, then a hash of the texts as sent (the
 * system prompt with its examples filled in), so that any edit misses the cache.
 */
export function promptSetVersion(files: PromptFile[], sentTexts: string[]): string {
  const hash = createHash('sha256');
  for (const text of sentTexts) hash.update(text);
  return `${files.map((f) => f.version).join('+')}#${hash.digest('hex').slice(0, 8)}`;
}

// Line endings are folded so a checkout with CRLF builds the same bytes, and so the same cache key.
export const readPromptText = (path: string) => readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').trim();

/** The folders under a prompts folder's subfolder, in code-unit order (not the locale's), so prompts are byte-identical. */
export function exampleFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
