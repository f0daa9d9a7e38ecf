import { createRequire } from 'node:module';
import type { AnyFeed, parseFeed as ParseAnyFeed } from 'feedsmith';
import { UserError } from '../errors.js';
import { capAtWord } from '../text/cap-at-word.js';
import type { DraftFeed, DraftItem } from './feed-draft.js';
import { FEED_LIMITS, type FeedItem, type ParsedFeed, ParsedFeedSchema } from './feed-schema.js';
import { itemId } from './item-id.js';
import { parseFeedDate } from './parse-feed-date.js';
import { plainText } from './plain-text.js';
import { readAtom } from './read-atom.js';
import { readJsonFeed } from './read-json-feed.js';
import { readRdf, readRss } from './read-rss.js';
import { refuseXmlEntities } from './refuse-xml-entities.js';
import { resolveLink } from './resolve-link.js';

export interface ParseFeedOptions {
  /** Where the document was read from: the base for relative links when the feed sets none. */
  documentUrl: string | null;
  /** How error sentences name the feed: its host, or a file name. */
  source: string;
}

/** An untitled item is shown by the start of its text; a headline's length, not a title's cap. */
const UNTITLED_HEADLINE_CHARS = 120;

// feedsmith loads with the first feed read, not with every CLI command.
const require = createRequire(import.meta.url);
let parseAnyFeed: typeof ParseAnyFeed | undefined;

function readDocument(text: string, source: string): DraftFeed {
  if (text.length > FEED_LIMITS.maxDocumentChars) {
    throw new UserError('TOO_LARGE', `The feed at ${source} is too large to read.`);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let document: unknown = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      document = JSON.parse(trimmed);
    } catch (error) {
      throw new UserError('BAD_INPUT', `The feed at ${source} is not valid JSON.`, { cause: error });
    }
  } else {
    refuseXmlEntities(trimmed, source);
  }
  parseAnyFeed ??= require('feedsmith').parseFeed as typeof ParseAnyFeed;
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed<string>(document, { maxItems: FEED_LIMITS.maxItems });
  } catch (error) {
    // Whatever the library throws on hostile input ends here as one sentence, never a crash.
    const notAFeed = error instanceof Error && error.name === 'DetectError';
    const sentence = notAFeed
      ? `${source} is not an RSS, Atom or JSON feed.`
      : `The feed at ${source} is not well-formed, so it could not be read.`;
    throw new UserError('BAD_INPUT', sentence, { cause: error });
  }
  if (parsed.format === 'rss') return readRss(parsed.feed);
  if (parsed.format === 'rdf') return readRdf(parsed.feed);
  if (parsed.format === 'atom') return readAtom(parsed.feed);
  return readJsonFeed(parsed.feed);
}

function hostOf(url: string | null): string {
  return url ? new URL(url).hostname : '';
}

function finishItem(draft: DraftItem, feedBase: string | null): FeedItem {
  const base = resolveLink(draft.xmlBase, feedBase) ?? feedBase;
  const url = resolveLink(draft.link, base);
  const publishedAt = parseFeedDate(draft.date);
  const ownTitle = plainText(draft.title, FEED_LIMITS.maxTitleChars, true);
  const summaryText = plainText(draft.summary, FEED_LIMITS.maxSummaryChars);
  const contentText = plainText(draft.content, FEED_LIMITS.maxContentChars);
  const firstText = (summaryText || contentText).replace(/\s+/g, ' ');
  const author = plainText(
    draft.author ? { value: draft.author, kind: 'html' } : null,
    FEED_LIMITS.maxAuthorChars,
    true,
  );
  return {
    id: itemId({ declaredId: draft.declaredId, url, title: ownTitle, publishedAt, text: summaryText + contentText }),
    title: ownTitle || capAtWord(firstText, UNTITLED_HEADLINE_CHARS),
    url,
    publishedAt,
    summaryText,
    contentText,
    ...(author ? { author } : {}),
  };
}

/**
 * Reads an RSS 0.9x/2.0, RDF (RSS 1.0), Atom or JSON Feed document into one shape: plain-text titles
 * and texts, absolute links, ISO dates or null, an id for every item, everything capped. Entity
 * declarations are refused before parsing; anything unreadable is a UserError with one sentence.
 */
export function parseFeed(text: string, { documentUrl, source }: ParseFeedOptions): ParsedFeed {
  const draft = readDocument(text, source);
  const documentBase = resolveLink(documentUrl, null);
  // Without the address it was read from (a file), the feed's own absolute links are the best base.
  const feedBase =
    resolveLink(draft.xmlBase, documentBase) ??
    documentBase ??
    resolveLink(draft.selfLink, null) ??
    resolveLink(draft.siteLink, null);
  const url = resolveLink(draft.siteLink, feedBase) ?? resolveLink(draft.selfLink, feedBase) ?? documentBase;
  return ParsedFeedSchema.parse({
    feed: {
      title: plainText(draft.title, FEED_LIMITS.maxTitleChars, true) || hostOf(url),
      url,
      ...(draft.ttlMinutes ? { ttlMinutes: draft.ttlMinutes } : {}),
    },
    items: draft.items.slice(0, FEED_LIMITS.maxItems).map((item) => finishItem(item, feedBase)),
  });
}
