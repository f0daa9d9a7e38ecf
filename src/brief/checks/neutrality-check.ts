import type { BriefCheck } from './brief-check.js';
import { enforceNeutrality, neutralityProblems } from './neutrality.js';

/** No loaded word in the brief's own voice: the model is asked to fix it, then code quotes what is left. */
export const neutralityCheck: BriefCheck = {
  name: 'neutrality',
  review: (draft, { trust }) => neutralityProblems(draft, trust.lexicon),
  apply: (checked, { trust }) => ({ ...checked, draft: enforceNeutrality(checked.draft, trust.lexicon) }),
};
