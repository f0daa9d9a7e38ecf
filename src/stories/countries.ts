import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../package-root.js';

const CountriesFileSchema = z.object({
  version: z.string(),
  countries: z
    .array(
      z.object({
        /** As the outlet registry writes it, so coverage can set the two side by side. */
        name: z.string().min(2),
        aliases: z.array(z.string().min(2)),
        demonyms: z.array(z.string().min(2)),
        capitals: z.array(z.string().min(2)),
      }),
    )
    .min(1),
});

const COUNTRIES_PATH = fromRoot('data', 'countries.json');

type CountryForm = 'name' | 'demonym' | 'capital';

interface CountryMention {
  country: string;
  form: CountryForm;
  /** The same place however it is spelled: the country's name, or for a capital its first listed spelling ("Kiev" is "Kyiv"). */
  canonical: string;
  /** The words as the text has them. */
  text: string;
  start: number;
  end: number;
}

export interface CountryGazetteer {
  size: number;
  /** Every country the text names, by its name, another name, a demonym or its capital, in text order. */
  find(text: string): CountryMention[];
}

/** Words that may follow a capital and still leave it a place: "Moscow Region", "Kyiv Oblast". */
const FOLLOWED_BY_NAME =
  /^\s+(?!(?:Region|Oblast|Province|Governorate|District|City|Airport|Port|Harbou?r|Bay|Gulf|Sea|River|Strait)\b)\p{Lu}\p{Ll}/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Written as listed, or in capitals as datelines have them ("MOSCOW"); "us" and "china" in lower case are other words. */
function writtenAsName(found: string, listed: string): boolean {
  const bare = found.replace(/['’]s$/, '');
  return bare === listed || (listed.length > 3 && bare === listed.toUpperCase());
}

export function loadCountries(path: URL | string = COUNTRIES_PATH): CountryGazetteer {
  const file = CountriesFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const forms = new Map<string, { country: string; form: CountryForm; listed: string; canonical: string }>();
  for (const c of file.countries) {
    for (const listed of [c.name, ...c.aliases])
      forms.set(listed.toLowerCase(), { country: c.name, form: 'name', listed, canonical: c.name });
    for (const listed of c.demonyms)
      forms.set(listed.toLowerCase(), { country: c.name, form: 'demonym', listed, canonical: c.name });
    for (const listed of c.capitals)
      forms.set(listed.toLowerCase(), {
        country: c.name,
        form: 'capital',
        listed,
        canonical: c.capitals[0] ?? listed,
      });
  }
  const alternatives = [...forms.values()]
    .map((f) => f.listed)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternatives.join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
  return {
    size: file.countries.length,
    find(text) {
      const mentions: CountryMention[] = [];
      for (const m of text.matchAll(pattern)) {
        const entry = forms.get(m[0].replace(/['’]s$/i, '').toLowerCase());
        if (!entry || !writtenAsName(m[0], entry.listed)) continue;
        // "Wellington Koo", "Washington Post": a capital followed by another name is part of that name.
        if (
          entry.form === 'capital' &&
          FOLLOWED_BY_NAME.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))
        ) {
          continue;
        }
        mentions.push({
          country: entry.country,
          form: entry.form,
          canonical: entry.canonical,
          text: m[0],
          start: m.index,
          end: m.index + m[0].length,
        });
      }
      return mentions;
    },
  };
}
