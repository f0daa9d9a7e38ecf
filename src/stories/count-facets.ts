import { CASUALTY, PERSON_NOUNS } from './aspects.js';
import type { CountryGazetteer } from './countries.js';
import { findQuantities, nounClass, type Quantity } from './find-quantities.js';
import { foldCase, stem } from './words.js';

type CasualtyKind = keyof typeof CASUALTY;

/** A count of people killed, injured or harmed, of a group ("soldier") and a side ("India") when given. */
export interface CasualtyCount {
  kind: CasualtyKind;
  low: number;
  high: number;
  /** The group counted, or null when the report counts everyone ("no casualties", "no one"). */
  group: string | null;
  side: string | null;
}

/**
 * A count of anything else: aircraft, ships, drones, posts. Distances and durations carry what
 * they measure in their noun ("km:flight", "minute:traffic"), since a story has several.
 */
export interface ThingCount {
  noun: string;
  side: string | null;
  /** The place a count is limited to ("21 drones over the Samara region"), folded; null for a total. */
  scope: string | null;
  low: number;
  high: number;
}

/** Counted things that stand for everyone, not a group: "no casualties", "no one was hurt". */
const EVERYONE = new Set(['people', 'casualty', 'death', 'injury', 'loss', 'losse']);
const NOUN_KIND: Record<string, CasualtyKind> = { death: 'killed', injury: 'injured' };
const PERSON =
  'soldier|civilian|worker|employee|child|woman|man|officer|policeman|sailor|pilot|serviceman|resident|fighter';
const ONE_PERSON = new RegExp(
  `\\b(?:a|an)\\s+((?:[\\p{L}-]+\\s+){0,2}?)(${PERSON})\\s+(?:(?:at|in|of|from) (?:the |a )?[\\p{L}-]+\\s+)?(?:was|has been|had been)\\s+(?:\\S+\\s+)?(killed|injured|wounded|hurt|taken to (?:a |the )?hospital|hospitali[sz]ed)`,
  'giu',
);
/** "killed two people and wounded one": a count after its verb with the noun left out. */
const BARE_COUNT =
  /\b(killed|wounded|injured)\s+(one|two|three|four|five|six|seven|eight|nine|ten|\d+)(?=\s*[.,;]|\s+(?:and|in|on|at|while|when|others?)\b)/giu;
const HEAVY = /\b(?:heavy|significant|massive|huge|considerable|serious)\s+(?:casualties|losses)\b/giu;
/** One missile, drone or ship an event verb is about: "a missile launched from Yemen was intercepted". */
const ONE_THING =
  /\b(?:a|an|one|the only)\s+((?:[\p{L}-]+\s+){0,2}?)(missile|rocket|drone|uav|aircraft|jet|helicopter|ship|vessel|tanker|warship|destroyer)\s+(?:[\p{L}-]+\s+){0,5}?(?:was|were|had been|has been)\s+(?:intercepted|launched|fired|shot down|downed|destroyed|seized|detected)/giu;
const ONE_THING_SHOWN: Record<string, string> = { uav: 'drone', jet: 'aircraft', vessel: 'ship', warship: 'ship' };

