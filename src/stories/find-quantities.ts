import { foldCase, stem } from './words.js';

/** A number the text gives for something, as a range: "about 20" is 19–21, "more than 30" is 30 and up. */
export interface Quantity {
  low: number;
  high: number;
  /**
   * The counted thing, folded and stemmed: "soldier", "drone", "aircraft"; for a distance its unit
   * ("km", "mile", "nmi") and for a duration "minute" (hours are counted in minutes).
   */
  noun: string;
  /** The words before the noun that say whose or which ("indian", "naval"), folded. */
  modifiers: string[];
  /** "19 of the aircraft": a part of a total given elsewhere, not a count of its own. */
  partOf: boolean;
  /** "our", "its", "their" when the text says whose with a possessive ("ninety of our people"). */
  possessor: string | null;
  start: number;
  end: number;
}

const SMALL = `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen`.split(/\s+/);
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** Counts without a number, longest first so "hundreds of thousands" is not read as "hundreds". */
const VAGUE: [string, [number, number]][] = [
  ['hundreds of thousands', [200_000, 999_999]],
  ['tens of thousands', [20_000, 99_999]],
  ['a handful of', [2, 6]],
  ['millions', [2_000_000, 999_999_999]],
  ['thousands', [2_000, 9_999]],
  ['hundreds', [200, 999]],
  ['a dozen', [10, 14]],
  ['dozens', [24, 99]],
  ['scores', [40, 99]],
  ['several', [3, 9]],
  ['a few', [2, 5]],
];
const WORD_NUMBER = `(?:${TENS.join('|')})(?:[- ](?:${SMALL.slice(1, 10).join('|')}))?|${SMALL.join('|')}`;
const QUALIFIER =
  'about|around|approximately|roughly|some|nearly|almost|close to|up to|as many as|more than|over|at least|fewer than|less than|under|at most|no more than|within|inside|outside|beyond';
const SCALES = 'hundred|thousand|million|billion';
const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(${SCALES}))?|(${WORD_NUMBER})(?:\\s+(${SCALES}))?|(${VAGUE.map(([v]) => v).join('|')})|(no|zero|none of the|not a single|not one)|(half an|an|a)(?=\\s+hour\\b)`;
const POSSESSOR = 'the|its|their|our|his|her';
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N}$€£.,:/-])(?:(${QUALIFIER})\\s+)?(?:${NUMBER})(?![\\p{L}\\p{N}:]|[.,]\\d|-\\p{L}*\\d)(?:\\s+of\\s+(${POSSESSOR}))?(?=((?:\\s+[\\p{L}'’-]+){1,4}))`,
  'giu',
);
/** "a crew of 21", "the bodies of 1,000 servicemen", "a death toll of 12": the noun before the number. */
const COLLECTIVE = new RegExp(
  `\\b(crew|bodies|body|death toll|toll|convoy|fleet|flotilla|swarm|salvo|barrage)\\s+of\\s+(?:(${QUALIFIER})\\s+)?(\\d{1,3}(?:,\\d{3})+|\\d+|${WORD_NUMBER})\\b`,
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
/** Words that may begin a sentence before a number without naming it. */
const LEADING_WORDS = new Set(
  'the its our their his her some about in on at for with by from of all only and but another these those after while'.split(
    ' ',
  ),
);
/** Calendar and clock words and vague nouns: "November 20", "10 pm", "four others" are not counts of a thing. */
const NOT_COUNTED = new Set(
  `am pm a.m p.m gmt utc seconds second percent per cent meters metres january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
  wednesday thursday friday saturday sunday years year sides side times ways parts places regions areas damage harm
  others other ones`.split(/\s+/),
);
/** Units a distance or a duration is given in, and what one of them is worth in the unit counted. */
const UNITS: Record<string, [string, number]> = {
  km: ['km', 1],
  kilometer: ['km', 1],
  kilometre: ['km', 1],
  mile: ['mile', 1],
  minute: ['minute', 1],
  min: ['minute', 1],
  hour: ['minute', 60],
  hr: ['minute', 60],
  day: ['day', 1],
};

function wordValue(words: string): number {
  const [tens = '', unit = ''] = words.toLowerCase().split(/[- ]/);
  const t = TENS.indexOf(tens);
  if (t >= 0) return (t + 2) * 10 + Math.max(0, SMALL.indexOf(unit));
  return SMALL.indexOf(tens);
}

/** "About" rounds: within 5%. Bounds that exclude ("outside 24 miles") sit just past the number. */
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
    case 'within':
    case 'inside':
      return [0, value];
    case 'more than':
    case 'over':
    case 'at least':
    case 'as many as':
      return [value, Number.POSITIVE_INFINITY];
    case 'outside':
    case 'beyond':
      return [value * (1 + 1e-9) + 1e-9, Number.POSITIVE_INFINITY];
    default:
      return [value * 0.95, value * 1.05];
  }
}

/** Nouns that count without a plural -s. */
const INVARIANT = new Set(
  'aircraft personnel troops people police equipment artillery infantry staff crew militia livestock craft'.split(' '),
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
  citizen: 'civilian',
  'passers-by': 'civilian',
  'passer-by': 'civilian',
  fatality: 'death',
  fatalitie: 'death',
  bodie: 'body',
  terrorist: 'militant',
  operative: 'militant',
};

