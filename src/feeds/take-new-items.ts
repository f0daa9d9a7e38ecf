import type { FeedItem } from './feed-schema.js';
import { seenKey } from './seen-items.js';

export interface NewItems {
  /** What to post, oldest first. */
  take: FeedItem[];
  /** Keys of every item seen for the first time (posted, filtered out or skipped alike). */
  newKeys: string[];
  /** Keys of every item the feed carries now. */
  currentKeys: Set<string>;
  filteredOut: number;
  /** New items past the per-poll cap: marked seen, not posted. */
  skipped: number;
}

/**
 * Oldest first by date when every new item has one; otherwise the reverse of the feed's own order
 * (feeds list newest first). A feed that lists oldest first and gives dates still comes out right.
 */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  const reversed = [...items].reverse();
  if (!items.every((item) => item.publishedAt)) return reversed;
  return reversed.sort((a, b) => Date.parse(a.publishedAt ?? '') - Date.parse(b.publishedAt ?? ''));
}

/**
 * The items of a poll that are new to this feed and channel and pass its filters: at most `max`, the
 * newest ones, in posting order (oldest first), so a burst after a quiet spell cannot flood a channel.
 */
export function takeNewItems(
  items: FeedItem[],
  seen: ReadonlySet<string>,
  options: { keep: (item: FeedItem) => boolean; max: number },
): NewItems {
  const currentKeys = new Set<string>();
  const fresh: FeedItem[] = [];
  const newKeys: string[] = [];
  for (const item of items) {
    const key = seenKey(item.id);
    if (currentKeys.has(key)) continue;
    currentKeys.add(key);
    if (seen.has(key)) continue;
    fresh.push(item);
    newKeys.push(key);
  }
  const wanted = oldestFirst(fresh).filter(options.keep);
  const take = wanted.slice(Math.max(0, wanted.length - options.max));
  return {
    take,
    newKeys,
    currentKeys,
    filteredOut: fresh.length - wanted.length,
    skipped: wanted.length - take.length,
  };
}
