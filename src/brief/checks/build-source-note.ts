import type { BriefDraft, Claim, ExtractedArticle, SourceNote } from '../schema.js';
import type { TrustData } from './brief-check.js';
import type { Lexicon } from './loaded-terms.js';
import { whoseStory } from './whose-story.js';

const MAX_LOADED_TERMS = 15;

/** Who is quoted and how often, in order of first appearance; the outlet's own voice is not a source. */
function quotedSources(claims: Claim[]): SourceNote['quoted'] {
  const byName = new Map<string, SourceNote['quoted'][number]>();
  for (const claim of claims) {
    if (claim.attribution === 'outlet_voice') continue;
    const key = claim.claimant.name.toLowerCase();
    const entry = byName.get(key);
    if (entry) {
      entry.claims++;
      entry.role ??= claim.claimant.role;
    } else {
      byName.set(key, { name: claim.claimant.name, role: claim.claimant.role, claims: 1 });
    }
  }
  return [...byName.values()];
}

/** Loaded words in the article itself, once each, with a little of the sentence around them. */
function loadedTermsInArticle(text: string, lexicon: Lexicon): SourceNote['loadedTerms'] {
  const seen = new Set<string>();
  const found: SourceNote['loadedTerms'] = [];
  for (const m of lexicon.find(text)) {
    if (seen.has(m.term) || found.length >= MAX_LOADED_TERMS) continue;
    seen.add(m.term);
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, m.start - 50)) + 1);
    const to = text.indexOf(' ', Math.min(text.length, m.end + 50));
    const context = text
      .slice(from, to < 0 ? text.length : to)
      .replace(/\s+/g, ' ')
      .trim();
    found.push({ term: text.slice(m.start, m.end), category: m.category, context });
  }
  return found;
}

function singleSourceWarning(claims: Claim[], quoted: SourceNote['quoted'], outletName: string): string | null {
  if (claims.length === 0) return null;
  if (quoted.length === 0) return `Every claim is made in ${outletName}'s own voice; no source is quoted.`;
  if (quoted.length === 1 && quoted[0]) {
    return `Every attributed claim rests on one party (${quoted[0].name}); no independent source confirms any of it.`;
  }
  return null;
}

/**
 * The source note from data we hold: the outlet registry, the claims, the lexicon. The engine's own
 * list of unverified points and caveats is kept after ours (`found` holds what earlier checks
 * noticed), but outlet facts never come from it.
 */
export function buildSourceNote(
  article: ExtractedArticle,
  draft: BriefDraft,
  claims: Claim[],
  trust: TrustData,
  found: string[] = [],
): SourceNote {
  const quoted = quotedSources(claims);
  const story = whoseStory(article, trust);
  const warning = singleSourceWarning(claims, quoted, story.outlet.name ?? 'the outlet');
  const ours = [warning, ...found].filter((c): c is string => c !== null);
  return {
    ...story,
    quoted,
    independentSources: quoted.length,
    unverified: draft.unverified,
    loadedTerms: loadedTermsInArticle(article.text, trust.lexicon),
    caveats: [...ours, ...draft.caveats.filter((c) => !ours.includes(c))],
  };
}

/** Page metadata is written by the page, so it is hostile too: one short line, no markup. */
function inert(value: string | null, fallback: string): string {
  return value ? value.replace(/[\r\n<>{}]+/g, ' ').slice(0, 100) : fallback;
}

/** What the model is told about the source: facts from our registry and the page, not from the article. */
export function describeSourceForModel(article: ExtractedArticle, trust: TrustData): string {
  const { outlet, carriedBy, wireEvidence } = whoseStory(article, trust);
  const describe = (o: SourceNote['outlet']) => {
    const domain = o.domain ? ` (${inert(o.domain, '')})` : '';
    return o.inRegistry
      ? `${o.name}${domain}; from Sitrep's outlet registry: ${o.country}, ${o.kind}, owner: ${o.owner}.`
      : `${inert(o.name, 'unknown')}${domain}; not in Sitrep's outlet registry.`;
  };
  return [
    `Outlet: ${describe(outlet)}`,
    ...(carriedBy ? [`Wire copy (${inert(wireEvidence, 'credited')}), carried by: ${describe(carriedBy)}`] : []),
    `Byline: ${inert(article.byline, 'none given')}. Published: ${inert(article.publishedAt, 'unknown')}.`,
  ].join('\n');
}
