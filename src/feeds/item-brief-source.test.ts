import { describe, expect, it } from 'vitest';
import { newestOf } from './feed-desk.js';
import type { FeedItem } from './feed-schema.js';
import { itemBriefSource } from './item-brief-source.js';

const base: FeedItem = {
  id: 'x',
  title: 'Frigates return',
  url: 'https://navy.example/frigates',
  publishedAt: null,
  summaryText: 'Two frigates returned.',
  contentText: '',
};
const article = Array.from({ length: 130 }, (_, i) => `word${i}`).join(' ');

describe('itemBriefSource', () => {
  it('briefs a teaser-only item from its page', () => {
    expect(itemBriefSource(base)).toEqual({ kind: 'url', url: 'https://navy.example/frigates' });
    expect(itemBriefSource({ ...base, contentText: 'A short teaser of ten words or so here.' })).toEqual({
      kind: 'url',
      url: 'https://navy.example/frigates',
    });
  });

  it('briefs an item that carries its full text from that text, keeping its link', () => {
    expect(itemBriefSource({ ...base, contentText: article })).toEqual({
      kind: 'text',
      text: article,
      title: 'Frigates return',
      url: 'https://navy.example/frigates',
    });
  });

  it('briefs an item without a link from what text it has', () => {
    expect(itemBriefSource({ ...base, url: null })).toEqual({
      kind: 'text',
      text: 'Frigates return\n\nTwo frigates returned.',
      title: 'Frigates return',
    });
  });
});

describe('newestOf', () => {
  it('picks the latest date, else the first item', () => {
    const a = { ...base, id: 'a', publishedAt: '2026-11-20T08:00:00.000Z' };
    const b = { ...base, id: 'b', publishedAt: '2026-11-20T09:00:00.000Z' };
    expect(newestOf([a, b])?.id).toBe('b');
    expect(
      newestOf([
        { ...base, id: 'c' },
        { ...base, id: 'd' },
      ])?.id,
    ).toBe('c');
    expect(newestOf([])).toBeNull();
  });
});
