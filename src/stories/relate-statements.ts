import type { AspectName } from './aspects.js';
import type { CasualtyCount, ThingCount } from './claim-facets.js';
import type { Statement } from './story-statements.js';

/** What one statement gives for one point of the event. */
export type PointValue =
  | { type: 'aspect'; aspect: AspectName; value: string }
  | { type: 'initiator'; country: string }
  | { type: 'casualty'; count: CasualtyCount }
  | { type: 'count'; count: ThingCount }
  /** Same names and words, no value to compare: the topic pass. */
  | { type: 'topic' };

export interface Entry {
  statement: Statement;
  value: PointValue;
}

export type Relation = 'conflict' | 'agree' | null;

const disjoint = (a: { low: number; high: number }, b: { low: number; high: number }) =>
  a.high < b.low || b.high < a.low;

const sameOrUnknown = (a: string | null, b: string | null) => a === null || b === null || a === b;

/** Specific names both statements give (names every member gives say nothing about which point). */
function sharedNames(a: Statement, b: Statement, common: Set<string>): string[] {
  return [...a.facets.names.keys()].filter((n) => b.facets.names.has(n) && !common.has(n));
}

/** Names a statement gives beyond those every member gives. */
function ownNames(s: Statement, common: Set<string>): string[] {
  return [...s.facets.names.keys()].filter((n) => !common.has(n));
}

function wordOverlap(a: Statement, b: Statement): number {
  const x = a.facets.words;
  const y = b.facets.words;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

/** Two reports of the same value, one of them reporting a denial of it, disagree; otherwise equal values agree. */
function byValue(equal: boolean, a: Statement, b: Statement): Relation {
  const denial = a.facets.denied !== b.facets.denied;
  if (equal) return denial ? 'conflict' : 'agree';
  return denial ? null : 'conflict';
}

/**
 * Whose casualties: the same group, a count of everyone ("no casualties") standing for any group,
 * and the same side, or a side left unsaid for a named group ("five soldiers" beside "30 Malian
 * soldiers"). A count of everyone with no side is compared only with counts of no side: "it
 * suffered no losses" says nothing of the other side's dead.
 */
function sameCasualties(a: CasualtyCount, b: CasualtyCount): boolean {
  if (!sameOrUnknown(a.group, b.group)) return false;
  if (a.side === b.side) return true;
  return a.group !== null && b.group !== null && (a.side === null || b.side === null);
}

function relateCasualties(a: CasualtyCount, b: CasualtyCount, x: Statement, y: Statement): Relation {
  if (!sameCasualties(a, b)) return null;
  const kindsMeet = a.kind === b.kind || a.kind === 'any' || b.kind === 'any';
  if (kindsMeet) return byValue(!disjoint(a, b), x, y);
  // One report has deaths where the other has only injuries: different outcomes.
  const [killed, other] = a.kind === 'killed' ? [a, b] : [b, a];
  return killed.kind === 'killed' && killed.low > 0 && other.kind === 'injured' && x.facets.denied === y.facets.denied
    ? 'conflict'
    : null;
}

/**
 * How two statements from different sources stand on one point: they conflict when they give
 * different counts, outcomes, causes or who started it; they agree when they give the same value and
 * are about the same thing (for aspects, a specific name or words in common).
 */
export function relate(a: Entry, b: Entry, common: Set<string>): Relation {
  if (a.statement.source === b.statement.source) return null;
  const [x, y] = [a.value, b.value];
  if (x.type === 'casualty' && y.type === 'casualty')
    return relateCasualties(x.count, y.count, a.statement, b.statement);
  if (x.type === 'count' && y.type === 'count') {
    // A count of people stands for any count of persons ("90 of our people", "84 prisoners").
    const sameThing = x.count.noun === y.count.noun || x.count.noun === 'people' || y.count.noun === 'people';
    // A count over one region and a total are not two versions of one number.
    if (!sameThing || !sameOrUnknown(x.count.side, y.count.side) || x.count.scope !== y.count.scope) return null;
    return byValue(!disjoint(x.count, y.count), a.statement, b.statement);
  }
  if (x.type === 'initiator' && y.type === 'initiator')
    return byValue(x.country === y.country, a.statement, b.statement);
  if (x.type === 'aspect' && y.type === 'aspect' && x.aspect === y.aspect) {
    if (x.value === 'mixed' || y.value === 'mixed') return null;
    // The same value is agreement only about the same thing: "posts destroyed" on each side are two events.
    const related =
      sharedNames(a.statement, b.statement, common).length > 0 || wordOverlap(a.statement, b.statement) >= 0.5;
    // Taking one village and holding another are no contradiction: where both name places of their
    // own and none in common, control is about two places.
    if (
      x.aspect === 'territory' &&
      sharedNames(a.statement, b.statement, new Set()).length === 0 &&
      ownNames(a.statement, common).length > 0 &&
      ownNames(b.statement, common).length > 0
    ) {
      return null;
    }
    const relation = byValue(x.value === y.value, a.statement, b.statement);
    return relation === 'agree' && !related ? null : relation;
  }
  return null;
}
