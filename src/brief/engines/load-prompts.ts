import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../package-root.js';

export const PROMPTS_DIR = fromRoot('prompts');

export interface Prompts {
  system: string;
  task: string;
  repair: string;
  repairChecks: string;
  /** Every file's declared version plus a hash of the contents: any edit misses the cache. */
  version: string;
}

interface PromptFile {
  version: string;
  body: string;
}

function readPromptFile(dir: string, name: string): PromptFile {
  const raw = readFileSync(join(dir, name), 'utf8');
  const match = /^version:\s*(\S+)\s*\n---\n([\s\S]*)$/.exec(raw);
  if (!match?.[1] || match[2] === undefined) {
    throw new Error(`prompts/${name} must start with a "version: …" line followed by "---"`);
  }
  return { version: match[1], body: match[2].trim() };
}

/**
 * Replaces UPPER_CASE placeholders in one pass, so text inserted for one placeholder (an article
 * that happens to contain "LANGUAGE") is never substituted again.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const keys = Object.keys(values).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`\\b(${keys.join('|')})\\b`, 'g');
  return template.replace(pattern, (key) => values[key] ?? key);
}

/** Loads the prompt files once at start; the example article and brief go into the system prompt. */
export function loadPrompts(dir: string = PROMPTS_DIR): Prompts {
  const system = readPromptFile(dir, 'system.md');
  const task = readPromptFile(dir, 'task.md');
  const repair = readPromptFile(dir, 'repair.md');
  const repairChecks = readPromptFile(dir, 'repair-checks.md');
  const exampleArticle = readFileSync(join(dir, 'examples/article.txt'), 'utf8').trim();
  const exampleBrief = JSON.stringify(JSON.parse(readFileSync(join(dir, 'examples/brief.json'), 'utf8')));
  const systemText = fillTemplate(system.body, { EXAMPLE_ARTICLE: exampleArticle, EXAMPLE_BRIEF: exampleBrief });
  const hash = createHash('sha256')
    .update(systemText)
    .update(task.body)
    .update(repair.body)
    .update(repairChecks.body)
    .digest('hex')
    .slice(0, 8);
  return {
    system: systemText,
    task: task.body,
    repair: repair.body,
    repairChecks: repairChecks.body,
    version: `${system.version}+${task.version}+${repair.version}+${repairChecks.version}#${hash}`,
  };
}
