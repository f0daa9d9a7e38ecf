import { ASPECTS, type AspectName, CASUALTY, CAUSE_MARKER, DENIAL, PERSON_NOUNS, STARTED } from './aspects.js';
import type { CountryGazetteer } from './countries.js';
import { findNames } from './find-names.js';
import { findQuantities, nounClass, type Quantity } from './find-quantities.js';
import { contentWords, foldCase, stem } from './words.js';

export type CasualtyKind = keyof typeof CASUALTY;

/** A count of people killed, injured or harmed, of a group ("soldier") and a side ("India") when given. */
export interface CasualtyCount {
  kind: CasualtyKind;
  low: number;
  high: number;
  /** The group counted, or null when the report counts everyone ("no casualties", "no one"). */
  group: string | null;
  side: string | null;
}

/** A count of anything else: aircraft, ships, drones, posts. */
export interface ThingCount {
  noun: string;
  side: string | null;
  low: number;
  high: number;
}

export interface ClaimFacets {
  /** Each aspect the claim speaks to and the value it gives; "mixed" when it gives both sides' values. */
  aspects: Map<AspectName, string>;
  /** The country the claim says started the clash. */
  initiator: string | null;
  casualties: CasualtyCount[];
  counts: ThingCount[];
  /** The claim reports a denial: what it states is what someone denies. */
  denied: boolean;
  /** Names it gives (places, people, designations, countries), folded → as written. */
  names: Map<string, string>;
  words: Set<string>;
}

/** Counted things that stand for everyone, not a group: "no casualties", "no one was hurt". */
const EVERYONE = new Set(['people', 'casualty', 'death', 'injury', 'loss', 'losse']);
const NOUN_KIND: Record<string, CasualtyKind> = { death: 'killed', injury: 'injured' };
const ONE_PERSON =
  /\b(?:a|an)\s+((?:[\p{L}-]+\s+){0,2}?)(soldier|civilian|worker|employee|child|woman|man|officer|policeman|sailor|pilot|serviceman|resident|fighter)\s+(?:was|has been|had been)\s+(?:\S+\s+)?(killed|injured|wounded|hurt)\b/giu;

const DESIGNATION_SHOWN = /\p{Lu}[\p{L}]{0,10}[- ]?\d{1,4}\p{Lu}{0,2}/gu;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function sideOf(modifiers: string[], countries: CountryGazetteer): string | null {
  return countries.find(modifiers.map(capitalize).join(' ')).at(-1)?.country ?? null;
}

/** "no losses among Azerbaijani servicemen", "no casualties on the Indian side": whose losses a count of everyone is. */
function whoseLosses(after: string, countries: CountryGazetteer): { group: string | null; side: string | null } | null {
  const among = /^[\p{L}\s]{0,30}?\bamong\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(after);
  if (among?.[1]) {
    const words = among[1].split(/\s+/);
    const noun = nounClass(stem(foldCase(words.at(-1) ?? '')));
    return {
      group: PERSON_NOUNS.has(noun) ? noun : null,
      side: countries.find(words.map(capitalize).join(' ')).at(-1)?.country ?? null,
    };
  }
  const onSide = /^[\p{L}\s]{0,30}?\bon the\s+(\p{Lu}[\p{L}-]+)\s+side\b/u.exec(after);
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

/**
 * The value each aspect takes in the text. Values are tried in their listed order and what one
 * matched is taken out before the next is tried: "38 drones were destroyed" is an interception,
 * and its "destroyed" must not count again as a hit.
 */
function aspectsOf(text: string): Map<AspectName, string> {
  const found = new Map<AspectName, string>();
  for (const [name, aspect] of Object.entries(ASPECTS) as [AspectName, (typeof ASPECTS)[AspectName]][]) {
    if (name === 'cause' && !CAUSE_MARKER.test(text)) continue;
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

/** What a claim says about the event, in forms two claims can be compared by. */
export function claimFacets(text: string, countries: CountryGazetteer): ClaimFacets {
  const casualties: CasualtyCount[] = [];
  const counts: ThingCount[] = [];
  for (const q of findQuantities(text)) {
    const kind = PERSON_NOUNS.has(q.noun) ? casualtyKind(text, q) : null;
    const side = sideOf(q.modifiers, countries);
    if (kind) {
      const whose = EVERYONE.has(q.noun) ? whoseLosses(text.slice(q.end, q.end + 80), countries) : null;
      const group = EVERYONE.has(q.noun) ? (whose?.group ?? null) : nounClass(q.noun);
      casualties.push({ kind, low: q.low, high: q.high, group, side: side ?? whose?.side ?? null });
    } else if (!q.partOf && !EVERYONE.has(q.noun)) {
      counts.push({ noun: q.noun, side, low: q.low, high: q.high });
    }
  }
  for (const m of text.matchAll(ONE_PERSON)) {
    const kind = CASUALTY.killed.test(m[3] ?? '') ? 'killed' : 'injured';
    const side = sideOf((m[1] ?? '').trim().split(/\s+/).filter(Boolean), countries);
    casualties.push({ kind, low: 1, high: 1, group: nounClass(foldCase(m[2] ?? '')), side });
  }
  return {
    aspects: aspectsOf(text),
    initiator: initiatorOf(text, countries),
    casualties,
    counts,
    denied: DENIAL.test(text),
    names: namesIn(text, countries),
    words: new Set(contentWords(text)),
  };
}
