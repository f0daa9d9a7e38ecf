import { join } from 'node:path';
import { fillTemplate, PROMPTS_DIR } from './load-prompts.js';
import { exampleFolders, promptSetVersion, readPromptFile, readPromptText } from './prompt-files.js';

export interface ComparePrompts {
  /** Rules and the worked comparison: the cached prefix. */
  system: string;
  task: string;
  repair: { format: string; checks: string };
  /** Every file's declared version plus a hash of the contents: any edit misses the comparison cache. */
  version: string;
}

/** Each worked comparison: a folder under prompts/compare-examples/ with about.txt, members.json and comparison.json. */
function renderExamples(dir: string): string {
  const examplesDir = join(dir, 'compare-examples');
  return exampleFolders(examplesDir)
    .map((name) => {
      const folder = join(examplesDir, name);
      const members = JSON.stringify(JSON.parse(readPromptText(join(folder, 'members.json'))));
      const comparison = JSON.stringify(JSON.parse(readPromptText(join(folder, 'comparison.json'))));
      return [
        `<example name="${name}">`,
        `What it shows: ${readPromptText(join(folder, 'about.txt'))}`,
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
  return {
    system: systemText,
    task: task.body,
    repair: { format: repair.body, checks: repairChecks.body },
    version: promptSetVersion(
      [system, task, repair, repairChecks],
      [systemText, task.body, repair.body, repairChecks.body],
    ),
  };
}
