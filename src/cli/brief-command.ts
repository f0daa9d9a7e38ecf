import { parseArgs } from 'node:util';
import { ENGINE_NAMES, ENGINES } from '../brief/engines/registry.js';
import { makeBrief, type OnStage } from '../brief/make-brief.js';
import { BriefLengthSchema, EngineChoiceSchema, LanguageSchema } from '../brief/schema.js';
import { stageText } from '../brief/stage-text.js';
import type { Config } from '../config.js';
import { createPipeline } from '../create-pipeline.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readSource } from './read-source.js';
import { renderBriefMarkdown } from './render-markdown.js';

export const BRIEF_HELP = `Usage: sitrep brief <url | file | -> [options]

Makes a brief of a news article: a web address, a local .txt or .html file, or - for standard input.

Options:
  --json                 print the brief object as JSON instead of Markdown
  --length <l>           short | standard | detailed (default: standard)
  --language <code>      language of the brief, e.g. en, fr (default: en)
  --engine <e>           auto | ${ENGINE_NAMES.join(' | ')} (default: SITREP_ENGINE, auto)
  --no-cache             make a fresh brief even if one is cached
  -h, --help             show this help
`;

function parseOption<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  value: string,
  name: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UserError('BAD_INPUT', `Invalid --${name}: ${value}. See sitrep brief --help.`);
  return parsed.data as T;
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export async function runBriefCommand(args: string[], config: Config, logger: Logger, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      length: { type: 'string', default: 'standard' },
      language: { type: 'string', default: 'en' },
      engine: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(BRIEF_HELP);
    return;
  }
  if (positionals.length !== 1)
    throw new UserError('BAD_INPUT', 'Give exactly one URL, file or - (see sitrep brief --help).');
  const engine = values.engine === undefined ? undefined : parseOption(EngineChoiceSchema, values.engine, 'engine');
  const length = parseOption(BriefLengthSchema, values.length, 'length');
  const language = parseOption(LanguageSchema, values.language, 'language');
  const source = await readSource(positionals[0] as string);

  const pipeline = createPipeline(config, logger);
  try {
    const inSeconds = (at: number) => `within ${Math.max(0, Math.round((at - Date.now()) / 1000))} s`;
    const showStage: OnStage | undefined = io.stderr.isTTY
      ? (stage, slow) => io.stderr.write(`${stageText(stage, slow, inSeconds)}\n`)
      : undefined;
    const { brief, fromCache } = await makeBrief(
      { source, length, language, engine, bypassCache: values['no-cache'] },
      pipeline.ctx,
      showStage,
    );
    io.stdout.write(values.json ? `${JSON.stringify(brief, null, 2)}\n` : renderBriefMarkdown(brief, fromCache));
    const noModel = [...pipeline.ctx.engines.keys()].every((name) => !ENGINES[name].isModel);
    if ((engine ?? config.engine) === 'auto' && noModel) {
      io.stderr.write(
        'sitrep: no model engine is configured (ANTHROPIC_API_KEY, or an OpenAI-compatible server), so the offline engine (extractive, no model) made this brief.\n',
      );
    }
  } finally {
    await pipeline.close();
  }
}
