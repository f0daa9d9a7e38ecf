import type { Comparison, ComparisonMember, Point, PointStatus } from './comparison-schema.js';
import { type DraftPoint, pointsByValue } from './find-points.js';
import { conflictNote, pointSubject } from './point-subject.js';
import { pointsByTopic } from './points-by-topic.js';
import { storyCoverage } from './story-coverage.js';
import { type CompareContext, type Statement, type StoryBrief, sourceOf, statementsOf } from './story-statements.js';

const ONE_SIDE_PER_MEMBER = 3;
/** A comparison reads at most this many members, one per source first: beyond it, pairs cost more than they add. */
const MAX_COMPARED = 20;
const MAX_ONE_SIDE = 12;
const STATUS_ORDER: Record<PointStatus, number> = { conflict: 0, agree: 1, one_side: 2 };

const key = (s: Statement) => `${s.member}#${s.order}`;

export function memberOf({ brief, origin }: StoryBrief): ComparisonMember {
  return {
    key: brief.meta.cacheKey,
    outlet: brief.sourceNote.outlet.name ?? brief.article.outlet,
    domain: brief.article.domain,
    country: brief.sourceNote.outlet.country,
    kind: brief.sourceNote.outlet.kind,
    title: brief.article.title,
    url: brief.article.canonicalUrl ?? brief.article.url,
    publishedAt: brief.article.publishedAt,
    origin: origin ?? null,
  };
}

/** Up to MAX_COMPARED members: the first of each source, then the rest in order. */
export function compared(story: StoryBrief[]): StoryBrief[] {
  if (story.length <= MAX_COMPARED) return story;
  const seen = new Set<string>();
  const firsts = story.filter((m) => !seen.has(sourceOf(m)) && seen.add(sourceOf(m)));
  return [...firsts, ...story.filter((m) => !firsts.includes(m))].slice(0, MAX_COMPARED);
}

/** Names every member gives (the place of the event, the two countries) say nothing about which point a statement is on. */
function commonNames(statements: Statement[], members: number): Set<string> {
  const byName = new Map<string, Set<string>>();
  for (const s of statements) {
    for (const name of s.facets.names.keys()) byName.set(name, (byName.get(name) ?? new Set()).add(s.member));
  }
  const needed = Math.max(2, Math.ceil(members * 0.6));
  return new Set([...byName].filter(([, m]) => m.size >= needed).map(([name]) => name));
}

/** How much a lone statement tells: counts, casualties, aspects and specific names. */
function weightOf(s: Statement, common: Set<string>): number {
  const f = s.facets;
  const names = [...f.names.keys()].filter((n) => !common.has(n)).length;
  return 2 * (f.casualties.length + f.counts.length) + f.aspects.size + (f.initiator ? 1 : 0) + 0.5 * names;
}

function oneSidePoints(statements: Statement[], placed: Set<Statement>, common: Set<string>): DraftPoint[] {
  const perMember = new Map<string, number>();
  return statements
    .filter((s) => !placed.has(s))
    .sort((a, b) => weightOf(b, common) - weightOf(a, common) || a.order - b.order)
    .filter((s) => {
      const n = perMember.get(s.member) ?? 0;
      perMember.set(s.member, n + 1);
      return n < ONE_SIDE_PER_MEMBER;
    })
    .slice(0, MAX_ONE_SIDE)
    .map((statement) => ({
      bucket: 'one',
      entries: [{ statement, value: { type: 'topic' } }],
      conflicts: [],
      agreements: [],
    }));
}

/** Points with the same sides as an earlier one add nothing: "38 drones destroyed" is one point, not two. */
function withoutRepeats(points: DraftPoint[]): DraftPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const sides = [...new Set(p.entries.map((e) => e.statement))]
      .map((s) => `${s.member}#${s.order}`)
      .sort()
      .join(',');
    if (seen.has(sides)) return false;
    seen.add(sides);
    return true;
  });
}

/**
 * The offline comparison of one story's briefs: points aligned by the aspect, count, casualty group
 * or names they share; `conflict` where sources give different values, `agree` where two or more
 * give the same, `one_side` for what one source alone reports. Conflicts come first, then
 * agreements, then one-side points, each with every side naming its member.
 */
export function compareStory(story: StoryBrief[], ctx: CompareContext): Comparison {
  const members = compared(story);
  const statements = members.flatMap((m) => statementsOf(m, ctx));
  const common = commonNames(statements, members.length);
  const byValue = pointsByValue(statements, common);
  const placed = new Set(byValue.flatMap((p) => p.entries.map((e) => e.statement)));
  // Every statement, placed or not: a sentence on a count may also agree with another on the place.
  const opposed = new Set(
    byValue.flatMap((p) =>
      p.conflicts.flatMap(([a, b]) => [
        `${key(a.statement)}|${key(b.statement)}`,
        `${key(b.statement)}|${key(a.statement)}`,
      ]),
    ),
  );
  const byTopic = pointsByTopic(
    statements.filter((s) => !s.facets.background),
    (a, b) => opposed.has(`${key(a)}|${key(b)}`),
  );
  for (const p of byTopic) for (const e of p.entries) placed.add(e.statement);
  const drafts = withoutRepeats([...byValue, ...byTopic, ...oneSidePoints(statements, placed, common)]);
  const points: Point[] = drafts.map((draft) => {
    const sources = new Set(draft.entries.map((e) => e.statement.source));
    const status: PointStatus = draft.conflicts.length ? 'conflict' : sources.size > 1 ? 'agree' : 'one_side';
    const seen = new Set<Statement>();
    const sides = draft.entries
      .map((e) => e.statement)
      .filter((s) => !seen.has(s) && seen.add(s))
      .map((s) => s.side);
    return { subject: pointSubject(draft, common, ctx.lexicon), status, sides, note: conflictNote(draft) };
  });
  const order = (p: Point) => STATUS_ORDER[p.status];
  const sourcesOf = (p: Point) => new Set(p.sides.map((s) => s.member)).size;
  points.sort((a, b) => order(a) - order(b) || sourcesOf(b) - sourcesOf(a));
  return {
    members: members.map(memberOf),
    points,
    coverage: storyCoverage(members, ctx.countries),
    engine: 'offline',
    fallbackReason: null,
  };
}
