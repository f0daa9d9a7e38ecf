import type { BriefDraft } from '../draft-schema.js';
import type { BriefCheck, CheckedDraft, CheckInput } from './brief-check.js';
import { groundingCheck } from './grounding-check.js';
import { injectionCheck } from './injection-check.js';
import { neutralityCheck } from './neutrality-check.js';
import { sourceNoteCheck } from './source-note-check.js';

/**
 * The checks every draft passes, in order: a new check is one file and one line here. Neutrality
 * rewrites the brief's own voice before grounding reads the claims; the source note comes last, so
 * it sees the final claims and the caveats earlier checks added.
 */
const BRIEF_CHECKS: readonly BriefCheck[] = [neutralityCheck, groundingCheck, injectionCheck, sourceNoteCheck];

/** Problems a model engine is asked to repair once: quotes not in the article, loaded words in our voice… */
export function reviewDraft(draft: BriefDraft, input: CheckInput, checks = BRIEF_CHECKS): string[] {
  return checks.flatMap((check) => check.review?.(draft, input) ?? []);
}

/** Runs every check on a draft and returns what the brief is made of. */
export function runChecks(draft: BriefDraft, input: CheckInput, checks = BRIEF_CHECKS): CheckedDraft {
  const start: CheckedDraft = {
    draft,
    claims: [],
    groundingRate: null,
    sourceNote: {
      outlet: { name: null, domain: null, country: null, kind: null, owner: null, inRegistry: false },
      carriedBy: null,
      wireEvidence: null,
      quoted: [],
      independentSources: 0,
      unverified: [],
      loadedTerms: [],
      caveats: [],
    },
  };
  return checks.reduce((checked, check) => check.apply(checked, input), start);
}
