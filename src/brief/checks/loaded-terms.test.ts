import { describe, expect, it } from 'vitest';
import { loadLexicon, unquotedLoadedTerms } from './loaded-terms.js';
import { quoteLoadedTerms } from './neutrality.js';

const lexicon = loadLexicon();

describe('loaded-terms lexicon', () => {
  it('has a few hundred entries', () => {
    expect(lexicon.size).toBeGreaterThanOrEqual(250);
  });

  it('finds whole words and phrases in any case, with plural and possessive endings', () => {
    const found = lexicon
      .find('The dictators and the puppet regime’s Vile plans; not a regimental band.')
      .map((m) => m.term);
    expect(found).toEqual(['dictator', 'puppet regime', 'vile']);
  });

  it('allows a loaded term inside a quotation and flags it outside', () => {
    expect(unquotedLoadedTerms('He called them “arrogant powers” in a speech.', lexicon)).toEqual([]);
    expect(unquotedLoadedTerms('He said "the vile enemy" would lose.', lexicon)).toEqual([]);
    expect(
      unquotedLoadedTerms('The arrogant powers want a unipolar order, he said.', lexicon).map((m) => m.term),
    ).toEqual(['arrogant powers']);
  });

  it('quotes loaded words left in our own voice, adjacent ones together', () => {
    expect(quoteLoadedTerms('campaigns by the vile hegemonic system continue', lexicon)).toBe(
      'campaigns by the “vile hegemonic system” continue',
    );
    expect(quoteLoadedTerms('He called it “vile” and heroic.', lexicon)).toBe('He called it “vile” and “heroic”.');
  });
});
