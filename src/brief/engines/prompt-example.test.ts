import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groundClaims } from '../checks/ground-claims.js';
import {
  LOADED_TERMS_PATH,
  LoadedTermsFileSchema,
  loadLexicon,
  quotedRanges,
  unquotedLoadedTerms,
} from '../checks/loaded-terms.js';
import { neutralityProblems } from '../checks/neutrality.js';
import { BriefDraftSchema, BriefLengthSchema } from '../schema.js';
import { LENGTH_LIMITS } from './engine.js';
import { PROMPTS_DIR } from './load-prompts.js';
import { loadPromptExamples } from './prompt-examples.js';

// The worked examples teach the model what we demand, so each must meet every rule itself.
const examples = loadPromptExamples(PROMPTS_DIR);
const lexicon = loadLexicon();
const ATTRIBUTES = /\b(say|says|said|called|calls|described|describing|denied|denies|asked|notes)\b/;

function outsideQuotes(text: string): string {
  let out = text;
  for (const [start, end] of quotedRanges(text).reverse()) out = `${out.slice(0, start)} ${out.slice(end)}`;
  return out;
}

/**
 * Single-word loaded terms cut to a stem of five letters or more ("liberation" → "liberat",
 * "terrorists" → "terror", "russists" → "russist"), so the examples keep every inflection out of
 * their own voice, not only the forms the lexicon lists. Shorter terms are left to the lexicon.
 */
function stemOf(term: string): string | null {
  const plural = term.replace(/(s|es)$/, '');
  const bare = plural.replace(/(ed|ing|ion|ism|ist|ic|ically|ous|ly)$/, '');
  return [bare, plural, term].find((stem) => stem.length >= 5) ?? null;
}

const { terms } = LoadedTermsFileSchema.parse(JSON.parse(readFileSync(LOADED_TERMS_PATH, 'utf8')));
const loadedStems = [
  ...new Set(
    terms
      .map(({ term }) => term)
      .filter((term) => /^[a-z]+$/.test(term))
      .map(stemOf)
      .filter((stem) => stem !== null),
  ),
];

function inflectedLoadedWords(text: string): string[] {
  const words =
    outsideQuotes(text)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  return words.filter((word) => loadedStems.some((stem) => word.startsWith(stem)));
}

describe.each(examples.map((example) => [example.name, example] as const))('worked example %s', (name, example) => {
  const { brief, article, task } = example;
  const ownVoice = [
    brief.summary.headline,
    ...brief.summary.sentences,
    ...brief.claims.map((c) => c.statement),
    ...brief.unverified,
    ...brief.caveats,
  ];

  it('is a brief as the schema defines it, key for key', () => {
    const raw = JSON.parse(readFileSync(join(PROMPTS_DIR, 'examples', name, 'brief.json'), 'utf8'));
    expect(BriefDraftSchema.parse(raw)).toEqual(raw);
  });

  it('obeys the length its own task asks for', () => {
    const length = BriefLengthSchema.parse(/^Length: (\w+)/m.exec(task)?.[1]);
    const limits = LENGTH_LIMITS[length];
    const fewest = length === 'short' ? limits.sentences : limits.sentences - 2;
    expect(brief.summary.sentences.length).toBeGreaterThanOrEqual(fewest);
    expect(brief.summary.sentences.length).toBeLessThanOrEqual(limits.sentences);
    expect(brief.claims.length).toBeLessThanOrEqual(limits.claims);
  });

  it('quotes its article exactly, inside quotation marks only for direct quotes', () => {
    const { claims, groundingRate } = groundClaims(brief.claims, article);
    expect(groundingRate).toBe(1);
    const quoted = quotedRanges(article);
    for (const claim of claims) {
      if (!claim.quoteSpan) continue;
      const { start, end } = claim.quoteSpan;
      const insideQuotationMarks = quoted.some(([s, e]) => start > s && end < e);
      expect(insideQuotationMarks, `${claim.id} (${claim.attribution})`).toBe(claim.attribution === 'direct_quote');
    }
  });

  it('names the outlet, as the task gives it, as the claimant of its own voice', () => {
    const outlet = /^Source \(our records\): Outlet: (.+?)(?: \(|;)/m.exec(task)?.[1];
    expect(outlet).toBeDefined();
    for (const claim of brief.claims.filter((c) => c.attribution === 'outlet_voice')) {
      expect(claim.claimant.name).toBe(outlet === 'unknown' ? 'The outlet' : outlet);
    }
  });

  it('keeps loaded words, in any inflection, inside quotation marks', () => {
    expect(neutralityProblems(brief, lexicon)).toEqual([]);
    for (const caveat of brief.caveats) expect(unquotedLoadedTerms(caveat, lexicon)).toEqual([]);
    for (const text of ownVoice) expect(inflectedLoadedWords(text), text).toEqual([]);
  });

  it('attributes its headline, every summary sentence and every claim statement', () => {
    for (const text of [brief.summary.headline, ...brief.summary.sentences, ...brief.claims.map((c) => c.statement)]) {
      expect(text).toMatch(ATTRIBUTES);
    }
  });
});

describe('the worked examples together', () => {
  it('cover every attribution and every kind of claim', () => {
    const claims = examples.flatMap((e) => e.brief.claims);
    expect(new Set(claims.map((c) => c.attribution))).toEqual(new Set(['direct_quote', 'paraphrase', 'outlet_voice']));
    expect(new Set(claims.map((c) => c.kind))).toEqual(new Set(['fact', 'forecast', 'evaluation', 'threat', 'policy']));
  });

  it('include an article in another language than the brief', () => {
    const french = examples.find((e) => e.name.includes('french'));
    expect(french?.task).toMatch(/^Language: en$/m);
    expect(french?.article).toMatch(/« [^»]+ »/);
    expect(french?.brief.claims.some((c) => c.quote && /[éèàç’]/.test(c.quote))).toBe(true);
  });

  it('are held to a stem check that catches inflections the lexicon does not list', () => {
    expect(inflectedLoadedWords('Units liberated the town; the ministry spoke of terrorism and provocations')).toEqual([
      'liberated',
      'terrorism',
      'provocations',
    ]);
    expect(inflectedLoadedWords('The ministry said it took the town, calling it "liberated"')).toEqual([]);
  });
});