/** What a duration measures: the fire, air traffic, the fighting. */
const DURATION_OF: [string, RegExp][] = [
  ['fire', /\b(?:fire|blaze|flames|burn\w*)\b/i],
  ['traffic', /\b(?:traffic|flights?|airport|airspace|takeoffs?|landings?)\b/i],
  ['power', /\b(?:power|electricity|blackout|outage)\b/i],
  ['fighting', /\b(?:fighting|clash\w*|firing|battle|exchange|shelling|gunfire)\b/i],
  ['operations', /\b(?:production|operations?|refining|work)\b/i],
];
/** What a distance measures: how far something flew, how high, or where something was. */
const DISTANCE_OF: [string, RegExp][] = [
  ['altitude', /\b(?:altitude|apogee|height)\b/i],
  ['flight', /\b(?:fl[eo]w|flight|range|travel+ed)\b/i],
];

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Whose a count is: a country named among its words, or a possessive read against who speaks ("our"
 * is the reporting outlet's own country) or what the sentence named before it ("its" soldiers).
 */
function sideOf(q: Quantity, text: string, countries: CountryGazetteer, self: string | null): string | null {
  const named = countries.find(q.modifiers.map(capitalize).join(' ')).at(-1)?.country;
  if (named) return named;
  const possessor = q.possessor ?? q.modifiers.find((m) => m === 'our' || m === 'its' || m === 'their') ?? null;
  if (possessor === 'our') return self;
  if (possessor) return countries.find(text.slice(0, q.start)).at(-1)?.country ?? null;
  return null;
}

/** "no losses among Azerbaijani servicemen", "on our side", "on the Pakistani posts": whose losses a count of everyone is. */
function whoseLosses(
  after: string,
  countries: CountryGazetteer,
  self: string | null,
): { group: string | null; side: string | null } | null {
  const among = /^[\p{L}\s]{0,30}?\bamong\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(after);
  if (among?.[1]) {
    const words = among[1].split(/\s+/);
    const noun = nounClass(stem(foldCase(words.at(-1) ?? '')));
    return {
      group: PERSON_NOUNS.has(noun) ? noun : null,
      side: countries.find(words.map(capitalize).join(' ')).at(-1)?.country ?? null,
    };
  }
  if (/^[\p{L}\s]{0,30}?\bon our\s+(?:side|soldiers|troops|forces|posts|positions)\b/iu.test(after)) {
    return self ? { group: null, side: self } : null;
  }
  const onSide =
    /^[\p{L}\s]{0,40}?\b(?:on|to) the\s+(\p{Lu}[\p{L}-]+)\s+(?:side|posts?|positions?|forces|troops|army)\b/u.exec(
      after,
    );
  const side = onSide?.[1] ? (countries.find(onSide[1])[0]?.country ?? null) : null;
  return side ? { group: null, side } : null;
}

/** What the words around a count of people say happened to them, if anything. */
function casualtyKind(text: string, quantity: Quantity): CasualtyKind | null {
  const clauseEnd = text.slice(quantity.end).search(/[.;]|\band\s+(?:the|that)\b/);
  const after = text.slice(quantity.end, quantity.end + (clauseEnd < 0 ? 90 : Math.min(clauseEnd, 90)));
  const before = text.slice(Math.max(0, quantity.start - 25), quantity.start);
  const near = `${before} ${after}`;
  if (NOUN_KIND[quantity.noun]) return NOUN_KIND[quantity.noun] as CasualtyKind;
  for (const kind of ['killed', 'injured', 'any'] as const) if (CASUALTY[kind].test(near)) return kind;
  return null;
}

/** A duration or distance names what it measures, or it cannot be compared and is left out. */
function measured(q: Quantity, text: string): string | null {
  const around = text.slice(Math.max(0, q.start - 90), q.end + 40);
  if (q.noun === 'minute' || q.noun === 'day') {
    const subject = DURATION_OF.find(([, pattern]) => pattern.test(around))?.[0];
    return subject ? `${q.noun}:${subject}` : null;
  }
  if (q.noun === 'km' || q.noun === 'mile' || q.noun === 'nmi') {
    return `${q.noun}:${DISTANCE_OF.find(([, pattern]) => pattern.test(around))?.[0] ?? 'position'}`;
  }
  return q.noun;
}

/** "over the Samara region", "in Saratov Oblast": a place right after a count limits it. */
function scopeOf(text: string, end: number): string | null {
  const clause = text.slice(end, end + 60).split(/[.;]|,\s+(?:and|but|while|including)\b/)[0] ?? '';
  const place = /\b(?:over|above|in|across)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)/u.exec(clause)?.[1];
  return place ? foldCase(place) : null;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The casualties and the counts of things a text gives, each with whose they are when it says. */
export function countFacets(
  text: string,
  countries: CountryGazetteer,
  self: string | null = null,
): { casualties: CasualtyCount[]; counts: ThingCount[] } {
  const casualties: CasualtyCount[] = [];
  const counts: ThingCount[] = [];
  for (const q of findQuantities(text)) {
    const kind = PERSON_NOUNS.has(q.noun) ? casualtyKind(text, q) : null;
    const side = sideOf(q, text, countries, self);
    if (kind) {
      const whose = EVERYONE.has(q.noun) ? whoseLosses(text.slice(q.end, q.end + 80), countries, self) : null;
      const group = EVERYONE.has(q.noun) ? (whose?.group ?? null) : nounClass(q.noun);
      casualties.push({ kind, low: q.low, high: q.high, group, side: side ?? whose?.side ?? null });
      continue;
    }
    // "Ninety of our people" counts people; "no casualties" without a casualty word counts nothing.
    const noun = q.partOf || (EVERYONE.has(q.noun) && q.noun !== 'people') ? null : measured(q, text);
    if (noun) counts.push({ noun, side, scope: scopeOf(text, q.end), low: q.low, high: q.high });
  }
  for (const m of text.matchAll(ONE_PERSON)) {
    const kind = CASUALTY.killed.test(m[3] ?? '') ? 'killed' : 'injured';
    const side = countries.find((m[1] ?? '').split(/\s+/).map(capitalize).join(' ')).at(-1)?.country ?? null;
    casualties.push({ kind, low: 1, high: 1, group: nounClass(foldCase(m[2] ?? '')), side });
  }
  for (const m of text.matchAll(BARE_COUNT)) {
    const word = (m[2] ?? '').toLowerCase();
    const value = /^\d/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word);
    const kind = /killed/i.test(m[1] ?? '') ? 'killed' : 'injured';
    casualties.push({ kind, low: value, high: value, group: null, side: null });
  }
  for (const m of text.matchAll(HEAVY)) {
    const whose = whoseLosses(text.slice(m.index + m[0].length, m.index + m[0].length + 80), countries, self);
    casualties.push({ kind: 'any', low: 10, high: Number.POSITIVE_INFINITY, group: null, side: whose?.side ?? null });
  }
  for (const m of text.matchAll(ONE_THING)) {
    const noun = (m[2] ?? '').toLowerCase();
    if (!counts.some((c) => c.noun === (ONE_THING_SHOWN[noun] ?? noun))) {
      counts.push({ noun: ONE_THING_SHOWN[noun] ?? noun, side: null, scope: null, low: 1, high: 1 });
    }
  }
  return { casualties, counts };
}
