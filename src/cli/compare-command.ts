import { parseArgs } from 'node:util';
import { ENGINE_NAMES } from '../brief/engines/registry.js';
import { makeBrief } from '../brief/make-brief.js';
import { type Brief, EngineChoiceSchema } from '../brief/schema.js';
import type { Config } from '../config.js';
import { createPipeline } from '../create-pipeline.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { briefTime } from '../stories/brief-features.js';
import { loadCountries } from '../stories/countries.js';
import { createMemoryStoryStorage } from '../stories/memory-story-storage.js';
import { createStoryIndex } from '../stories/story-index.js';
import type { CliIo } from './brief-command.js';
import { readSource } from './read-source.js';
import { type CompareOutput, renderCompareJson, renderCompareMarkdown } from './render-comparison.js';

const COMPARE_HELP = `Usage: sitrep compare <url | file> <url | file> [...] [options]

Briefs each article, groups them into stories (the same event, from the article itself), and prints
each story's comparison: the points of the event, where the outlets conflict, agree, or only one
reports it, and which outlets, countries and kinds have covered it.

Options:
  --json                 print { "stories": [{ "members", "points", "coverage" }] }
  --engine <e>           auto | ${ENGINE_NAMES.join(' | ')} (default: SITREP_ENGINE, auto)
  -h, --help             show this help
`;

const MAX_INPUTS = 20;

/** `sitrep compare`: stories among the inputs given (nothing stored before counts), each compared. */
export async function runCompareCommand(args: string[], config: Config, logger: Logger, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      engine: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void io.stdout.write(COMPARE_HELP);
  if (positionals.length < 2 || positionals.length > MAX_INPUTS) {
    throw new UserError('BAD_INPUT', `Give between 2 and ${MAX_INPUTS} URLs or files (see sitrep compare --help).`);
  }
  const engine = values.engine === undefined ? undefined : EngineChoiceSchema.safeParse(values.engine).data;
  if (values.engine !== undefined && !engine) {
    throw new UserError('BAD_INPUT', `Invalid --engine: ${values.engine}. See sitrep compare --help.`);
  }
  const pipeline = createPipeline(config, logger);
  try {
    const briefs: { input: string; brief: Brief }[] = [];
    for (const input of positionals) {
      const source = await readSource(input);
      const made = await makeBrief({ source, engine }, pipeline.ctx).catch((error: unknown) => {
        if (error instanceof UserError) throw new UserError(error.code, `${input}: ${error.message}`);
        throw error;
      });
      briefs.push({ input, brief: made.brief });
    }
    // Grouped among these inputs alone, so the answer depends on nothing stored before.
    const index = createStoryIndex(createMemoryStoryStorage(), loadCountries());
    const stories = new Map<string, { input: string; brief: Brief }[]>();
    // Filed in the order the articles were published, as they would have reached the bot.
    const byTime = [...briefs].sort((a, b) => briefTime(a.brief) - briefTime(b.brief));
    for (const entry of byTime) {
      const { storyId, absorbed } = await index.fileBrief(entry.brief);
      const members = [...absorbed.flatMap((id) => stories.get(id) ?? []), ...(stories.get(storyId) ?? [])];
      for (const id of absorbed) stories.delete(id);
      stories.set(storyId, [...members, entry]);
    }
    const output: CompareOutput[] = [];
    for (const members of stories.values()) {
      const unique = [...new Map(members.map((m) => [m.brief.meta.cacheKey, m.brief])).values()];
      // A story of one article has nothing to compare: its points come from the offline reading.
      const { comparison } = await pipeline.stories.compare(unique, {}, unique.length > 1 ? engine : 'offline');
      output.push({ members, comparison });
    }
    io.stdout.write(values.json ? renderCompareJson(output) : renderCompareMarkdown(output));
  } finally {
    await pipeline.close();
  }
}
