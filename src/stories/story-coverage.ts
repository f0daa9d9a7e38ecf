import type { Coverage } from './comparison-schema.js';
import type { CountryGazetteer } from './countries.js';
import { outletNameOf, type StoryBrief, sourceOf } from './story-statements.js';

const LEAD_CHARS = 400;

/** Countries named in the title or opening of at least half the members (at least one): what the story is about. */
function countriesAbout(members: StoryBrief[], countries: CountryGazetteer): string[] {
  const counts = new Map<string, number>();
  for (const { brief } of members) {
    const lead = `${brief.article.title ?? ''}\n${brief.article.excerpt.slice(0, LEAD_CHARS)}`;
    for (const country of new Set(countries.find(lead).map((m) => m.country))) {
      counts.set(country, (counts.get(country) ?? 0) + 1);
    }
  }
  const needed = Math.max(1, Math.ceil(members.length / 2));
  return [...counts]
    .filter(([, n]) => n >= needed)
    .sort((a, b) => b[1] - a[1])
    .map(([country]) => country);
}

/**
 * Who has covered the story so far, from the outlet registry (through each brief's source note),
 * counting a wire once however many sites carry it, and which sides are not among them: countries
 * the story is about with no outlet of their own, no wire service, no independent outlet. Stated as
 * facts of coverage, never as a judgement of the outlets that did cover it.
 */
export function storyCoverage(members: StoryBrief[], countries: CountryGazetteer): Coverage {
  const outlets = new Map<string, Coverage['outlets'][number]>();
  for (const member of members) {
    const { brief, origin } = member;
    const name = sourceOf(member);
    const entry = outlets.get(name) ?? {
      name,
      country: origin ? origin.country : brief.sourceNote.outlet.country,
      kind: origin ? origin.kind : brief.sourceNote.outlet.kind,
      members: [],
      carriedBy: [],
    };
    entry.members.push(brief.meta.cacheKey);
    const site = outletNameOf(brief);
    if (origin && site !== name && !entry.carriedBy.includes(site)) entry.carriedBy.push(site);
    outlets.set(name, entry);
  }
  const list = [...outlets.values()];
  const covering = new Set(list.map((o) => o.country).filter((c): c is string => c !== null));
  const kinds = [...new Set(list.map((o) => o.kind).filter((k): k is string => k !== null))];
  const about = countriesAbout(members, countries);
  const unknown = list.filter((o) => o.country === null).length;
  const missing: string[] = [];
  const unheard = about.filter((c) => !covering.has(c));
  for (const country of unheard) missing.push(`No outlet from ${country} has covered it so far.`);
  if (unheard.length && unknown) {
    missing.push(
      unknown === 1
        ? 'One covering outlet is not in the outlet registry, so its country is not known.'
        : `${unknown} covering outlets are not in the outlet registry, so their countries are not known.`,
    );
  }
  if (!kinds.includes('wire')) missing.push('No wire service has covered it so far.');
  if (kinds.length && !kinds.includes('independent')) missing.push('No independent outlet has covered it so far.');
  return { outlets: list, countries: [...covering], kinds, about, missing };
}
