import type { BriefCheck } from './brief-check.js';
import { buildSourceNote } from './build-source-note.js';

/** The source note from data we hold (registry, claims, lexicon), never from the model's say-so. */
export const sourceNoteCheck: BriefCheck = {
  name: 'source note',
  apply: (checked, { article, trust }) => ({
    ...checked,
    sourceNote: buildSourceNote(article, checked.draft, checked.claims, trust, checked.sourceNote.caveats),
  }),
};
