/**
 * `npm run eval`: scores briefs on the labelled set in bench/eval-set (fictional articles written
 * for Sitrep in the styles of state media, wire copy, government statements and trade press, plus
 * the seed article), with every engine of the registry that the environment configures (the offline
 * engine always; Claude when ANTHROPIC_API_KEY is set; an OpenAI-compatible server when set).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadLexicon, unquotedLoadedTerms } from '../src/brief/checks/loaded-terms.js';
import type { EngineName } from '../src/brief/engines/registry.js';
import { makeBrief } from '../src/brief/make-brief.js';
import type { Brief } from '../src/brief/schema.js';
import { parseConfig } from '../src/config.js';
import { createPipeline } from '../src/create-pipeline.js';
import { createLogger } from '../src/logger.js';
import { configuredEngines } from './configured-engines.js';
import { evaluateStoriesWithEveryEngine } from './evaluate-stories.js';

const EvalItemSchema = z.object({
  id: z.string(),
  style: z.string(),
  outlet: z.string(),
  expectInRegistry: z.boolean(),
  text: z.string(),
  claims: z.array(z.object({ claimant: z.string(), statement: z.string() })),
  loadedTerms: z.array(z.string()),
});
type EvalItem = z.infer<typeof EvalItemSchema>;

const SET_DIR = join(import.meta.dirname, 'eval-set');
const lexicon = loadLexicon();

const words = (s: string) =>
  new Set((s.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w.replace(/s$/, '')));

/** Same claimant: a name word of four letters or more in common (surnames, "ministry", "IDF"…). */
function sameClaimant(a: string, b: string): boolean {
  const x = words(a);
  return (
    [...words(b)].some((w) => x.has(w)) ||
    a.toLowerCase().includes(b.toLowerCase()) ||
    b.toLowerCase().includes(a.toLowerCase())
  );
}

/** Overlapping statements: at least 40% of the shorter one's content words appear in the other. */
function overlaps(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.4;
}

function scoreItem(item: EvalItem, brief: Brief) {
  const unmatched = [...item.claims];
  let matched = 0;
  for (const claim of brief.claims) {
    const i = unmatched.findIndex(
      (l) => sameClaimant(claim.claimant.name, l.claimant) && overlaps(claim.statement, l.statement),
    );
    if (i >= 0) {
      matched++;
      unmatched.splice(i, 1);
    }
  }
  const ownVoice = [brief.summary.headline, ...brief.summary.sentences, ...brief.claims.map((c) => c.statement)];
  const found = new Set(brief.sourceNote.loadedTerms.map((t) => t.term.toLowerCase()));
  return {
    predicted: brief.claims.length,
    labelled: item.claims.length,
    matched,
    groundingRate: brief.meta.groundingRate,
    violations: ownVoice.reduce((n, text) => n + unquotedLoadedTerms(text, lexicon).length, 0),
    registryRight: brief.sourceNote.outlet.inRegistry === item.expectInRegistry,
    loadedLabelled: item.loadedTerms.length,
    loadedFound: item.loadedTerms.filter((t) => found.has(t)).length,
  };
}

async function evaluate(engine: EngineName, env: Record<string, string | undefined>) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  const config = parseConfig({ ...env, SITREP_STORE: `sqlite://${join(dir, 'eval.sqlite')}` });
  const pipeline = createPipeline(config, createLogger('silent'));
  const items = readdirSync(SET_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => EvalItemSchema.parse(JSON.parse(readFileSync(join(SET_DIR, f), 'utf8'))));
  const scores: ({ id: string } & ReturnType<typeof scoreItem>)[] = [];
  try {
    for (const item of items) {
      const { brief } = await makeBrief(
        { source: { kind: 'text', text: item.text }, engine, bypassCache: true },
        pipeline.ctx,
      );
      scores.push({ id: item.id, ...scoreItem(item, brief) });
    }
  } finally {
    await pipeline.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sum = (f: (s: (typeof scores)[number]) => number) => scores.reduce((n, s) => n + f(s), 0);
  const rates = scores.map((s) => s.groundingRate).filter((r): r is number => r !== null);
  return {
    engine,
    articles: scores.length,
    'claim precision': (
      sum((s) => s.matched) /
      Math.max(
        1,
        sum((s) => s.predicted),
      )
    ).toFixed(3),
    'claim recall': (
      sum((s) => s.matched) /
      Math.max(
        1,
        sum((s) => s.labelled),
      )
    ).toFixed(3),
    'grounding rate': rates.length ? (rates.reduce((a, b) => a + b, 0) / rates.length).toFixed(3) : 'n/a (no quotes)',
    'neutrality violations': sum((s) => s.violations),
    'registry right': `${sum((s) => Number(s.registryRight))}/${scores.length}`,
    'loaded-term recall': (
      sum((s) => s.loadedFound) /
      Math.max(
        1,
        sum((s) => s.loadedLabelled),
      )
    ).toFixed(3),
  };
}

const env = { ...process.env };
const rows = [];
for (const name of configuredEngines('briefs')) rows.push(await evaluate(name, env));
console.log('\nBrief quality on the labelled set (bench/eval-set)');
console.table(rows);

const storyRows = await evaluateStoriesWithEveryEngine({ env });
if (storyRows.length) {
  console.log(
    '\nStories on the labelled set (bench/story-set; goals offline: grouping F1 ≥ 0.95, conflict recall ≥ 0.9)',
  );
  console.table(storyRows);
}
