import type { Brief } from '../brief/schema.js';
import type { CountryGazetteer } from './countries.js';
import { findDates } from './find-dates.js';
import { findNames, isTitleCase, type NameSource } from './find-names.js';
import { findQuantities } from './find-quantities.js';
import { nameKey } from './name-key.js';
import { contentWords } from './words.js';

/** A brief reduced to what says which event it is: weighted features and a time. */
export interface BriefFeatures {
  key: string;
  time: number;
  /** The outlet's name as the brief has it, for listing members. */
  outlet: string | null;
  /** Who published it (domain, else name): an outlet's own reports share its house style. */
  source: string | null;
  /** Days the headline and lead name (YYYY-MM-DD): the day of the event as this report tells it. */
  days: string[];
  /** Feature → weight, e.g. "e:novoshakhtinsk" → 1.5; prefixes tell kinds apart (see FEATURE_WEIGHTS). */
  weights: Map<string, number>;
}

/**
 * What stays the same when opposite sides tell one event in their own words: designations and
 * numbered units most of all, then names of places, people and countries, the day, the counts; the
 * words of a headline least, since each side chooses its own. The index scales these by how rare
 * each feature is among the briefs of the window.
 */
const FEATURE_WEIGHTS = {
  /** Weapon and equipment designations: "su34". */
  w: 2,
  /** Numbered units: "65 brigade". */
  u: 2,
  /** Names: places, people, groups. */
  e: 1,
  /** Counts with what they count: "38 drone". */
  n: 0.8,
  /** Days named or implied ("on Tuesday"). */
  d: 0.8,
  /** Countries, by name, demonym or capital: the actors. Every report on a war names the same two, which rarity in the window discounts. */
  c: 1,
  /** Things counted, whatever the count ("post" for "three posts" and "two posts"): sides differ on numbers, not on what they count. */
  q: 0.5,
  /** Content words of the headline and first sentence. */
  t: 0.4,
} as const;

/** Features found in the headline or lead count more: that is where a report says what happened. */
const LEAD_BOOST = 1.5;
const LEAD_CHARS = 400;
const MAX_FEATURES = 48;
const MAX_FEATURE_CHARS = 64;
/** A brief may be filed long after publication, never before it: a date ahead of that is wrong. */
const FUTURE_SLACK_MS = 86_400_000;

/** Publication time, falling back to when the brief was made when the page gave none (or an impossible one). */
export function briefTime(brief: Brief): number {
  const made = Date.parse(brief.meta.createdAt);
  const published = brief.article.publishedAt ? Date.parse(brief.article.publishedAt) : Number.NaN;
  if (Number.isNaN(published) || (!Number.isNaN(made) && published > made + FUTURE_SLACK_MS)) {
    return Number.isNaN(made) ? 0 : made;
  }
  return published;
}

/** The first sentences of the article text, about LEAD_CHARS long, cut at a sentence end. */
function leadOf(excerpt: string): string {
  if (excerpt.length <= LEAD_CHARS) return excerpt;
  const end = excerpt.slice(0, LEAD_CHARS + 200).search(/[.!?]["”’]?\s(?=[^.]{0,200}$)/);
  return excerpt.slice(0, end > 0 ? end + 1 : LEAD_CHARS);
}

/** The outlet's name, its words and its initials ("Press Trust of India", "PTI"): its credit line is no part of the event. */
function outletWords(name: string): string[] {
  const words = name.split(/[\s-]+/).filter(Boolean);
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return [...words, initials];
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?]["”’]?\s/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

function featuresOf(sources: NameSource[], countries: CountryGazetteer, reference: Date, exclude: string[]) {
  const text = sources.map((s) => s.text).join('\n');
  const { names, designations, units } = findNames(sources, countries, exclude);
  const quantities = findQuantities(text).filter((q) => !q.partOf);
  const counts = quantities.filter((q) => q.low === q.high && q.low >= 2).map((q) => `n:${q.low} ${q.noun}`);
  // Names under one key for their spellings: opposite sides transliterate the same place differently.
  const found = new Map<string, number>([...names].map(([name, weight]) => [`e:${nameKey(name)}`, weight]));
  for (const feature of [
    ...designations.map((d) => `w:${d}`),
    ...units.map((u) => `u:${u}`),
    ...counts,
    ...quantities.map((q) => `q:${q.noun}`),
    ...findDates(text, reference).map((d) => `d:${d}`),
    ...countries.find(text).map((c) => `c:${c.country.toLowerCase()}`),
  ]) {
    found.set(feature, 1);
  }
  return found;
}

/**
 * The features of a brief, from the brief alone: title, the article's first 1,500 characters,
 * summary, claims (statements, quotes, claimants), time and outlet. The outlet's own name is left
 * out: it says who reported, not what happened.
 */
export function briefFeatures(brief: Brief, countries: CountryGazetteer): BriefFeatures {
  const time = briefTime(brief);
  const reference = new Date(time);
  const title = brief.article.title ?? '';
  const lead = leadOf(brief.article.excerpt);
  const exclude = [brief.article.outlet, brief.sourceNote.outlet.name]
    .filter((n): n is string => Boolean(n))
    .flatMap(outletWords);
  const leadSources: NameSource[] = [{ text: title, titleCase: isTitleCase(title) }, { text: lead }];
  const bodySources: NameSource[] = [
    { text: brief.article.excerpt },
    ...brief.summary.sentences.map((text) => ({ text })),
    ...brief.claims.flatMap((c) => [{ text: c.statement }, { text: c.quote ?? '' }, { text: c.claimant.name }]),
  ];
  const inLead = featuresOf(leadSources, countries, reference, exclude);
  const inBody = featuresOf([...leadSources, ...bodySources], countries, reference, exclude);
  const excluded = new Set(exclude.map((w) => w.toLowerCase()));
  // Country words already count as countries.
  for (const mention of countries.find(`${title}\n${lead}`)) {
    for (const word of contentWords(mention.text)) excluded.add(word);
  }
  for (const word of contentWords(`${title}\n${firstSentence(lead)}`)) {
    // A name or designation already counts as one; the outlet's own name ("(Reuters)") says nothing of the event.
    if (!excluded.has(word) && !inBody.has(`e:${nameKey(word)}`) && !/\d/.test(word)) inLead.set(`t:${word}`, 1);
  }

  const weights = new Map<string, number>();
  for (const [feature, share] of [...inBody, ...inLead]) {
    const kind = feature.slice(0, 1) as keyof typeof FEATURE_WEIGHTS;
    const weight = FEATURE_WEIGHTS[kind] * share * (inLead.has(feature) ? LEAD_BOOST : 1);
    weights.set(feature, Math.max(weights.get(feature) ?? 0, weight));
  }
  // Hostile text can make a "name" of any length: a feature is a short key or nothing.
  const kept = [...weights]
    .filter(([feature]) => feature.length <= MAX_FEATURE_CHARS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FEATURES);
  return {
    key: brief.meta.cacheKey,
    time,
    outlet: brief.sourceNote.outlet.name ?? brief.article.outlet ?? brief.article.domain,
    source: brief.article.domain ?? brief.sourceNote.outlet.name ?? brief.article.outlet,
    days: [...inLead.keys()].filter((f) => f.startsWith('d:')).map((f) => f.slice(2)),
    weights: new Map(kept),
  };
}
