import { fromRoot } from '../../package-root.js';
import { loadPromptExamples, renderPromptExample } from './prompt-examples.js';
import { promptSetVersion, readPromptFile } from './prompt-files.js';

export const PROMPTS_DIR = fromRoot('prompts');

export interface Prompts {
  system: string;
  task: string;
  repair: string;
  repairChecks: string;
  /** Every file's declared version plus a hash of the contents: any edit misses the cache. */
  version: string;
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

/**
 * Tokens in a text, estimated at 4 characters a token. Claude's tokenizers give more tokens than
 * that for English, and more still for JSON and other scripts, so a prefix estimated above a
 * model's caching minimum is above it.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Loads the prompt files once at start. The worked examples go into the system prompt, which is
 * the cached prefix: it must be large enough to be cached and identical from one request to the next.
 */
export function loadPrompts(dir: string = PROMPTS_DIR): Prompts {
  const system = readPromptFile(dir, 'system.md');
  const task = readPromptFile(dir, 'task.md');
  const repair = readPromptFile(dir, 'repair.md');
  const repairChecks = readPromptFile(dir, 'repair-checks.md');
  const examples = loadPromptExamples(dir).map(renderPromptExample).join('\n\n');
  const systemText = fillTemplate(system.body, { EXAMPLES: examples });
  return {
    system: systemText,
    task: task.body,
    repair: repair.body,
    repairChecks: repairChecks.body,
    version: promptSetVersion(
      [system, task, repair, repairChecks],
      [systemText, task.body, repair.body, repairChecks.body],
    ),
  };
}
