import type { BriefDraft } from '../draft-schema.js';
import type { Claim, ExtractedArticle, SourceNote } from '../schema.js';
import type { Lexicon } from './loaded-terms.js';
import type { OutletRegistry } from './outlet-registry.js';

/** The outlet registry and the loaded-terms lexicon the checks use. */
export interface TrustData {
  registry: OutletRegistry;
  lexicon: Lexicon;
}

export interface CheckInput {
  /** The article as the engine received it (cut to the input cap). */
  article: ExtractedArticle;
  trust: TrustData;
}

/** A draft on its way through the checks: each check may change it and add what it finds. */
export interface CheckedDraft {
  draft: BriefDraft;
  claims: Claim[];
  groundingRate: number | null;
  sourceNote: SourceNote;
}

/**
 * One of the checks every draft passes, from either engine, before anything is cached or shown.
 * `review` lists problems a model may repair in one round (phrased for the model); `apply` makes the
 * final draft safe whatever is left, and records what the check found.
 */
export interface BriefCheck {
  readonly name: string;
  review?(draft: BriefDraft, input: CheckInput): string[];
  apply(checked: CheckedDraft, input: CheckInput): CheckedDraft;
}
