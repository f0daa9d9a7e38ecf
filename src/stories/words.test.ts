import { describe, expect, it } from 'vitest';
import { contentWords, foldCase, stem } from './words.js';

describe('words', () => {
  it('meets plurals and verb forms at one stem, leaving short words alone', () => {
    expect(stem('drones')).toBe(stem('drone'));
    expect(stem('casualties')).toBe('casualty');
    expect(stem('refineries')).toBe('refinery');
    expect(stem('intercepted')).toBe('intercept');
    expect(stem('gas')).toBe('gas');
    expect(stem('press')).toBe('press');
  });

  it('folds accents and case so spellings meet', () => {
    expect(foldCase('Türkiye’s')).toBe("turkiye's");
  });

  it('keeps the content words of a sentence, without reporting verbs or function words', () => {
    expect(contentWords('The ministry said on Tuesday that 38 drones were shot down over Belgorod.')).toEqual([
      'drone',
      'shot',
      'belgorod',
    ]);
  });
});
