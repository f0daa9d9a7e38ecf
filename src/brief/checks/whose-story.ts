import type { ExtractedArticle, SourceNote } from '../schema.js';
import type { TrustData } from './brief-check.js';
import { detectWireCopy } from './detect-wire-copy.js';
import type { Outlet } from './outlet-registry.js';

type OutletProfile = SourceNote['outlet'];

export interface WhoseStory {
  /** Whose story it is: the site's outlet, or the wire whose copy the site carries. */
  outlet: OutletProfile;
  /** The carrying site when the story is wire copy; null otherwise. */
  carriedBy: OutletProfile | null;
  /** What in the text shows it is wire copy. */
  wireEvidence: string | null;
}

function profile(outlet: Outlet | null, domain: string | null, fallbackName: string | null): OutletProfile {
  return outlet
    ? { name: outlet.name, domain, country: outlet.country, kind: outlet.kind, owner: outlet.owner, inRegistry: true }
    : { name: fallbackName, domain, country: null, kind: null, owner: null, inRegistry: false };
}

/**
 * The outlet a story belongs to, from the registry and the text: wire copy carried by another site
 * (a byline, a dateline credit such as "(Reuters) -", or a credit line says so) is the wire's, with
 * the carrying site beside it; on the wire's own site it is simply the wire's.
 */
export function whoseStory(article: ExtractedArticle, trust: TrustData): WhoseStory {
  const site = trust.registry.find({ url: article.url, domain: article.domain, name: article.outlet });
  const siteProfile = profile(site, article.domain, article.outlet);
  const copy = detectWireCopy(article, trust.registry);
  if (!copy || copy.wire.name === site?.name) return { outlet: siteProfile, carriedBy: null, wireEvidence: null };
  const [first] = copy.recognisedBy;
  return {
    outlet: profile(copy.wire, copy.wire.domains[0] ?? null, copy.wire.name),
    carriedBy: siteProfile,
    wireEvidence: first ? `${first.signal}: ${first.evidence}` : null,
  };
}