export const nounClass = (noun: string) => SAME_THING[noun] ?? noun;

const isVerbForm = (word: string) => !word.includes('-') && /(?:ed|ing)$/.test(word) && !/(?:ship|thing)$/.test(word);
const looksPlural = (word: string) =>
  INVARIANT.has(word) || Boolean(UNITS[stem(word)]) || (/s$/.test(word) && !/(?:ss|us|is)$/.test(word));

/** "crew members", "service members": the kind of member is the thing counted. */
function membersOf(phrase: { word: string }[], at: number): string | null {
  const kind = phrase[at - 1]?.word;
  if (phrase[at]?.word.replace(/s$/, '') !== 'member' || !kind) return null;
  return kind === 'service' ? 'soldier' : kind;
}

/**
 * The counted phrase and its noun: the first plural-looking common noun ("38 Ukrainian fixed-wing
 * drones"), or for a count of one the last word before the phrase ends ("one Indian soldier"). A
 * unit is converted: "an hour" counts 60 minutes, "20 nautical miles" counts in nmi.
 */
function countedPhrase(words: string, single: boolean): { noun: string; modifiers: string[]; scale: number } | null {
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
  const modifiers = phrase.slice(0, at).map((p) => p.word);
  const unit = UNITS[stem(chosen.word)];
  if (unit) {
    const nautical = unit[0] === 'mile' && modifiers.at(-1) === 'nautical';
    return { noun: nautical ? 'nmi' : unit[0], modifiers, scale: unit[1] };
  }
  // "no one was hurt" counts people; "1,000 fallen servicemen" are counted as bodies.
  const fallen = modifiers.some((m) => m === 'fallen' || m === 'dead');
  const noun =
    chosen.word === 'one' ? 'people' : fallen ? 'body' : nounClass(membersOf(phrase, at) ?? stem(chosen.word));
  return /^\p{L}/u.test(noun) ? { noun, modifiers, scale: 1 } : null;
}

function numberOf(digits: string | undefined, words: string | undefined, scaleWord: string | undefined): number | null {
  const base = digits ? Number(digits.replace(/,/g, '')) : wordValue(words ?? '');
  // Years are dates, not counts.
  if (digits && !scaleWord && base >= 1900 && base <= 2100 && !digits.includes(',')) return null;
  return base * (SCALE[(scaleWord ?? '').toLowerCase()] ?? 1);
}

/** "a crew of 21", "the bodies of 1,000 servicemen". */
function collectiveCounts(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(COLLECTIVE)) {
    const [, noun = '', qualifier, number = ''] = m;
    const value = /^\d/.test(number) ? numberOf(number, undefined, undefined) : wordValue(number);
    if (value === null || value < 0) continue;
    const [low, high] = range(value, qualifier);
    const counted =
      noun.toLowerCase() === 'death toll' || noun.toLowerCase() === 'toll' ? 'death' : stem(noun.toLowerCase());
    found.push({
      low,
      high,
      noun: nounClass(counted),
      modifiers: [],
      partOf: false,
      possessor: null,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}

/** Counts the text gives: "38 drones", "no casualties", "about 20 aircraft", "dozens of drones", "a crew of 21". */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [, qualifier, digits, digitScale, words, wordScale, vague, none, article, possessor, following = ''] = m;
    // "Type 055", "Friday 25": a number right after a capitalized word belongs to it ("Its 14" does not).
    const before = /(\p{Lu}[\p{L}]*)\s$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1];
    if (before && !qualifier && !LEADING_WORDS.has(before.toLowerCase())) continue;
    // "every one of our people" is no count.
    if (/\b(?:every|each|any|no)\s$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const single = /^(?:1|one|an?|half an)$/i.test((digits ?? words ?? article ?? '').trim());
    // "dozens of drones": a vague count takes its "of" before the counted phrase.
    const counted = countedPhrase(vague ? following.replace(/^\s+of\s+/i, ' ') : following, single);
    if (!counted) continue;
    let value: [number, number];
    if (none) value = [0, 0];
    else if (vague) value = VAGUE.find(([v]) => v === vague.toLowerCase())?.[1] ?? [0, 0];
    else if (article) value = range(article.toLowerCase() === 'half an' ? 0.5 : 1, qualifier);
    else {
      const base = numberOf(digits, words, digitScale ?? wordScale);
      if (base === null) continue;
      value = range(base, qualifier);
    }
    const [low, high] = value;
    found.push({
      low: low * counted.scale,
      high: high * counted.scale,
      noun: counted.noun,
      modifiers: counted.modifiers,
      // "19 of the aircraft" is part of a total; "ninety of our people" is a count of them.
      partOf:
        possessor?.toLowerCase() === 'the' ||
        /\bof\s+\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)),
      possessor: possessor && possessor.toLowerCase() !== 'the' ? possessor.toLowerCase() : null,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return [...found, ...collectiveCounts(text)].sort((a, b) => a.start - b.start);
}
