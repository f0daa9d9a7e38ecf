import type { BriefDraft } from '../schema.js';
import { type Lexicon, unquotedLoadedTerms } from './loaded-terms.js';

/** The brief's own voice: headline, summary, claim statements and unverified points, with where each is. */
function ownVoice(draft: BriefDraft): { where: string; text: string }[] {
  return [
    { where: 'headline', text: draft.summary.headline },
    ...draft.summary.sentences.map((text, i) => ({ where: `summary sentence ${i + 1}`, text })),
    ...draft.claims.map((c, i) => ({ where: `claim ${i + 1} statement`, text: c.statement })),
    ...draft.unverified.map((text, i) => ({ where: `unverified point ${i + 1}`, text })),
  ];
}

/** One line per loaded term the brief uses in its own voice, for the model's repair round. */
export function neutralityProblems(draft: BriefDraft, lexicon: Lexicon): string[] {
  return ownVoice(draft).flatMap(({ where, text }) =>
    unquotedLoadedTerms(text, lexicon).map(
      (m) => `${where} uses "${text.slice(m.start, m.end)}" outside quotation marks`,
    ),
  );
}

/**
 * Puts every loaded term in the text's own voice inside quotation marks (adjacent ones share a
 * pair), so it reads as the source's word, not ours.
 */
export function quoteLoadedTerms(text: string, lexicon: Lexicon): string {
  let out = text;
  for (const m of unquotedLoadedTerms(text, lexicon).reverse()) {
    out = `${out.slice(0, m.start)}“${out.slice(m.start, m.end)}”${out.slice(m.end)}`;
  }
  return out.replace(/”(\s+)“/g, '$1');
}

/** The last line of defence, for both engines: nothing loaded is left in the brief's own voice. */
export function enforceNeutrality(draft: BriefDraft, lexicon: Lexicon): BriefDraft {
  const fix = (text: string) => quoteLoadedTerms(text, lexicon);
  return {
    ...draft,
    summary: { headline: fix(draft.summary.headline), sentences: draft.summary.sentences.map(fix) },
    claims: draft.claims.map((c) => ({ ...c, statement: fix(c.statement) })),
    unverified: draft.unverified.map(fix),
  };
}
