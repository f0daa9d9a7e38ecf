import type { DraftPoint } from './find-points.js';
import type { Entry } from './relate-statements.js';
import type { Statement } from './story-statements.js';

/** Least similarity for two statements from different sources to be one point. */
const TOPIC_THRESHOLD = 0.35;
const NAME_WEIGHT = 2;

/** Names, days and words; how many statements share each sets its weight, so the event's own place counts little. */
function vectorOf(statement: Statement): Map<string, number> {
  const vector = new Map<string, number>();
  for (const name of statement.facets.names.keys()) vector.set(`n:${name}`, NAME_WEIGHT);
  for (const day of statement.facets.days) vector.set(`d:${day}`, NAME_WEIGHT);
  for (const word of statement.facets.words) if (!vector.has(`n:${word}`)) vector.set(`w:${word}`, 1);
  return vector;
}

/**
 * Statements grouped when two sources say much the same thing: cosine over their names, days and
 * words, weighted by how few statements of the story use them. A point holds at
 * most one statement per source, so two sentences of one report never make an agreement, and
 * never two statements that conflict on a value.
 */
export function pointsByTopic(
  statements: Statement[],
  conflicting: (a: Statement, b: Statement) => boolean,
): DraftPoint[] {
  const vectors = statements.map(vectorOf);
  const df = new Map<string, number>();
  for (const v of vectors) for (const f of v.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const weighted = vectors.map((v) => {
    const w = new Map<string, number>();
    for (const [f, x] of v) w.set(f, x * Math.log(1 + statements.length / (df.get(f) ?? 1)));
    return w;
  });
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)) || 1;
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < statements.length; i++) {
    for (let j = i + 1; j < statements.length; j++) {
      const [x, y] = [statements[i] as Statement, statements[j] as Statement];
      // Two statements set against each other on some point do not agree on another.
      if (x.source === y.source || conflicting(x, y)) continue;
      const [a, b] = [weighted[i] as Map<string, number>, weighted[j] as Map<string, number>];
      let dot = 0;
      for (const [f, x] of a) dot += x * (b.get(f) ?? 0);
      const score = dot / (norm(a) * norm(b));
      if (score >= TOPIC_THRESHOLD) pairs.push([score, i, j]);
    }
  }
  const clusterOf = statements.map((_, i) => i);
  const members = new Map(statements.map((_, i) => [i, [i]]));
  const links = new Map<number, [number, number][]>();
  for (const [, i, j] of pairs.sort((a, b) => b[0] - a[0])) {
    const [ci, cj] = [clusterOf[i] as number, clusterOf[j] as number];
    if (ci === cj) continue;
    const joined = [...(members.get(ci) ?? []), ...(members.get(cj) ?? [])];
    const sources = joined.map((k) => statements[k]?.source);
    if (new Set(sources).size < sources.length) continue;
    for (const k of joined) clusterOf[k] = ci;
    members.set(ci, joined);
    members.delete(cj);
    links.set(ci, [...(links.get(ci) ?? []), ...(links.get(cj) ?? []), [i, j]]);
  }
  const entry = (k: number): Entry => ({ statement: statements[k] as Statement, value: { type: 'topic' } });
  return [...members]
    .filter(([, list]) => list.length > 1)
    .map(([id, list]) => {
      const entries = list.map(entry);
      const byIndex = new Map(list.map((k, n) => [k, entries[n] as Entry]));
      return {
        bucket: 'topic',
        entries,
        conflicts: [],
        agreements: (links.get(id) ?? []).map(([i, j]) => [byIndex.get(i), byIndex.get(j)] as [Entry, Entry]),
      };
    });
}
