import { join } from 'node:path';
import { type BriefDraft, BriefDraftSchema } from '../draft-schema.js';
import { exampleFolders, readPromptText } from './prompt-files.js';

/** One worked example: a folder under prompts/examples/ holding about.txt, task.txt, article.txt, brief.json. */
export interface PromptExample {
  /** The folder's name; its order among the names is the example's order in the prompt. */
  name: string;
  /** One line on what the example teaches. */
  about: string;
  /** The task's length, language and source lines, as the model receives them for a real article. */
  task: string;
  article: string;
  brief: BriefDraft;
}

/**
 * Reads every example, sorted by folder name (code-unit order, not the locale's), so the system
 * prompt is byte-identical on every start. A brief that fails the schema stops the start: it would
 * teach the model a shape Sitrep rejects.
 */
export function loadPromptExamples(promptsDir: string): PromptExample[] {
  const examplesDir = join(promptsDir, 'examples');
  return exampleFolders(examplesDir).map((name) => {
    const dir = join(examplesDir, name);
    const parsed = BriefDraftSchema.safeParse(JSON.parse(readPromptText(join(dir, 'brief.json'))));
    if (!parsed.success) throw new Error(`prompts/examples/${name}/brief.json fails the brief schema`);
    return {
      name,
      about: readPromptText(join(dir, 'about.txt')),
      task: readPromptText(join(dir, 'task.txt')),
      article: readPromptText(join(dir, 'article.txt')),
      brief: parsed.data,
    };
  });
}

/** An example as the system prompt shows it; the brief as compact JSON, the shape the model answers in. */
export function renderPromptExample(example: PromptExample): string {
  return [
    `<example name="${example.name}">`,
    `What it shows: ${example.about}`,
    `<example-task>\n${example.task}\n</example-task>`,
    `<example-article>\n${example.article}\n</example-article>`,
    `<example-brief>\n${JSON.stringify(example.brief)}\n</example-brief>`,
    '</example>',
  ].join('\n');
}
