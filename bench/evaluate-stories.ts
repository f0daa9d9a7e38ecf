/**
 * Stories on the labelled set in bench/story-set/ (or the folder given as the first argument):
 * every article is briefed through the real pipeline (a page with its title, outlet, date and
 * address in meta tags), filed into stories in order of publication, and each story compared
 * by the product's own comparison (the engine's model with the compare prompt, or offline), once
 * per engine the environment configures. Reports story grouping (B-cubed) and how well the comparison finds the labelled
 * conflicts, agreements and one-side points.
 *
 * Matching rule: a predicted point matches a labelled conflict (or agreement) when it has sides
 * from two different labelled articles of it, each side overlapping that article's cue. A side
 * overlaps a cue when, lower-cased and without quotation marks, its statement or quote contains
 * the cue, or the cue contains its quote, or 60% of the cue's content words are in the side. A
 * labelled one-side cue is found when a one_side point has a side from that article overlapping it.
 *
 *   npx tsx bench/evaluate-stories.ts [folder] [--verbose]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineName } from '../src/brief/engines/registry.js';
import { makeBrief } from '../src/brief/make-brief.js';
import type { Brief, BriefLength } from '../src/brief/schema.js';
import { parseConfig } from '../src/config.js';
import { createPipeline, type Pipeline } from '../src/create-pipeline.js';
import { createLogger } from '../src/logger.js';
import type { Comparison, Point, Side } from '../src/stories/comparison-schema.js';
import { loadCountries } from '../src/stories/countries.js';
import { createMemoryStoryStorage } from '../src/stories/memory-story-storage.js';
import { createStoryIndex } from '../src/stories/story-index.js';
import { contentWords } from '../src/stories/words.js';
import { configuredEngines } from './configured-engines.js';
import { articleUid, type LabelledArticle, loadStorySet, pageOf, type StorySet } from './stories-labels.js';

const STORY_SET_DIR = join(import.meta.dirname, 'story-set');

export interface StoryEvalRow {
  engine: string;
  articles: number;
  events: number;
  stories: number;
  'B-cubed precision': string;
  'B-cubed recall': string;
  'grouping F1': string;
  'conflict recall': string;
  'conflict precision': string;
  'agreement recall': string;
  'agreement precision': string;
  'one-side recall': string;
  'compare ms (median story)': string;
}

export interface StoryEvalOptions {
  dir?: string;
  /** The engine that makes the briefs and the comparisons (the offline one by default). */
  engine?: EngineName;
  length?: BriefLength;
  verbose?: boolean;
  env?: Record<string, string | undefined>;
}

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[“”"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function overlapsCue(side: Side, cue: string): boolean {
  const cueText = plain(cue);
  const texts = [side.statement, side.quote ?? ''].map(plain).filter(Boolean);
  if (texts.some((t) => t.includes(cueText))) return true;
  if (side.quote && plain(side.quote).length >= 20 && cueText.includes(plain(side.quote))) return true;
  const words = new Set(contentWords(cue));
  const sideWords = new Set(contentWords(`${side.statement} ${side.quote ?? ''}`));
  return words.size > 0 && [...words].filter((w) => sideWords.has(w)).length / words.size >= 0.6;
}

/** B-cubed precision and recall of predicted story ids against labelled events. */
function bCubed(predicted: Map<string, string>, gold: Map<string, string>): { precision: number; recall: number } {
  let precision = 0;
  let recall = 0;
  const items = [...gold.keys()];
  for (const item of items) {
    const p = items.filter((o) => predicted.get(o) === predicted.get(item));
    const g = items.filter((o) => gold.get(o) === gold.get(item));
    const both = p.filter((o) => gold.get(o) === gold.get(item)).length;
    precision += both / p.length;
    recall += both / g.length;
  }
  return { precision: precision / items.length, recall: recall / items.length };
}

type Cue = { article: string; cue: string; value?: string | undefined };

/**
 * Does this point have sides from two different labelled articles, each overlapping its cue? For
 * a conflict whose sides carry values, the two must give different values (a conflicting pair).
 */
