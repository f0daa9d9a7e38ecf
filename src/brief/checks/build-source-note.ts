import type { BriefDraft, Claim, ExtractedArticle, SourceNote } from '../schema.js';

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

/**
 * The source note from data we hold (the page's metadata; the outlet registry once it exists) and
 * from the claims, never from the model's opinion of the outlet.
 */
export function buildSourceNote(article: ExtractedArticle, draft: BriefDraft, claims: Claim[]): SourceNote {
  const quoted = quotedSources(claims);
  return {
    outlet: {
      name: article.outlet,
      domain: article.domain,
      country: null,
      kind: null,
      owner: null,
      inRegistry: false,
    },
    quoted,
    independentSources: quoted.length,
    unverified: draft.unverified,
    loadedTerms: [],
    caveats: draft.caveats,
  };
}

/** Page metadata is written by the page, so it is hostile too: one short line, no markup. */
function inert(value: string | null, fallback: string): string {
  return value ? value.replace(/[\r\n<>{}]+/g, ' ').slice(0, 100) : fallback;
}

/** What the model is told about the source: facts from the page and our records, not from the article. */
export function describeSourceForModel(article: ExtractedArticle): string {
  const domain = article.domain ? ` (${inert(article.domain, '')})` : '';
  const lines = [
    `Outlet: ${inert(article.outlet, 'unknown')}${domain}; not in Sitrep's outlet registry.`,
    `Byline: ${inert(article.byline, 'none given')}. Published: ${inert(article.publishedAt, 'unknown')}.`,
  ];
  return lines.join('\n');
}
