import { describe, expect, it } from 'vitest';
import { briefFeatures, briefTime } from './brief-features.js';
import { loadCountries } from './countries.js';
import { nameKey } from './name-key.js';
import { normOf, similarity } from './similarity.js';
import { buildBrief } from './testing/build-brief.js';
import {
  clashByArmenia,
  clashByAzerbaijan,
  clashByWire,
  unrelatedNaval,
  unrelatedSameRegion,
} from './testing/story-briefs.js';

const countries = loadCountries();

function similar(a: Parameters<typeof briefFeatures>[0], b: Parameters<typeof briefFeatures>[0]) {
  const [x, y] = [briefFeatures(a, countries), briefFeatures(b, countries)];
  return similarity(x.weights, normOf(x.weights), [...y.weights], normOf(y.weights));
}

describe('briefFeatures', () => {
  it('reads names, places, designations, units, counts, days and countries from the brief', () => {
    const { weights } = briefFeatures(clashByArmenia, countries);
    for (const feature of [
      'e:sotk',
      `e:${nameKey('gegharkunik')}`,
      'w:tb2',
      'u:3 corps',
      'n:2 soldier',
      'q:soldier',
      'd:2026-11-24',
      'c:azerbaijan',
      't:attack',
    ]) {
      expect(weights.has(feature), feature).toBe(true);
    }
  });

  it('weighs what the headline and lead name above what comes later', () => {
    const opening = 'Units clashed near Sotk overnight, officials said. '.repeat(9);
    const brief = buildBrief({ key: 'lead', text: `${opening}\n\nLater, troops moved toward Jermuk, officials said.` });
    const { weights } = briefFeatures(brief, countries);
    expect(weights.get('e:sotk')).toBe(1.5);
    expect(weights.get(`e:${nameKey('jermuk')}`)).toBe(1);
  });

  it('leaves out the outlet’s own name', () => {
    const { weights } = briefFeatures(clashByWire, countries);
    expect([...weights.keys()].filter((f) => f.includes('reuters'))).toEqual([]);
  });

  it('scores two sides of one clash above a same-day item from the same country', () => {
    const sameEvent = similar(clashByArmenia, clashByAzerbaijan);
    expect(sameEvent).toBeGreaterThan(similar(clashByArmenia, unrelatedSameRegion));
    expect(sameEvent).toBeGreaterThan(similar(clashByAzerbaijan, unrelatedNaval));
    expect(similar(clashByWire, clashByAzerbaijan)).toBeGreaterThan(similar(clashByWire, unrelatedSameRegion));
  });

  it('takes the publication time, or when the brief was made when the date is missing or impossible', () => {
    expect(briefTime(clashByArmenia)).toBe(Date.parse('2026-11-25T06:00:00Z'));
    const undated = buildBrief({ key: 'x', publishedAt: null, createdAt: '2026-11-20T10:00:00.000Z' });
    expect(briefTime(undated)).toBe(Date.parse('2026-11-20T10:00:00Z'));
    const future = buildBrief({ key: 'y', publishedAt: '2031-01-01T00:00:00Z', createdAt: '2026-11-20T10:00:00.000Z' });
    expect(briefTime(future)).toBe(Date.parse('2026-11-20T10:00:00Z'));
  });

  it('keeps a bounded number of short features from hostile text', () => {
    const text = `${'Xq'.repeat(400)} ${Array.from({ length: 300 }, (_, i) => `Name${String.fromCharCode(65 + (i % 26))}${i}x`).join(' ')}`;
    const { weights } = briefFeatures(buildBrief({ key: 'big', text }), countries);
    expect(weights.size).toBeLessThanOrEqual(80);
    expect([...weights.keys()].every((f) => f.length <= 64)).toBe(true);
  });
});
