import type { BriefCheck } from './brief-check.js';
import { injectionCaveat } from './detect-injection.js';

/** Text in the article addressed to machines is data; the reader is told it was there. */
export const injectionCheck: BriefCheck = {
  name: 'injection',
  apply(checked, { article }) {
    const caveat = injectionCaveat(article.text);
    if (!caveat) return checked;
    return { ...checked, sourceNote: { ...checked.sourceNote, caveats: [...checked.sourceNote.caveats, caveat] } };
  },
};
