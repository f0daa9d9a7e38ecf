import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSafeDispatcher } from '../brief/acquire/safe-dispatcher.js';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import { decodeFeedBody } from '../feeds/decode-feed-body.js';
import { type FeedListing, FeedListingSchema, type ParsedFeed } from '../feeds/feed-schema.js';
import { fetchFeed } from '../feeds/fetch-feed.js';
import { parseFeed } from '../feeds/parse-feed.js';
import type { CliIo } from './brief-command.js';

const FEED_HELP = `Usage: sitrep feed read <url | file> [--json]

Reads an RSS, Atom or JSON feed and prints its title and items. A web address may be a site's page:
the feed it announces (<link rel="alternate">) is read. A file is read as a feed document.

Options:
  --json       print { "feed": { "title", "url" }, "items": [{ "id", "title", "url", "publishedAt" }] }
  -h, --help   show this help
`;

function readArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    // Node's own message runs on with advice about '--'; its first sentence is the useful part.
    const first = (error as Error).message.split('. ')[0];
    throw new UserError('BAD_INPUT', `${first}. See sitrep feed --help.`);
  }
}

/** Reads at most `maxBytes` of a file, refusing a larger one without reading it all. */
function readCappedFile(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new UserError('BAD_INPUT', `No such file: ${path} (for a web address, include http:// or https://).`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UserError('BAD_INPUT', `${path} is not a file.`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length <= maxBytes) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) {
      throw new UserError('TOO_LARGE', `${path} is larger than ${Math.round(maxBytes / 1024)} KB, so it was not read.`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

async function readFeed(source: string, config: Config): Promise<ParsedFeed> {
  const isAddress = /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^(javascript|data|file|mailto):/i.test(source);
  if (!isAddress) {
    const text = decodeFeedBody(readCappedFile(source, config.fetch.maxBytes), '');
    return parseFeed(text, { documentUrl: null, source });
  }
  const dispatcher = createSafeDispatcher({ allowLoopback: config.fetch.allowLoopback });
  try {
    const result = await fetchFeed(source, { dispatcher, fetchLimits: config.fetch });
    if (result.status === 'fetched') return result.parsed;
    // No validators are sent from the command line, so only a server asking to wait ends here.
    const when = result.status === 'throttled' && result.notBefore ? ` after ${result.notBefore}` : ' later';
    throw new UserError('FETCH_FAILED', `${new URL(result.feedUrl).hostname} asked to be polled again${when}.`);
  } finally {
    await dispatcher.close();
  }
}

function renderText({ feed, items }: FeedListing): string {
  const lines = items.map((item) => {
    const date = item.publishedAt ? item.publishedAt.slice(0, 16).replace('T', ' ') : '----------------';
    return [date, item.title || '(untitled)', item.url ?? ''].join('  ').trimEnd();
  });
  return `${[feed.title, ...(lines.length ? lines : ['(no items)'])].join('\n')}\n`;
}

/** `sitrep feed read <url | file> [--json]`: the feed's title and items, as other tools read them. */
export async function runFeedCommand(args: string[], config: Config, io: CliIo): Promise<void> {
  const { values, positionals } = readArgs(args);
  const [action, source, ...rest] = positionals;
  if (values.help || action === undefined || action === 'help') return void io.stdout.write(FEED_HELP);
  if (action !== 'read') throw new UserError('BAD_INPUT', `Unknown feed action "${action}" (see sitrep feed --help).`);
  if (!source || rest.length > 0) {
    throw new UserError('BAD_INPUT', 'Give exactly one feed URL or file (see sitrep feed --help).');
  }
  const listing = FeedListingSchema.parse(await readFeed(source, config));
  io.stdout.write(values.json ? `${JSON.stringify(listing, null, 2)}\n` : renderText(listing));
}
