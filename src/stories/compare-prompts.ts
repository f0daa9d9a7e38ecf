import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate, PROMPTS_DIR, readPromptFile } from '../brief/engines/load-prompts.js';

export interface ComparePrompts {
  /** Rules and the worked comparison: the cached prefix. */
  system: string;
  task: string;
  repair: { format: string; checks: string };
  /** Every file's declared version plus a hash of the contents: any edit misses the comparison cache. */
  version: string;
}

// Line endings are folded so a checkout with CRLF builds the same bytes.
const readText = (path: string) => readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').trim();

/** Each worked comparison: a folder under prompts/compare-examples/ with about.txt, members.json and comparison.json. */
function renderExamples(dir: string): string {
  const examplesDir = join(dir, 'compare-examples');
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = join(examplesDir, name);
      const members = JSON.stringify(JSON.parse(readText(join(folder, 'members.json'))));
      const comparison = JSON.stringify(JSON.parse(readText(join(folder, 'comparison.json'))));
      return [
        `<example name="${name}">`,
        `What it shows: ${readText(join(folder, 'about.txt'))}`,
        `<example-members>\n${members}\n</example-members>`,
        `<example-comparison>\n${comparison}\n</example-comparison>`,
        '</example>',
      ].join('\n');
    })
    .join('\n\n');
}

/** The prompts for a model-made comparison of a story's briefs, read once. */
export function loadComparePrompts(dir: string = PROMPTS_DIR): ComparePrompts {
  const system = readPromptFile(dir, 'compare.md');
  const task = readPromptFile(dir, 'compare-task.md');
  const repair = readPromptFile(dir, 'compare-repair.md');
  const repairChecks = readPromptFile(dir, 'compare-repair-checks.md');
  const systemText = fillTemplate(system.body, { EXAMPLES: renderExamples(dir) });
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
    repair: { format: repair.body, checks: repairChecks.body },
    version: `${system.version}+${task.version}+${repair.version}+${repairChecks.version}#${hash}`,
  };
}
