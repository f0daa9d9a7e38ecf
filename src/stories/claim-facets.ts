import { ASPECTS, type AspectName, BACKGROUND, DENIAL, STARTED } from './aspects.js';
import { type CasualtyCount, countFacets, type ThingCount } from './count-facets.js';
import type { CountryGazetteer } from './countries.js';
import { findDates } from './find-dates.js';
import { findNames } from './find-names.js';
import { contentWords, foldCase } from './words.js';

export type { CasualtyCount, ThingCount } from './count-facets.js';

export interface ClaimFacets {
  /** Each aspect the claim speaks to and the value it gives; "mixed" when it gives both sides' values. */
  aspects: Map<AspectName, string>;
  /** The country the claim says started the clash. */
  initiator: string | null;
  casualties: CasualtyCount[];
  counts: ThingCount[];
  /** The claim reports a denial: what it states is what someone denies. */
  denied: boolean;
  /** It tells of earlier events or running totals ("since the truce"): its values are not this event's. */
  background: boolean;
  /** Days it names (YYYY-MM-DD), weekdays read against the article's date. */
  days: string[];
  /** Names it gives (places, people, designations, countries), folded → as written. */
  names: Map<string, string>;
  words: Set<string>;
}

const DESIGNATION_SHOWN = /\p{Lu}[\p{L}]{0,10}[- ]?\d{1,4}\p{Lu}{0,2}/gu;

/**
 * The value each aspect takes in the text. Values are tried in their listed order and what one
 * matched is taken out before the next is tried: "38 drones were destroyed" is an interception,
 * and its "destroyed" must not count again as a hit.
 */
function aspectsOf(text: string): Map<AspectName, string> {
  const found = new Map<AspectName, string>();
  for (const [name, aspect] of Object.entries(ASPECTS) as [AspectName, (typeof ASPECTS)[AspectName]][]) {
    const marker = 'marker' in aspect ? aspect.marker : null;
    if (marker && !marker.test(text)) continue;
    let rest = text;
    const values: string[] = [];
    for (const [value, pattern] of Object.entries(aspect.values)) {
      const global = new RegExp(pattern.source, 'gi');
      if (!global.test(rest)) continue;
      values.push(value);
      rest = rest.replace(global, ' ');
    }
    if (values.length) found.set(name, values.length > 1 ? 'mixed' : (values[0] as string));
  }
  return found;
}

function initiatorOf(text: string, countries: CountryGazetteer): string | null {
  const started = STARTED.exec(text);
  if (started) {
    const clause =
      text
        .slice(0, started.index)
        .split(/[;:]|,\s+(?:and|while|but)\s+/)
        .at(-1) ?? '';
    const named = countries.find(clause).at(-1);
    if (named) return named.country;
  }
  const by = /\bunprovoked\b(?:\s+\S+){0,4}?\s+by\s+(?:the\s+)?(.{0,40})/i.exec(text);
  return by?.[1] ? (countries.find(by[1])[0]?.country ?? null) : null;
}

function namesIn(text: string, countries: CountryGazetteer): Map<string, string> {
  const names = new Map<string, string>();
  const { names: folded, designations, units } = findNames([{ text }], countries);
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)) {
    const key = foldCase(match[0]).replace(/'s$/, '');
    if (folded.has(key) && !names.has(key)) names.set(key, match[0].replace(/['’]s$/, ''));
  }
  for (const match of text.matchAll(DESIGNATION_SHOWN)) {
    const key = foldCase(match[0]).replace(/[- ]/g, '');
    if (designations.includes(key)) names.set(key, match[0]);
  }
  for (const d of [...designations, ...units]) if (!names.has(d)) names.set(d, d);
  for (const c of countries.find(text)) names.set(foldCase(c.country), c.country);
  return names;
}

/**
 * What a claim says about the event, in forms two claims can be compared by. `self` is the
 * reporting outlet's country, for what it says in the first person ("no loss of life on our side");
 * `published` the article's date, for the days it names ("on Tuesday").
 */
export function claimFacets(
  text: string,
  countries: CountryGazetteer,
  self: string | null = null,
  published: Date | null = null,
): ClaimFacets {
  return {
    days: published ? findDates(text, published) : [],
    aspects: aspectsOf(text),
    initiator: initiatorOf(text, countries),
    ...countFacets(text, countries, self),
    denied: DENIAL.test(text),
    background: BACKGROUND.test(text),
    names: namesIn(text, countries),
    words: new Set(contentWords(text)),
  };
}
