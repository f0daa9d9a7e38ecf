import type { BriefDraft, Claim } from '../schema.js';

const QUOTE_MARKS: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '«': '"',
  '»': '"',
  '″': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '‹': "'",
  '›': "'",
  '′': "'",
  '`': "'",
};
const DASHES = /[‐‑‒–—―−]/;

interface NormalizedText {
  text: string;
  /** For each character of `text`, its offset in the original. */
  origin: number[];
}

/**
 * Folds what a quote may legitimately differ in: white space runs, quotation-mark and dash styles,
 * and case. Keeps a map back to the original so a match can be reported as offsets in the article.
 */
function normalizeForMatch(original: string): NormalizedText {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (/\s/.test(ch)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += ' ';
      origin.push(i);
      pendingSpace = false;
    }
    const folded = QUOTE_MARKS[ch] ?? (DASHES.test(ch) ? '-' : ch.toLowerCase());
    for (const unit of folded) {
      text += unit;
      origin.push(i);
    }
  }
  return { text, origin };
}

export interface GroundingResult {
  claims: Claim[];
  /** Share of offered quotes found in the article; null when no claim offered one. */
  groundingRate: number | null;
}

/**
 * Every quote must occur in the article. A quote that does not is removed, and the claim is shown as
 * an unquoted paraphrase, marked ungrounded.
 */
export function groundClaims(draftClaims: BriefDraft['claims'], articleText: string): GroundingResult {
  const article = normalizeForMatch(articleText);
  let offered = 0;
  let found = 0;
  const claims = draftClaims.map((draft, i): Claim => {
    const id = `c${i + 1}`;
    const quote = draft.quote?.trim().replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '') ?? '';
    if (!quote) return { ...draft, quote: null, id, grounded: null, quoteSpan: null };
    offered++;
    const needle = normalizeForMatch(quote).text;
    const at = needle ? article.text.indexOf(needle) : -1;
    if (at < 0) {
      const attribution = draft.attribution === 'direct_quote' ? 'paraphrase' : draft.attribution;
      return { ...draft, quote: null, attribution, id, grounded: false, quoteSpan: null };
    }
    found++;
    const start = article.origin[at] as number;
    const end = (article.origin[at + needle.length - 1] as number) + 1;
    return { ...draft, quote: articleText.slice(start, end), id, grounded: true, quoteSpan: { start, end } };
  });
  return { claims, groundingRate: offered === 0 ? null : found / offered };
}
