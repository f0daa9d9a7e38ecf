import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../extract/extract-article.js';
import { createOfflineEngine } from './offline-engine.js';

const seed = readFileSync(new URL('../../../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');

describe('offline engine on the seed article', async () => {
  const article = articleFromText(seed);
  const { draft, usage } = await createOfflineEngine().draft(article, {
    length: 'standard',
    language: 'en',
    sourceContext: '',
    deadlineAt: Date.now() + 60_000,
  });

  it('keeps the outlet headline inside quotation marks and attributed', () => {
    expect(draft.summary.headline).toBe(
      'Tehran Times reports: “World powers trying to buy arms from Iran: military chief”',
    );
  });

  it('attributes the general’s statements to him, including "he" and "the general" sentences', () => {
    const byBagheri = draft.claims.filter((c) => c.claimant.name.includes('Bagheri'));
    expect(byBagheri.length).toBeGreaterThanOrEqual(5);
    expect(byBagheri[0]?.claimant.role).toBe('the chief of staff of the Armed Forces');
    const warning = draft.claims.find((c) => c.statement.includes('swift response'));
    expect(warning).toMatchObject({ kind: 'threat' });
    expect(warning?.claimant.name).toContain('Bagheri');
  });

  it('does not take the addressee of a message for its speaker', () => {
    const message = draft.claims.find((c) => c.statement.includes('in a message to Defense Minister'));
    expect(message?.claimant.name).toContain('Bagheri');
  });

  it('separates the outlet’s own voice and unnamed officials', () => {
    expect(draft.claims.find((c) => c.statement.startsWith('Recent innovations'))).toMatchObject({
      attribution: 'outlet_voice',
      claimant: { name: 'Tehran Times' },
    });
    expect(draft.claims.find((c) => c.statement.includes('according to officials'))?.claimant.name).toBe('officials');
  });

  it('picks summary sentences from the article in reading order, within the length', () => {
    expect(draft.summary.sentences.length).toBe(5);
    const positions = draft.summary.sentences.map((s) => seed.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('says it is offline and costs no tokens', () => {
    expect(draft.caveats[0]).toContain('offline engine');
    expect(usage.inputTokens + usage.outputTokens).toBe(0);
  });
});
