import { PERSON_NOUNS } from './aspects.js';
import { type Entry, type PointValue, type Relation, relate } from './relate-statements.js';
import type { Statement } from './story-statements.js';

/** A point before it is written out: the entries on it and how they relate. */
export interface DraftPoint {
  /** The bucket it came from ("casualty:soldier|India", "aspect:strike", "topic"). */
  bucket: string;
  entries: Entry[];
  conflicts: [Entry, Entry][];
  agreements: [Entry, Entry][];
  /** For an agreement drawn out of a conflict: the value its sides share. */
  agreedOn?: PointValue;
}

/** A member rarely needs more than four sides on one point; more only repeat it. */
const SIDES_PER_MEMBER = 4;

function valuesOf(statement: Statement): [string, PointValue][] {
  const { facets } = statement;
  const values: [string, PointValue][] = [];
  if (facets.background) return values;
  for (const [aspect, value] of facets.aspects) values.push([`aspect:${aspect}`, { type: 'aspect', aspect, value }]);
  if (facets.initiator) values.push(['initiator', { type: 'initiator', country: facets.initiator }]);
  for (const count of facets.casualties) {
    values.push([`casualty:${count.group ?? '*'}|${count.side ?? '*'}`, { type: 'casualty', count }]);
  }
  for (const count of facets.counts) values.push([`count:${count.noun}`, { type: 'count', count }]);
  return values;
}

/**
 * Counts of everyone bear on every group's count of the same side: "no casualties" (no side) on
 * each group's casualties where no side is named, "no loss of life on our side" on each group of
 * that side, "90 of our people" on a count of prisoners.
 */
function spreadWildcards(buckets: Map<string, Entry[]>): void {
  for (const [key, entries] of [...buckets]) {
    const casualty = /^casualty:\*\|(.+)$/.exec(key);
    const targets = casualty
      ? [...buckets.keys()].filter((k) => k.startsWith('casualty:') && k !== key && k.endsWith(`|${casualty[1]}`))
      : key === 'count:people'
        ? [...buckets.keys()].filter((k) => k.startsWith('count:') && PERSON_NOUNS.has(k.slice(6)) && k !== key)
        : [];
    if (!targets.length) continue;
    for (const target of targets) buckets.get(target)?.push(...entries);
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
    if (conflicts.length) points.push(...agreementsWithin(bucket, agreements));
  }
  return points;
}

/**
 * Where sources conflict on a point, those that give the same value still agree with each other:
 * "84 servicemen returned" in three reports is an agreement beside the conflict over 84 or 90.
 */
function agreementsWithin(bucket: string, agreements: [Entry, Entry][]): DraftPoint[] {
  const groupOf = new Map<Entry, Set<Entry>>();
  for (const [a, b] of agreements) {
    const group = new Set([...(groupOf.get(a) ?? [a]), ...(groupOf.get(b) ?? [b])]);
    for (const entry of group) groupOf.set(entry, group);
  }
  return [...new Set(groupOf.values())]
    .filter((group) => new Set([...group].map((e) => e.statement.source)).size > 1)
    .map((group) => {
      const entries = [...group];
      const pairs = agreements.filter(([a, b]) => group.has(a) && group.has(b));
      return limitSides({ bucket, entries, conflicts: [], agreements: pairs, agreedOn: entries[0]?.value });
    });
}
