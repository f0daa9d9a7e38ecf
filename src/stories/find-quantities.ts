import { foldCase, stem } from './words.js';

/** A number the text gives for something, as a range: "about 20" is 15–25, "more than 30" is 30 and up. */
export interface Quantity {
  low: number;
  high: number;
  /** The counted thing, folded and stemmed: "soldier", "drone", "aircraft". */
  noun: string;
  /** The words before the noun that say whose or which ("indian", "naval"), folded. */
  modifiers: string[];
  /** "19 of the aircraft": a part of a total given elsewhere, not a count of its own. */
  partOf: boolean;
  start: number;
  end: number;
}

const SMALL = `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen`.split(/\s+/);
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 99],
  hundreds: [200, 999],
  thousands: [2_000, 9_999],
  several: [3, 9],
  'a few': [2, 5],
  'a dozen': [10, 14],
  'a handful of': [2, 6],
};
const WORD_NUMBER = `(?:${TENS.join('|')})(?:[- ](?:${SMALL.slice(1, 10).join('|')}))?|${SMALL.join('|')}`;
const QUALIFIER =
  'about|around|approximately|roughly|some|nearly|almost|close to|up to|as many as|more than|over|at least|fewer than|less than|under|at most|no more than';
const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(hundred|thousand|million|billion))?|(${WORD_NUMBER})(?:\\s+(hundred|thousand|million|billion))?|(${Object.keys(VAGUE).join('|')})|(no|zero|none of the|not a single|not one)`;
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N}$€£.,:/-])(?:(${QUALIFIER})\\s+)?(?:${NUMBER})(?![\\p{L}\\p{N}:]|[.,]\\d|-\\p{L}*\\d)((?:\\s+of\\s+(?:the|its|their))?)(?=((?:\\s+[\\p{L}'’-]+){1,4}))`,
  'giu',
);

/** Words that end the counted phrase: what follows them is no longer the thing counted. */
const PHRASE_END = new Set(
  `and or but in on at over from to by for with into onto near around across along during after before since as
  than that which who were was are is had have has been be will would could said says told overnight today tonight
  yesterday early late earlier later east west north south a an the this these those of per each while when where`.split(
    /\s+/,
  ),
);
/** Calendar and clock words: "November 20", "10 pm" are not counts. */
const NOT_COUNTED = new Set(
  `am pm a.m p.m gmt utc hours hour minutes minute seconds second percent per cent km miles kilometers kilometres
  meters metres january february march april may june july august september october november december jan feb mar
  apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday years year
  sides side times ways parts places regions areas damage harm`.split(/\s+/),
);

function wordValue(words: string): number {
  const [tens = '', unit = ''] = words.toLowerCase().split(/[- ]/);
  const t = TENS.indexOf(tens);
  if (t >= 0) return (t + 2) * 10 + Math.max(0, SMALL.indexOf(unit));
  return SMALL.indexOf(tens);
}

function range(value: number, qualifier: string | undefined): [number, number] {
  switch (qualifier?.toLowerCase()) {
    case undefined:
      return [value, value];
    case 'up to':
    case 'fewer than':
    case 'less than':
    case 'under':
    case 'at most':
    case 'no more than':
      return [0, value];
    case 'more than':
    case 'over':
    case 'at least':
    case 'as many as':
      return [value, Number.POSITIVE_INFINITY];
    default:
      return [Math.floor(value * 0.75), Math.ceil(value * 1.25)];
  }
}

/** Nouns that count without a plural -s. */
const INVARIANT = new Set(
  'aircraft personnel troops people police equipment artillery infantry staff crew militia livestock'.split(' '),
);

/** Words outlets use for the same counted thing: "nine navy ships" and "9 naval vessels" count one thing. */
const SAME_THING: Record<string, string> = {
  vessel: 'ship',
  warship: 'ship',
  plane: 'aircraft',
  jet: 'aircraft',
  warplane: 'aircraft',
  airplane: 'aircraft',
  uav: 'drone',
  serviceman: 'soldier',
  servicemen: 'soldier',
  troop: 'soldier',
  troops: 'soldier',
  jawan: 'soldier',
  personnel: 'soldier',
  person: 'people',
  resident: 'civilian',
  fatality: 'death',
  fatalitie: 'death',
};

export const nounClass = (noun: string) => SAME_THING[noun] ?? noun;

const isVerbForm = (word: string) => !word.includes('-') && /(?:ed|ing)$/.test(word) && !/(?:ship|thing)$/.test(word);
const looksPlural = (word: string) => INVARIANT.has(word) || (/s$/.test(word) && !/(?:ss|us|is)$/.test(word));

/**
 * The counted phrase and its noun: the first plural-looking common noun ("38 Ukrainian fixed-wing
 * drones"), or for a count of one the last word before the phrase ends ("one Indian soldier").
 */
function countedPhrase(words: string, single: boolean): { noun: string; modifiers: string[] } | null {
  const phrase: { word: string; name: boolean }[] = [];
  for (const raw of words.trim().split(/\s+/)) {
    const word = foldCase(raw).replace(/['’]s$/, '');
    if (PHRASE_END.has(word)) break;
    // A verb form after the noun ("drones launched") ends the phrase; before it, it is an adjective.
    if (phrase.length > 0 && isVerbForm(word)) break;
    phrase.push({ word, name: /^\p{Lu}/u.test(raw) });
  }
  const head = single ? -1 : phrase.findIndex((p) => !p.name && looksPlural(p.word));
  const at = head >= 0 ? head : phrase.length - 1;
  const chosen = phrase[at];
  if (!chosen || chosen.name || NOT_COUNTED.has(chosen.word) || isVerbForm(chosen.word)) return null;
  // "no one was hurt" counts people.
  const noun = chosen.word === 'one' ? 'people' : nounClass(stem(chosen.word));
  return /^\p{L}/u.test(noun) ? { noun, modifiers: phrase.slice(0, at).map((p) => p.word) } : null;
}

/** Counts the text gives: "38 drones", "no casualties", "about 20 aircraft", "dozens of drones". */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [, qualifier, digits, digitScale, words, wordScale, vague, none, partitive = '', following = ''] = m;
    // "Type 055", "Friday 25": a number right after a capitalized word belongs to it.
    if (/\p{Lu}[\p{L}]*\s$/u.test(text.slice(Math.max(0, m.index - 12), m.index)) && !qualifier) continue;
    const single = /^(?:1|one)$/i.test((digits ?? words ?? '').trim());
    // "dozens of drones": a vague count takes its "of" before the counted phrase.
    const counted = countedPhrase(vague ? following.replace(/^\s+of\s+/i, ' ') : following, single);
    if (!counted) continue;
    let low: number;
    let high: number;
    if (none) [low, high] = [0, 0];
    else if (vague) [low, high] = VAGUE[vague.toLowerCase()] ?? [0, 0];
    else {
      const base = digits ? Number(digits.replace(/,/g, '')) : wordValue(words ?? '');
      const scale = SCALE[(digitScale ?? wordScale ?? '').toLowerCase()] ?? 1;
      // Years are dates, not counts.
      if (digits && !digitScale && base >= 1900 && base <= 2100 && !digits.includes(',')) continue;
      [low, high] = range(base * scale, qualifier);
    }
    found.push({
      low,
      high,
      ...counted,
      partOf:
        partitive.trim().length > 0 || /\bof\s+\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}
