import { readdirSync, readFileSync, statSync } from 'node:fs';
import { type StorySetArticle, type StorySetFile, StorySetFileSchema } from './schema.js';

const STORY_SET_DIR = new URL('./', import.meta.url);
const MAX_FILE_BYTES = 1_000_000;

export interface StorySetEntry {
  fileName: string;
  file: StorySetFile;
}

/** Every labelled file of the set, parsed; a file that does not fit the schema throws with its name. */
export function loadStorySet(dir: URL = STORY_SET_DIR): StorySetEntry[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const path = new URL(fileName, dir);
      if (statSync(path).size > MAX_FILE_BYTES) throw new Error(`${fileName}: larger than ${MAX_FILE_BYTES} bytes`);
      const parsed = StorySetFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`${fileName}: ${parsed.error.message}`);
      return { fileName, file: parsed.data };
    });
}

/** The story an article belongs to: its own `event` in a distractor file, else its file's event. */
export function storyOf(file: StorySetFile, article: StorySetArticle): string {
  return 'event' in article ? article.event : file.event;
}
