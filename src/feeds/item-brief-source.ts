import type { BriefRequest } from '../brief/schema.js';
import type { FeedItem } from './feed-schema.js';

/** A feed's own text shorter than this is taken for a teaser: the item's page is briefed instead. */
const FULL_TEXT_MIN_WORDS = 120;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * What an item is briefed from: the full text when the feed carries it (no page fetch, no paywall),
 * else its page, extracted as for /summarize; an item with neither keeps what text it has.
 */
export function itemBriefSource(item: FeedItem): BriefRequest['source'] {
  const url = item.url ?? undefined;
  if (words(item.contentText) >= FULL_TEXT_MIN_WORDS || (!url && item.contentText)) {
    return { kind: 'text', text: item.contentText, title: item.title || undefined, url };
  }
  if (url) return { kind: 'url', url };
  return {
    kind: 'text',
    text: [item.title, item.summaryText].filter(Boolean).join('\n\n') || item.id,
    title: item.title || undefined,
  };
}
