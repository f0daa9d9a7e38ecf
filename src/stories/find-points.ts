import { type Entry, type PointValue, type Relation, relate } from './relate-statements.js';
import type { Statement } from './story-statements.js';

/** A point before it is written out: the entries on it and how they relate. */
export interface DraftPoint {
  /** The bucket it came from ("casualty:soldier|India", "aspect:strike", "topic"). */
  bucket: string;
  entries: Entry[];
  conflicts: [Entry, Entry][];
  agreements: [Entry, Entry][];
}

/** A member rarely needs more than three sides on one point; more only repeat it. */
const SIDES_PER_MEMBER = 3;

function valuesOf(statement: Statement): [string, PointValue][] {
  const { facets } = statement;
  const values: [string, PointValue][] = [];
  for (const [aspect, value] of facets.aspects) values.push([`aspect:${aspect}`, { type: 'aspect', aspect, value }]);
  if (facets.initiator) values.push(['initiator', { type: 'initiator', country: facets.initiator }]);
  for (const count of facets.casualties) {
    values.push([`casualty:${count.group ?? '*'}|${count.side ?? '*'}`, { type: 'casualty', count }]);
  }
  for (const count of facets.counts) values.push([`count:${count.noun}`, { type: 'count', count }]);
  return values;
}

/** Counts of "no casualties" or "no one was hurt" bear on every group's casualties where no side is named. */
function spreadWildcards(buckets: Map<string, Entry[]>): void {
  const wildcard = [...buckets].filter(([key]) => key === 'casualty:*|*');
  const groups = [...buckets.keys()].filter(
    (key) => key.startsWith('casualty:') && key.endsWith('|*') && key !== 'casualty:*|*',
  );
  if (!groups.length) return;
  for (const [key, entries] of wildcard) {
    for (const group of groups) buckets.get(group)?.push(...entries);
    buckets.delete(key);
  }
}

function limitSides(point: DraftPoint): DraftPoint {
  const inConflict = new Set(point.conflicts.flat());
  const perMember = new Map<string, number>();
  const ranked = [...point.entries].sort(
    (a, b) => Number(inConflict.has(b)) - Number(inConflict.has(a)) || a.statement.order - b.statement.order,
  );
  const kept = new Set(
    ranked.filter((e) => {
      const n = perMember.get(e.statement.member) ?? 0;
      perMember.set(e.statement.member, n + 1);
      return n < SIDES_PER_MEMBER;
    }),
  );
  const both = ([a, b]: [Entry, Entry]) => kept.has(a) && kept.has(b);
  return {
    ...point,
    entries: point.entries.filter((e) => kept.has(e)),
    conflicts: point.conflicts.filter(both),
    agreements: point.agreements.filter(both),
  };
}

/**
 * Points where statements from different sources meet on one aspect, count, casualty group or on
 * who started it. A statement may bear on several points (a sentence giving a hit and a stoppage is
 * on two). Entries in no relation stay unplaced for the topic pass and the one-side points.
 */
export function pointsByValue(statements: Statement[], common: Set<string>): DraftPoint[] {
  const buckets = new Map<string, Entry[]>();
  for (const statement of statements) {
    for (const [key, value] of valuesOf(statement)) {
      const entries = buckets.get(key) ?? [];
      entries.push({ statement, value });
      buckets.set(key, entries);
    }
  }
  spreadWildcards(buckets);
  const points: DraftPoint[] = [];
  for (const [bucket, entries] of buckets) {
    const conflicts: [Entry, Entry][] = [];
    const agreements: [Entry, Entry][] = [];
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [a, b] = [entries[i] as Entry, entries[j] as Entry];
        const relation: Relation = relate(a, b, common);
        if (relation === 'conflict') conflicts.push([a, b]);
        else if (relation === 'agree') agreements.push([a, b]);
      }
    }
    const related = new Set([...conflicts, ...agreements].flat());
    if (!related.size) continue;
    points.push(limitSides({ bucket, entries: entries.filter((e) => related.has(e)), conflicts, agreements }));
  }
  return points;
}
