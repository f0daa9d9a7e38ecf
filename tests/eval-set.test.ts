import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/brief/checks/loaded-terms.js';

const dir = new URL('../bench/eval-set/', import.meta.url);
const items = readdirSync(dir).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const lexicon = loadLexicon();

describe('the labelled evaluation set', () => {
  it('has at least 12 articles plus the seed', () => {
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(items.some((i) => i.id.startsWith('seed'))).toBe(true);
  });

  it.each(items.map((i) => [i.id, i]))('%s labels only loaded terms the lexicon finds in its text', (_, item) => {
    const found = new Set(lexicon.find(item.text).map((m) => item.text.slice(m.start, m.end).toLowerCase()));
    for (const term of item.loadedTerms) expect(found).toContain(term);
    expect(item.claims.length).toBeGreaterThan(0);
  });
});
