import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../package-root.js';

export const LoadedTermsFileSchema = z.object({
  version: z.string(),
  terms: z.array(z.object({ term: z.string().min(2), category: z.string().min(2) })).min(1),
});

export const LOADED_TERMS_PATH = fromRoot('data', 'loaded-terms.json');

export interface LoadedTermMatch {
  term: string;
  category: string;
  start: number;
  end: number;
}

export interface Lexicon {
  size: number;
  /** Every loaded term in the text, longest first where they overlap, in text order. */
  find(text: string): LoadedTermMatch[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words or phrases, any case, white space and hyphens as written or not, with -s/-es/'s endings. */
function patternFor(term: string): string {
  const words = term.split(/[\s-]+/).map(escapeRegExp);
  return `${words.join('[\\s\\-]+')}(?:s|es|['’]s)?`;
}

export function loadLexicon(path: URL | string = LOADED_TERMS_PATH): Lexicon {
  const file = LoadedTermsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const terms = [...file.terms].sort((a, b) => b.term.length - a.term.length);
  const categoryOf = new Map(terms.map((t) => [t.term, t.category]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map((t) => `(${patternFor(t.term)})`).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return {
    size: terms.length,
    find(text) {
      const matches: LoadedTermMatch[] = [];
      for (const m of text.matchAll(pattern)) {
        const group = m.slice(1).findIndex((g) => g !== undefined);
        const term = terms[group]?.term ?? m[0].toLowerCase();
        matches.push({
          term,
          category: categoryOf.get(term) ?? 'loaded_language',
          start: m.index,
          end: m.index + m[0].length,
        });
      }
      return matches;
    },
  };
}

/** Character ranges inside double quotation marks (“…”, "…", «…»): words there are someone's, not ours. */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"|«[^»]*»|„[^“”]*[“”]/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Loaded terms that stand in the text's own voice, outside any quotation. */
export function unquotedLoadedTerms(text: string, lexicon: Lexicon): LoadedTermMatch[] {
  const quoted = quotedRanges(text);
  return lexicon.find(text).filter((m) => !quoted.some(([s, e]) => m.start >= s && m.end <= e));
}
