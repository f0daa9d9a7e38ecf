import { parseArgs } from 'node:util';
import { acquireArticle } from '../brief/acquire/acquire-article.js';
import type { Config } from '../config.js';
import { createPipeline } from '../create-pipeline.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CliIo } from './brief-command.js';
import { readSource } from './read-source.js';

const EXTRACT_HELP = `Usage: sitrep extract <url | file | -> [--json]

Prints what Sitrep would hand to the engine: the article text and its metadata. A .html file (or
HTML on standard input) is extracted exactly as a fetched page would be; a .txt file is article text.
`;

/** `sitrep extract`: the text a brief would be made from, so anyone can check it. */
export async function runExtractCommand(args: string[], config: Config, logger: Logger, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) return void io.stdout.write(EXTRACT_HELP);
  if (positionals.length !== 1)
    throw new UserError('BAD_INPUT', 'Give exactly one URL, file or - (see sitrep extract --help).');
  const source = await readSource(positionals[0] as string);
  const pipeline = createPipeline(config, logger);
  try {
    const article = await acquireArticle(source, pipeline.ctx, () => {});
    const wordCount = article.text.split(/\s+/).filter(Boolean).length;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ...article, wordCount }, null, 2)}\n`);
      return;
    }
    const fields: [string, string | null][] = [
      ['Title', article.title],
      ['Outlet', article.outlet],
      ['Byline', article.byline],
      ['Published', article.publishedAt],
      ['Language', article.language],
      ['Canonical URL', article.canonicalUrl],
      ['Words', String(wordCount)],
    ];
    const header = fields.map(([name, value]) => `${name}: ${value ?? '—'}`).join('\n');
    io.stdout.write(`${header}\n\n${article.text}\n`);
  } finally {
    await pipeline.close();
  }
}