function pointMatches(point: Point, cues: Cue[], articleOfKey: Map<string, string>): boolean {
  const hit: Cue[] = [];
  for (const side of point.sides) {
    const article = articleOfKey.get(side.member);
    for (const cue of cues) if (cue.article === article && overlapsCue(side, cue.cue)) hit.push(cue);
  }
  return hit.some((a) => hit.some((b) => a.article !== b.article && (a.value === undefined || a.value !== b.value)));
}

const ratio = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(3));

function scoreComparisons(set: StorySet, comparisons: Comparison[], articleOfKey: Map<string, string>) {
  const points = comparisons.flatMap((c) => c.points);
  const labelled = set.files.flatMap((file) => {
    const uid = (id: string) => articleUid(file.event, id);
    const cues = (sides: Cue[]) => sides.map((s) => ({ article: uid(s.article), cue: s.cue, value: s.value }));
    return [
      ...file.conflicts.map((c) => ({ kind: 'conflict' as const, cues: cues(c.sides) })),
      ...file.agreements.map((c) => ({ kind: 'agree' as const, cues: cues(c.sides) })),
      ...file.oneSide.map((c) => ({ kind: 'one_side' as const, cues: cues([c]) })),
    ];
  });
  const found = (kind: 'conflict' | 'agree') =>
    labelled.filter(
      (l) => l.kind === kind && points.some((p) => p.status === kind && pointMatches(p, l.cues, articleOfKey)),
    );
  const conflicts = labelled.filter((l) => l.kind === 'conflict');
  const predicted = points.filter((p) => p.status === 'conflict');
  const right = predicted.filter((p) => conflicts.some((l) => pointMatches(p, l.cues, articleOfKey)));
  // An agreement point is right when it matches a labelled agreement, or sides of a labelled
  // conflict that give the same value (they agree with each other).
  const agreeable = [
    ...labelled.filter((l) => l.kind === 'agree'),
    ...labelled
      .filter((l) => l.kind === 'conflict')
      .flatMap((l) =>
        [...new Set(l.cues.map((c) => c.value))].map((v) => ({ ...l, cues: l.cues.filter((c) => c.value === v) })),
      ),
  ].map((l) => ({ ...l, cues: l.cues.map((c) => ({ ...c, value: undefined })) }));
  const agreePoints = points.filter((p) => p.status === 'agree');
  const rightAgree = agreePoints.filter((p) => agreeable.some((l) => pointMatches(p, l.cues, articleOfKey)));
  const oneSide = labelled.filter((l) => l.kind === 'one_side');
  const oneSideFound = oneSide.filter((l) =>
    points.some(
      (p) =>
        p.status === 'one_side' &&
        p.sides.some((s) => l.cues.some((c) => articleOfKey.get(s.member) === c.article && overlapsCue(s, c.cue))),
    ),
  );
  return {
    'conflict recall': ratio(found('conflict').length, conflicts.length),
    'conflict precision': ratio(right.length, predicted.length),
    'agreement recall': ratio(found('agree').length, labelled.filter((l) => l.kind === 'agree').length),
    'agreement precision': ratio(rightAgree.length, agreePoints.length),
    'one-side recall': ratio(oneSideFound.length, oneSide.length),
  };
}

