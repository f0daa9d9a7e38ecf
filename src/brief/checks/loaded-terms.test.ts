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

  it('finds inflections: singulars of plural entries, plural possessives, -ly and -ness', () => {
    const text =
      'A mercenary, the bandit, one henchman, the Zionists’ plan, acting recklessly, its recklessness, a hero.';
    expect(lexicon.find(text).map((m) => [m.term, text.slice(m.start, m.end)])).toEqual([
      ['mercenaries', 'mercenary'],
      ['bandits', 'bandit'],
      ['henchmen', 'henchman'],
      ['zionists', 'Zionists'],
      ['reckless', 'recklessly'],
      ['reckless', 'recklessness'],
      ['heroes', 'hero'],
    ]);
  });

  it('reports a form that is an entry of its own as that entry', () => {
    expect(lexicon.find('terrorists and one terrorist').map((m) => m.term)).toEqual(['terrorists', 'terrorist']);
  });

  it('marks the whole hyphenated compound a term sits in', () => {
    const text = 'a terrorist-backed militia, the terror-sponsoring state and near-unprecedented strikes';
    expect(lexicon.find(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'terrorist-backed',
      'terror-sponsoring',
      'near-unprecedented',
    ]);
  });

  it('leaves derivations and neutral senses alone', () => {
    const text =
      'An act of aggression, a collaboration, the fight against terrorism, a radical restructuring, a Patriot battery, a killer disease, riot police smashing windows.';
    expect(lexicon.find(text)).toEqual([]);
  });

  it('skips a capitalized term that is part of a name, but not in a title-case headline', () => {
    expect(lexicon.find("Ships of the People's Liberation Army and the Homeland Security office.")).toEqual([]);
    expect(lexicon.find('Officials spoke of Nazi crimes.').map((m) => m.term)).toEqual(['nazi']);
    expect(lexicon.find('Russia Slams Western Hysteria Over Drills').map((m) => m.term)).toEqual(['hysteria']);
  });

  it('allows a loaded term inside a quotation and flags it outside', () => {
    expect(unquotedLoadedTerms('He called them “arrogant powers” in a speech.', lexicon)).toEqual([]);
    expect(unquotedLoadedTerms('He said "the vile enemy" would lose.', lexicon)).toEqual([]);
    expect(
      unquotedLoadedTerms('The arrogant powers want a unipolar order, he said.', lexicon).map((m) => m.term),
    ).toEqual(['arrogant powers']);
  });

  it('quotes loaded words left in our own voice, adjacent ones together', () => {
    expect(quoteLoadedTerms('they backed terrorist-backed groups', lexicon)).toBe(
      'they backed “terrorist-backed” groups',
    );
    expect(quoteLoadedTerms('campaigns by the vile hegemonic system continue', lexicon)).toBe(
      'campaigns by the “vile hegemonic system” continue',
    );
    expect(quoteLoadedTerms('He called it “vile” and heroic.', lexicon)).toBe('He called it “vile” and “heroic”.');
  });
});
