import { describe, expect, it } from 'vitest';
import type { FeedItem } from './feed-schema.js';
import { createItemFilter, foldText, parseFilterTerms } from './item-filter.js';

const item = (title: string, text = ''): FeedItem => ({
  id: title,
  title,
  url: null,
  publishedAt: null,
  summaryText: text,
  contentText: '',
});

describe('feed item filters', () => {
  it('folds case and accents, and splits on commas', () => {
    expect(foldText('  Défense   AÉRIENNE ')).toBe('defense aerienne');
    expect(parseFilterTerms('Frégate, drone ,, FRÉGATE', 'include')).toEqual(['fregate', 'drone']);
    expect(parseFilterTerms(undefined, 'include')).toEqual([]);
  });

  it('keeps an item that has one included word in its title or text, case- and accent-insensitively', () => {
    const keep = createItemFilter({ include: parseFilterTerms('frégate, missile defence', 'include'), exclude: [] });
    expect(keep(item('La FREGATE est rentrée'))).toBe(true);
    expect(keep(item('Budget news', 'Talks on Missile Defence resumed.'))).toBe(true);
    expect(keep(item('Tank deliveries'))).toBe(false);
  });

  it('matches whole words and phrases, not parts of words', () => {
    const keep = createItemFilter({ include: ['war'], exclude: [] });
    expect(keep(item('The war ended'))).toBe(true);
    expect(keep(item('New software released'))).toBe(false);
    expect(keep(item('War-games start'))).toBe(true);
  });

  it('drops an item with an excluded word even when it has an included one', () => {
    const keep = createItemFilter({ include: ['navy'], exclude: parseFilterTerms('Exercise, opinion', 'exclude') });
    expect(keep(item('Navy ships sail'))).toBe(true);
    expect(keep(item('Navy exercise begins'))).toBe(false);
    expect(keep(item('Opinion: the navy'))).toBe(false);
  });

  it('treats words with regular-expression characters as plain text', () => {
    const keep = createItemFilter({ include: parseFilterTerms('c++, (beta)', 'include'), exclude: [] });
    expect(keep(item('A c++ compiler'))).toBe(true);
    expect(keep(item('cc'))).toBe(false);
  });

  it('refuses too many words with one sentence', () => {
    const many = Array.from({ length: 21 }, (_, i) => `w${i}`).join(',');
    expect(() => parseFilterTerms(many, 'exclude')).toThrow('Give at most 20 words in `exclude`.');
  });
});
