import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../package-root.js';

export const LoadedTermsFileSchema = z.object({
  version: z.string(),
  terms: z.array(z.object({ term: z.string().min(2), category: z.string().min(2) })).min(1),
});

export const LOADED_TERMS_PATH = fromRoot('data', 'loaded-terms.json');

export interface LoadedTermMatch {
  /** The lexicon entry, whatever form the text used. */
  term: string;
  category: string;
  /** The span in the text: the whole hyphenated compound when the term is part of one. */
  start: number;
  end: number;
}

export interface Lexicon {
  size: number;
  /** Every loaded term in the text, longest first where they overlap, in text order. */
  find(text: string): LoadedTermMatch[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Singulars that have a common neutral sense ("a radical restructuring", "the Patriot system", "the
 * killer disease", a mullah as a cleric's title, Anglo-Saxon history): their plural entries stay
 * plural-only. Measured on 157 real English news pages, these were the singulars that misfired.
 */
const NEUTRAL_SINGULARS = new Set(['radical', 'killer', 'patriot', 'mullah', 'anglo-saxon']);

/**
 * The inflections of a term's last word: plural and possessive endings, the -ly and -ness of an
 * adjective, and the singular of a plural entry. Derivations that change the word (aggressor →
 * aggression, collaborator → collaboration, terrorist → terrorism) are left out: measured on real
 * pages they name legitimate subjects more often than they call names.
 */
function formsOf(word: string, term: string, entries: Set<string>): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}'s`, `${word}’s`, `${word}s'`, `${word}s’`]);
  const plural = /[^sui]s$/.test(word);
  if (/[^aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  if (/ic$/.test(word)) forms.add(`${word}ally`);
  else if (/[^aeiou]le$/.test(word)) forms.add(`${word.slice(0, -1)}y`);
  else if (!plural && !/ly$/.test(word)) forms.add(`${word}ly`);
  if (/(ous|ful|less|ive|ish)$/.test(word)) forms.add(`${word}ness`);
  const singular = word
    .replace(/men$/, 'man')
    .replace(/([^aeiou])ies$/, '$1y')
    .replace(/oes$/, 'o')
    .replace(/([^sui])s$/, '$1');
  if ((plural || /men$/.test(word)) && !NEUTRAL_SINGULARS.has(term.replace(/[^\s-]+$/, singular))) forms.add(singular);
  // A form that is an entry of its own ("terrorist" beside "terrorists") is reported as that entry.
  const phrase = (form: string) => term.replace(/[^\s-]+$/, form);
  return [...forms].filter((form) => form === word || !entries.has(phrase(form)));
}

/** One alternation of forms as their shared beginning and a group of endings, which matches far faster. */
function alternation(forms: string[]): string {
  let prefix = forms[0] ?? '';
  for (const form of forms) while (!form.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const endings = forms.map((f) => f.slice(prefix.length)).sort((a, b) => b.length - a.length);
  return `${escapeRegExp(prefix)}(?:${endings.map(escapeRegExp).join('|')})`;
}

const CAPITALIZED = /^\p{Lu}/u;

const COMPOUND_BEFORE = /(?:[\p{L}\p{N}]+-){1,3}$/u;
const COMPOUND_AFTER = /^(?:-[\p{L}\p{N}]+){1,3}/u;

/**
 * A term inside a hyphenated compound ("terrorist-backed", "near-unprecedented") marks the whole
 * compound, so quoting it quotes the word the source wrote. Looked for in code, in a bounded window,
 * not in the pattern: a pattern that did it backtracked badly on long hyphen chains.
 */
function compoundAround(text: string, start: number, end: number): { start: number; end: number } {
  const before = COMPOUND_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[0] ?? '';
  const after = COMPOUND_AFTER.exec(text.slice(end, end + 60))?.[0] ?? '';
  return { start: start - before.length, end: end + after.length };
}

/**
 * A capitalized term inside a sentence that runs on into another capitalized word is the start or
 * middle of a name ("People's Liberation Army", "Homeland Security", "Nazi Germany"), not the
 * writer's word, unless the whole line is in title case (a headline).
 */
function insideName(text: string, start: number, end: number): boolean {
  if (!CAPITALIZED.test(text.slice(start, end))) return false;
  if (!/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) return false;
  if (/(^|[.!?:"“”«]\s*|\n\s*)$/u.test(text.slice(Math.max(0, start - 3), start)) || start === 0) return false;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  const words = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).match(/\p{L}+/gu) ?? [];
  const capitalized = words.filter((w) => CAPITALIZED.test(w)).length;
  return capitalized / Math.max(1, words.length) < 0.6;
}

/** A term's words with any white space or hyphens between them, the last one in any of its forms. */
function patternFor(term: string, entries: Set<string>): string {
  const words = term.split(/[\s-]+/);
  const last = words.pop() as string;
  const tail = alternation(formsOf(last, term, entries));
  return [...words.map(escapeRegExp), tail].join('[\\s\\-]+');
}

export function loadLexicon(path: URL | string = LOADED_TERMS_PATH): Lexicon {
  const file = LoadedTermsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const terms = file.terms
    .map((t) => ({ ...t, term: t.term.toLowerCase() }))
    .sort((a, b) => b.term.length - a.term.length);
  const entries = new Set(terms.map((t) => t.term));
  const categoryOf = new Map(terms.map((t) => [t.term, t.category]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map((t) => `(${patternFor(t.term, entries)})`).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return {
    size: terms.length,
    find(text) {
      const matches: LoadedTermMatch[] = [];
      for (const m of text.matchAll(pattern)) {
        const { start, end } = compoundAround(text, m.index, m.index + m[0].length);
        if (insideName(text, start, end)) continue;
        const group = m.slice(1).findIndex((g) => g !== undefined);
        const term = terms[group]?.term ?? m[0].toLowerCase();
        matches.push({
          term,
          category: categoryOf.get(term) ?? 'loaded_language',
          start,
          end,
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