async function briefAll(
  articles: LabelledArticle[],
  options: StoryEvalOptions,
  pipeline: Pipeline,
): Promise<Map<string, Brief>> {
  const briefs = new Map<string, Brief>();
  for (const { uid, article } of articles) {
    const made = await makeBrief(
      {
        source: { kind: 'html', html: pageOf(article), url: article.url },
        engine: options.engine ?? 'offline',
        length: options.length ?? 'standard',
        bypassCache: true,
      },
      pipeline.ctx,
    ).catch((error: unknown) => {
      // A page the pipeline refuses (too short, say) is reported and left out, not a crash.
      console.log(`not briefed: ${uid}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (made) briefs.set(uid, made.brief);
  }
  return briefs;
}

function printStories(comparisons: Comparison[], articleOfKey: Map<string, string>) {
  for (const c of comparisons) {
    console.log(`\nstory: ${c.members.map((m) => articleOfKey.get(m.key)).join(', ')}`);
    for (const p of c.points.filter((x) => x.status !== 'one_side')) {
      console.log(`  [${p.status}] ${p.subject}${p.note ? ` — ${p.note}` : ''}`);
      for (const s of p.sides) console.log(`      ${articleOfKey.get(s.member)}: ${s.statement.slice(0, 110)}`);
    }
  }
}

/** Briefs, groups and compares the labelled set; one row of figures. */
async function evaluateStories(options: StoryEvalOptions = {}): Promise<StoryEvalRow[]> {
  const dir = options.dir ?? STORY_SET_DIR;
  if (!existsSync(dir)) {
    console.log(`stories not evaluated: no labelled set at ${dir}`);
    return [];
  }
  const set = loadStorySet(dir);
  const ordered = [...set.articles].sort(
    (a, b) => Date.parse(a.article.publishedAt) - Date.parse(b.article.publishedAt) || a.uid.localeCompare(b.uid),
  );
  const storeDir = mkdtempSync(join(tmpdir(), 'sitrep-stories-eval-'));
  const config = parseConfig({ ...(options.env ?? {}), SITREP_STORE: `sqlite://${join(storeDir, 'eval.sqlite')}` });
  const pipeline = createPipeline(config, createLogger('silent'));
  try {
    return await evaluateWith(pipeline, set, ordered, options);
  } finally {
    await pipeline.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

async function evaluateWith(
  pipeline: Pipeline,
  set: StorySet,
  ordered: LabelledArticle[],
  options: StoryEvalOptions,
): Promise<StoryEvalRow[]> {
  const briefs = await briefAll(ordered, options, pipeline);
  const briefed = ordered.filter((a) => briefs.has(a.uid));
  const countries = loadCountries();
  const index = createStoryIndex(createMemoryStoryStorage(), countries);
  const storyOf = new Map<string, string>();
  const articleOfKey = new Map<string, string>();
  for (const { uid } of briefed) {
    const brief = briefs.get(uid) as Brief;
    articleOfKey.set(brief.meta.cacheKey, uid);
    await index.fileBrief(brief);
  }
  // Read back after every filing: a later brief may have folded an earlier one's story into its own.
  for (const { uid } of briefed) {
    storyOf.set(uid, (await index.storyOf((briefs.get(uid) as Brief).meta.cacheKey)) ?? uid);
  }
  const gold = new Map(briefed.map((a) => [a.uid, a.event]));
  const { precision, recall } = bCubed(storyOf, gold);
  const comparisons: Comparison[] = [];
  const times: number[] = [];
  for (const storyId of new Set(storyOf.values())) {
    const members = briefed.filter((a) => storyOf.get(a.uid) === storyId).map((a) => briefs.get(a.uid) as Brief);
    if (members.length < 2) continue;
    const started = performance.now();
    // The product's own comparison: the engine's model with the compare prompt, or offline.
    comparisons.push((await pipeline.stories.compare(members, {}, options.engine ?? 'offline')).comparison);
    times.push(performance.now() - started);
  }
  if (options.verbose) printStories(comparisons, articleOfKey);
  times.sort((a, b) => a - b);
  return [
    {
      engine: options.engine ?? 'offline',
      articles: briefed.length,
      events: new Set(gold.values()).size,
      stories: new Set(storyOf.values()).size,
      'B-cubed precision': precision.toFixed(3),
      'B-cubed recall': recall.toFixed(3),
      'grouping F1': ((2 * precision * recall) / (precision + recall)).toFixed(3),
      ...scoreComparisons(set, comparisons, articleOfKey),
      'compare ms (median story)': times.length ? (times[Math.floor(times.length / 2)] as number).toFixed(1) : 'n/a',
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const rows = await evaluateStoriesWithEveryEngine({ dir, verbose: args.includes('--verbose') });
  if (rows.length) {
    console.log('\nStories on the labelled set (goals: grouping F1 ≥ 0.95, conflict recall ≥ 0.9, offline)');
    console.table(rows);
  }
}

/** One row per engine of the registry that the environment configures: the offline one always. */
export async function evaluateStoriesWithEveryEngine(options: Omit<StoryEvalOptions, 'engine'> = {}) {
  const env = options.env ?? { ...process.env };
  const rows: StoryEvalRow[] = [];
  for (const engine of configuredEngines('stories')) rows.push(...(await evaluateStories({ ...options, engine, env })));
  return rows;
}
