import type { Lexicon } from '../brief/checks/loaded-terms.js';
import { unquotedLoadedTerms } from '../brief/checks/loaded-terms.js';
import { ASPECTS, type AspectName } from './aspects.js';
import type { DraftPoint } from './find-points.js';
import type { Entry, PointValue } from './relate-statements.js';

const MAX_NAMES = 3;

/** Our words for each aspect's values, for conflict notes. */
const VALUE_WORDS: Record<string, string> = {
  intercepted: 'intercepted or downed',
  hit: 'hit',
  normal: 'operating normally',
  stopped: 'stopped',
  routine: 'routine',
  provocation: 'a provocation',
  taken: 'taken',
  held: 'held or repelled',
  accident: 'an accident',
  attack: 'an attack',
};

const plural = (noun: string) => {
  if (/(?:s|aircraft|personnel|people|police|equipment|artillery)$/.test(noun)) return noun;
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
};

function range({ low, high }: { low: number; high: number }): string {
  if (low === high) return String(low);
  // "About 20" is read as 19–21: it is shown as said.
  if (low > 0 && Math.abs(high / low - 1.05 / 0.95) < 1e-6) return `about ${Math.round((low + high) / 2)}`;
  if (high === Number.POSITIVE_INFINITY) return `${low} or more`;
  if (low === 0) return `up to ${high}`;
  return `${low}–${high}`;
}

function describe(value: PointValue): string {
  switch (value.type) {
    case 'aspect':
      return VALUE_WORDS[value.value] ?? value.value;
    case 'initiator':
      return `started by ${value.country}`;
    case 'casualty':
      return `${range(value.count)} ${value.count.kind === 'any' ? 'casualties' : value.count.kind}`;
    case 'count':
      return range(value.count);
    default:
      return '';
  }
}

/** Names the sides share (or a lone side gives), as the first of them writes them, most shared first. */
function sharedNames(entries: Entry[], common: Set<string>): string[] {
  const counts = new Map<string, { shown: string; n: number }>();
  for (const entry of entries) {
    for (const [key, shown] of entry.statement.facets.names) {
      if (common.has(key)) continue;
      const seen = counts.get(key);
      counts.set(key, { shown: seen?.shown ?? shown, n: (seen?.n ?? 0) + 1 });
    }
  }
  const min = entries.length > 1 ? 2 : 1;
  return [...counts.values()]
    .filter((c) => c.n >= min)
    .sort((a, b) => b.n - a.n)
    .slice(0, MAX_NAMES)
    .map((c) => c.shown);
}

/** The bucket a lone statement would have had: its most telling facet. */
function loneBucket(point: DraftPoint): string {
  const facets = point.entries[0]?.statement.facets;
  if (!facets) return point.bucket;
  const casualty = facets.casualties[0];
  if (casualty) return `casualty:${casualty.group ?? '*'}|${casualty.side ?? '*'}`;
  const aspect = [...facets.aspects.keys()][0];
  if (aspect) return `aspect:${aspect}`;
  if (facets.initiator) return 'initiator';
  const count = facets.counts[0];
  return count ? `count:${count.noun}` : point.bucket;
}

/** Aspects of a place: the names say which target or ground; elsewhere names would only clutter. */
const NAMED_ASPECTS = new Set(['aspect:strike', 'aspect:territory', 'topic']);

function baseSubject(point: DraftPoint): string | null {
  const bucket = point.bucket === 'one' ? loneBucket(point) : point.bucket;
  const [kind, rest = ''] = bucket.split(':');
  if (kind === 'aspect') return ASPECTS[rest as AspectName]?.subject ?? null;
  if (kind === 'initiator') return 'Who started it';
  if (kind === 'count') return `Number of ${plural(rest)}`;
  if (kind === 'casualty') {
    // "No casualties" beside a group's count is about everyone: the label says casualties alone.
    if (point.entries.some((e) => e.value.type === 'casualty' && e.value.count.group === null)) return 'Casualties';
    const [group, side] = rest.split('|');
    const among = group && group !== '*' ? ` among ${plural(group)}` : '';
    return `Casualties${among}${side && side !== '*' ? ` (${side})` : ''}`;
  }
  return null;
}

/**
 * A short neutral label: our words for the aspect, count or casualty group, with the names the
 * sides share; a topic point is labelled by its names alone. Names that are loaded terms are left
 * out, so the label never carries a side's framing.
 */
export function pointSubject(point: DraftPoint, common: Set<string>, lexicon: Lexicon): string {
  const base = baseSubject(point);
  const named = point.bucket === 'one' ? !base : NAMED_ASPECTS.has(point.bucket);
  // A topic point is about what its sides share, the story's own place included when nothing rarer is.
  const specific = named ? sharedNames(point.entries, common) : [];
  const names = (specific.length || point.bucket !== 'topic' ? specific : sharedNames(point.entries, new Set())).filter(
    (n) => unquotedLoadedTerms(n, lexicon).length === 0,
  );
  const lone = point.entries[0]?.statement.source;
  const agreed = point.agreedOn ? `: ${describe(point.agreedOn)}` : '';
  const subject = base
    ? `${base}${agreed}${names.length && !base.includes('(') ? ` (${names.join(', ')})` : ''}`
    : names.join(', ') || (point.bucket === 'one' && lone ? `Reported by ${lone}` : 'Other reported details');
  return subject.slice(0, 160);
}

/** What differs, in neutral words, naming which source gives which value. */
export function conflictNote(point: DraftPoint): string | null {
  if (!point.conflicts.length) return null;
  const bySource = new Map<string, Set<string>>();
  for (const [a, b] of point.conflicts) {
    for (const entry of [a, b]) {
      const said = `${entry.statement.facets.denied ? 'denies ' : ''}${describe(entry.value)}`;
      bySource.set(entry.statement.source, (bySource.get(entry.statement.source) ?? new Set()).add(said));
    }
  }
  // A source that reports both accounts (a wire quoting each side) is listed with both.
  const accounts = [...bySource].map(([source, said]) => `${[...said].join(' and ')} (${source})`);
  return `The accounts differ: ${accounts.join('; ')}.`.slice(0, 400);
}
