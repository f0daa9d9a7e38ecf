import { describe, expect, it } from 'vitest';
import type { FeedItem } from './feed-schema.js';
import { rememberSeen, seenKey } from './seen-items.js';
import { ITEMS_LIMITS } from './subscription.js';
import { takeNewItems } from './take-new-items.js';

const item = (id: string, publishedAt: string | null = null, title = id): FeedItem => ({
  id,
  title,
  url: null,
  publishedAt,
  summaryText: '',
  contentText: '',
});
const all = () => true;

describe('takeNewItems', () => {
  it('takes only items not seen before, oldest first by date', () => {
    const items = [
      item('c', '2026-11-20T10:00:00.000Z'),
      item('b', '2026-11-20T09:00:00.000Z'),
      item('a', '2026-11-20T08:00:00.000Z'),
    ];
    const result = takeNewItems(items, new Set([seenKey('a')]), { keep: all, max: 10 });
    expect(result.take.map((i) => i.id)).toEqual(['b', 'c']);
    expect(result.newKeys).toEqual([seenKey('c'), seenKey('b')]);
  });

  it('uses the reverse of the feed order when an item has no date', () => {
    const result = takeNewItems([item('c'), item('b', '2026-11-20T09:00:00.000Z'), item('a')], new Set(), {
      keep: all,
      max: 10,
    });
    expect(result.take.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts by date even when the feed lists oldest first', () => {
    const items = [item('a', '2026-11-20T08:00:00.000Z'), item('b', '2026-11-20T09:00:00.000Z')];
    expect(takeNewItems(items, new Set(), { keep: all, max: 10 }).take.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('takes at most the newest `max`, and marks the rest seen as skipped', () => {
    const items = Array.from({ length: 15 }, (_, i) =>
      item(`n${14 - i}`, new Date(Date.UTC(2026, 0, 1, 14 - i)).toISOString()),
    );
    const result = takeNewItems(items, new Set(), { keep: all, max: 10 });
    expect(result.take.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i + 5}`));
    expect(result.skipped).toBe(5);
    expect(result.newKeys).toHaveLength(15);
  });

  it('marks filtered-out items seen without taking them, and counts a repeated id once', () => {
    const result = takeNewItems([item('x', null, 'keep me'), item('y', null, 'drop me'), item('x')], new Set(), {
      keep: (i) => i.title.startsWith('keep'),
      max: 10,
    });
    expect(result.take.map((i) => i.id)).toEqual(['x']);
    expect(result.filteredOut).toBe(1);
    expect(result.newKeys).toEqual([seenKey('x'), seenKey('y')]);
  });
});

describe('rememberSeen', () => {
  it('keeps every id while under the bound', () => {
    expect(rememberSeen(['a', 'b'], ['c'], new Set())).toEqual(['a', 'b', 'c']);
  });

  it('drops the oldest ids past the bound, but never one the feed still carries', () => {
    const old = Array.from({ length: ITEMS_LIMITS.maxSeen }, (_, i) => `k${i}`);
    const kept = rememberSeen(old, ['new1', 'new2'], new Set(['k0', 'new1', 'new2']));
    expect(kept).toHaveLength(ITEMS_LIMITS.maxSeen);
    expect(kept).toContain('k0');
    expect(kept).not.toContain('k1');
    expect(kept).not.toContain('k2');
    expect(kept.slice(-2)).toEqual(['new1', 'new2']);
  });
});
