import { describe, expect, it } from 'vitest';
import type { BriefDraft } from '../schema.js';
import { groundClaims } from './ground-claims.js';

const article =
  'He said, “American power is declining.  Today,\nRussia is standing against the expansionism — of NATO.”';

function claim(quote: string | null): BriefDraft['claims'][number] {
  return {
    claimant: { name: 'Bagheri', role: null },
    statement: 'Bagheri said US power is declining.',
    quote,
    kind: 'evaluation',
    attribution: 'direct_quote',
    checkable: false,
  };
}

describe('groundClaims', () => {
  it('finds a quote despite different quote marks, dashes, spacing and case, and reports its offsets', () => {
    const { claims, groundingRate } = groundClaims(
      [claim('"american power is declining. today, russia is standing against the expansionism - of NATO"')],
      article,
    );
    const [c] = claims;
    expect(c?.grounded).toBe(true);
    expect(groundingRate).toBe(1);
    expect(article.slice(c?.quoteSpan?.start, c?.quoteSpan?.end)).toBe(c?.quote);
    expect(c?.quote).toContain('Today,\nRussia');
  });

  it('drops a quote that is not in the article and shows the claim as paraphrase', () => {
    const { claims, groundingRate } = groundClaims(
      [claim('American power has collapsed'), claim('American power is declining')],
      article,
    );
    expect(claims[0]).toMatchObject({ grounded: false, quote: null, attribution: 'paraphrase' });
    expect(claims[1]).toMatchObject({ grounded: true, id: 'c2' });
    expect(groundingRate).toBe(0.5);
  });

  it('leaves claims without a quote ungraded', () => {
    const { claims, groundingRate } = groundClaims([claim(null)], article);
    expect(claims[0]?.grounded).toBeNull();
    expect(groundingRate).toBeNull();
  });
});

describe('groundClaims, adversarial cases', () => {
  const text = 'The general said: “Our forces will respond.\n\nThe enemy will regret it.” Then he left.';

  it('refuses a quote that differs by one word', () => {
    expect(groundClaims([claim('Our forces will retaliate.')], text).claims[0]?.grounded).toBe(false);
  });

  it('accepts a quote that spans a paragraph break', () => {
    expect(groundClaims([claim('Our forces will respond. The enemy will regret it.')], text).claims[0]?.grounded).toBe(
      true,
    );
  });

  it('accepts straight quotation marks for curly ones', () => {
    expect(groundClaims([claim('"Our forces will respond.')], text).claims[0]?.grounded).toBe(true);
    expect(groundClaims([claim('it." Then he left')], text).claims[0]?.grounded).toBe(true);
  });
});
