import type { CountryGazetteer } from './countries.js';
import { foldCase } from './words.js';

/**
 * Capitalized words that name no particular event: ranks, titles, generic institutions, calendar
 * words. "General Staff" or "Defense Ministry" appear in every report from a country.
 */
const GENERIC_NAMES = new Set(
  `mr mrs ms dr sir gen lt col maj capt sgt adm cmdr general lieutenant colonel major captain sergeant admiral commander
  brigadier marshal chief deputy president vice prime minister secretary spokesman spokeswoman spokesperson ambassador
  governor mayor senator king queen prince sheikh ayatollah senior officer head director chairman envoy leader
  ministry ministries defense defence foreign affairs interior army armed forces force air navy naval marine marines
  command staff headquarters department office service services security council government parliament agency
  committee guard guards national federal state republic people military troops police intelligence unit units
  brigade division regiment battalion corps fleet squadron district region province oblast sector village city
  town county central eastern western northern southern north south east west theater theatre operation operations
  joint special international united islamic democratic popular peoples liberation
  the a an this that these those he she it they we i his her their its our my on in at of for and but or if as by
  from with to after before during while when where what who how why yes no not all some there here also however
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  am pm gmt utc type class project block`.split(/\s+/),
);

/** Words that begin designations written with a space: "Type 055", "Project 636". */
const DESIGNATION_WORDS = new Set(['type', 'class', 'project', 'block']);

const UNIT_NOUN =
  'brigade|division|regiment|battalion|corps|army|fleet|flotilla|squadron|wing|group|company|detachment';
const UNIT = new RegExp(`\\b(\\d{1,3})(?:st|nd|rd|th)\\s+(?:[\\p{L}-]+\\s+){0,4}?(${UNIT_NOUN})\\b`, 'giu');
const UNIT_AFTER = new RegExp(`^\\s+(${UNIT_NOUN})\\b`, 'i');
/** Model designations: S-400, Su-34, Kh-101, Shahed-136, MQ-9, TB2, 9M723, Type 055. */
const DESIGNATION =
  /(?<![\p{L}\p{N}-])((?:\p{Lu}[\p{L}]{0,10}|\d\p{Lu}))(?:(-)|( ))?(\d{1,4}\p{Lu}{0,2})s?(?![\p{L}\p{N}]|-\d)/gu;
/** Words that join the parts of one name: "Line of Control", "Jammu and Kashmir", "Abu al-Hassan". */
const CONNECTOR = /^(?:of|and|the|al|el|de|del|da|bin|ibn|van|von|la|le)$/;
const PHRASE_GAP = /^[ \t]*$|^[ \t]+(?:of|and|the|al|el|de|del|da|bin|ibn|van|von|la|le)[ \t]+$/;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** What ends a sentence, so the next word is capitalized for grammar, not because it is a name. */
const SENTENCE_START = /(?:^|[.!?:;"“”(\n]|\s[—–-])\s*$/u;

export interface NamedThings {
  /**
   * Proper-name words (places, people, groups, acronyms), folded ("novoshakhtinsk", "slyusar", "idf"),
   * each with a weight: 1 for a one-word name, less for each word of a longer one.
   */
  names: Map<string, number>;
  /** Weapon and equipment designations, folded and without separators: "su34", "type055". */
  designations: string[];
  /** Numbered units: "65 brigade". */
  units: string[];
}

export interface NameSource {
  text: string;
  /** A headline in title case capitalizes every word: its words count as names only when the body confirms them. */
  titleCase?: boolean;
}

function isCapitalized(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

function isAcronym(token: string): boolean {
  return token.length >= 2 && token.length <= 6 && /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(token);
}

/** A headline is in title case when most of its longer words start with a capital. */
export function isTitleCase(title: string): boolean {
  const words = title.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 3 && words.filter(isCapitalized).length / words.length > 0.6;
}

function foldName(token: string): string {
  return foldCase(token).replace(/'s$/, '').replace(/'$/, '');
}

function designationsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(DESIGNATION)) {
    const [, prefix = '', hyphen, space, number = ''] = m;
    const folded = foldCase(prefix);
    if (GENERIC_NAMES.has(folded) && !DESIGNATION_WORDS.has(folded)) continue;
    // "Type 055" is written with a space; "Another 90" and "Sunday 10" are not designations.
    if (space && !DESIGNATION_WORDS.has(folded)) continue;
    if (!hyphen && !space && prefix.length > 3 && !/^\p{Lu}+$/u.test(prefix)) continue;
    found.push(`${folded}${number.toLowerCase()}`);
  }
  return found;
}

/**
 * Names, designations and units in a brief's texts. Countries, demonyms and capitals are left to the
 * gazetteer (capitals come back under one spelling). A capitalized word at the start of a sentence
 * counts only when the texts also capitalize it elsewhere, or it is an acronym.
 */
export function findNames(sources: NameSource[], countries: CountryGazetteer, exclude: string[] = []): NamedThings {
  const excluded = new Set(exclude.map(foldName));
  const candidates: { folded: string; confirmedByPlace: boolean; phrase: number }[] = [];
  const confirmed = new Set<string>();
  const designations: string[] = [];
  const units: string[] = [];
  const names = new Map<string, number>();
  let phrase = 0;

  for (const { text, titleCase } of sources) {
    const gazetteer = countries.find(text);
    for (const mention of gazetteer) if (mention.form === 'capital') names.set(foldName(mention.canonical), 1);
    designations.push(...designationsIn(text));
    for (const m of text.matchAll(UNIT)) {
      // "3rd Army Corps" is a corps: a second unit word right after the first names the unit.
      const next = UNIT_AFTER.exec(text.slice(m.index + m[0].length))?.[1];
      units.push(`${m[1]} ${(next ?? m[2] ?? '').toLowerCase()}`);
    }
    let lastEnd = -1;
    for (const m of text.matchAll(TOKEN)) {
      const token = m[0];
      const joined = lastEnd >= 0 && PHRASE_GAP.test(text.slice(lastEnd, m.index));
      if (CONNECTOR.test(token) && joined) continue;
      // Words with digits are designations ("Shahed-136"), counted above.
      const capitalized = isCapitalized(token) && !/\p{N}/u.test(token);
      const inGazetteer = gazetteer.some((g) => m.index >= g.start && m.index < g.end);
      if (!capitalized || inGazetteer) {
        lastEnd = -1;
        continue;
      }
      if (!joined) phrase++;
      lastEnd = m.index + token.length;
      const atStart = titleCase || SENTENCE_START.test(text.slice(Math.max(0, m.index - 4), m.index));
      const place = !atStart || isAcronym(token);
      const folded = foldName(token);
      if (place) confirmed.add(folded);
      candidates.push({ folded, confirmedByPlace: place, phrase });
    }
  }
  const kept = candidates.filter(
    (c) =>
      !GENERIC_NAMES.has(c.folded) &&
      !excluded.has(c.folded) &&
      c.folded.length >= 2 &&
      (c.confirmedByPlace || confirmed.has(c.folded)),
  );
  const phraseSize = new Map<number, number>();
  for (const c of kept) phraseSize.set(c.phrase, (phraseSize.get(c.phrase) ?? 0) + 1);
  // A name of several words counts as one name: "Line of Control" is not two shared names.
  for (const c of kept) {
    const weight = 1 / Math.sqrt(phraseSize.get(c.phrase) ?? 1);
    names.set(c.folded, Math.max(names.get(c.folded) ?? 0, weight));
  }
  return { names, designations, units };
}
