import type { BriefCheck } from './brief-check.js';
import { groundClaims } from './ground-claims.js';

/** Every quote must occur in the article; a missing one becomes marked paraphrase. */
export const groundingCheck: BriefCheck = {
  name: 'grounding',
  review(draft, { article }) {
    const { claims } = groundClaims(draft.claims, article.text);
    return draft.claims
      .filter((_, i) => claims[i]?.grounded === false)
      .map((c) => `this quote is not in the article: "${c.quote}"`);
  },
  apply: (checked, { article }) => ({ ...checked, ...groundClaims(checked.draft.claims, article.text) }),
};
