import type { Gender, NameTags } from './describe-subject.js';
import type { loadNlp } from './split-sentences.js';

type Nlp = Awaited<ReturnType<typeof loadNlp>>;

/** compromise's lexicon read one capitalized word at a time: names (first names with gender), places, organisations. */
export function nameTagsFrom(nlp: Nlp): NameTags {
  const cache = new Map<string, ReturnType<NameTags['tagsOf']>>();
  return {
    tagsOf(word) {
      const known = cache.get(word);
      if (known) return known;
      const term = nlp(word).json()[0]?.terms?.[0] as { tags?: string[] } | undefined;
      const tags = new Set(term?.tags ?? []);
      const firstName: Gender | 'unknown' | null = tags.has('FemaleName')
        ? 'f'
        : tags.has('MaleName')
          ? 'm'
          : tags.has('FirstName')
            ? 'unknown'
            : null;
      const person = tags.has('Person') || tags.has('LastName') || tags.has('FirstName');
      const result = { firstName, person, place: tags.has('Place'), organization: tags.has('Organization') };
      cache.set(word, result);
      return result;
    },
  };
}
