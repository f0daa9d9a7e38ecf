/**
 * What a brief costs on the default model, before and after the cached prefix grew past the
 * model's minimum. Token counts come from the real Anthropic engine talking to the Messages API
 * stand-in (which emulates prompt caching as documented and counts 4 characters a token); prices
 * from src/brief/engines/anthropic-models.ts. Traffic is modelled as Poisson arrivals: a brief finds
 * the prefix cached when the previous one came within the TTL, which happens with probability
 * 1 − e^(−rate × TTL).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadLexicon } from '../src/brief/checks/loaded-terms.js';
import { CACHE_PRICE_FACTORS, claudeModelFacts } from '../src/brief/engines/anthropic-models.js';
import { loadComparePrompts } from '../src/brief/engines/compare-prompts.js';
import { estimateTokens, PROMPTS_DIR } from '../src/brief/engines/load-prompts.js';
import { extractArticle } from '../src/brief/extract/extract-article.js';
import { makeBrief, type PipelineContext } from '../src/brief/make-brief.js';
import { comparisonRequest, letterMembers } from '../src/stories/model-comparison.js';
import { storyBriefOf } from '../src/stories/story-brief-of.js';
import { comparisonFor, isComparisonRequest } from '../tests/helpers/comparison-responder.js';
import { createTestPipeline, TEST_API_KEY } from '../tests/helpers/test-pipeline.js';
import { articleIn, briefFromArticle, startMessagesApi } from '../tests/stand-ins/messages-api.js';
import { type BenchRow, median } from './stats.js';
import { pageOf } from './stories-labels.js';
import { loadStorySet } from './story-set/load-story-set.js';

const MODEL = 'claude-haiku-4-5';
/** The previous release's system prompt (prompts at 283bd04), 6,706 characters: below every minimum, never cached. */
const PREVIOUS_PREFIX_TOKENS = 1_677;
const EVAL_DIR = join(import.meta.dirname, 'eval-set');
const DATA_DIR = join(import.meta.dirname, '../../shared/data/extraction-benchmark');

interface Tokens {
  prefix: number;
  rest: number;
  output: number;
}

/** Expected dollars for one brief at `perHour` briefs an hour with a cache of `ttlMinutes` (0: none). */
function costOfBrief(t: Tokens, perHour: number, ttlMinutes: number, write: number): number {
  const price = claudeModelFacts(MODEL).price ?? { input: 1, output: 5 };
  const hit = ttlMinutes === 0 ? 0 : 1 - Math.exp(-(perHour / 60) * ttlMinutes);
  const prefixFactor = ttlMinutes === 0 ? 1 : hit * CACHE_PRICE_FACTORS.read + (1 - hit) * write;
  return ((t.prefix * prefixFactor + t.rest) * price.input + t.output * price.output) / 1e6;
}

const dollars = (n: number) => `$${n.toFixed(5)}`;

export async function runCostBenchmark(): Promise<BenchRow[]> {
  const api = await startMessagesApi();
  const { ctx, close } = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
  const rest: number[] = [];
  let prefix = 0;
  let reads = 0;
  try {
    for (const file of readdirSync(EVAL_DIR).filter((f) => f.endsWith('.json'))) {
      const { text } = JSON.parse(readFileSync(join(EVAL_DIR, file), 'utf8')) as { text: string };
      const { brief } = await makeBrief({ source: { kind: 'text', text }, bypassCache: true }, ctx);
      prefix = Math.max(prefix, brief.meta.cacheReadTokens + brief.meta.cacheWriteTokens);
      if (brief.meta.cacheReadTokens > 0) reads++;
      rest.push(brief.meta.inputTokens);
    }
  } finally {
    await close();
    await api.close();
  }
  // The stand-in answers with short briefs; a real brief is about as long as the worked examples' briefs.
  const examples = readdirSync(join(PROMPTS_DIR, 'examples'));
  const output = median(
    examples.map((dir) => estimateTokens(readFileSync(join(PROMPTS_DIR, 'examples', dir, 'brief.json'), 'utf8'))),
  );
  const now: Tokens = { prefix, rest: median(rest), output };
  const before: Tokens = { prefix: PREVIOUS_PREFIX_TOKENS, rest: median(rest), output };
  const rows: BenchRow[] = [
    {
      figure: `cached prefix on ${MODEL}: tokens (est.) / briefs reading it`,
      sitrep: `${prefix} / ${reads} of ${rest.length}`,
      reference: `minimum ${claudeModelFacts(MODEL).minCacheablePrefixTokens}; before ${PREVIOUS_PREFIX_TOKENS}, never cached`,
      goal: 'above the minimum, read by every brief after the first',
      met: prefix >= claudeModelFacts(MODEL).minCacheablePrefixTokens && reads === rest.length - 1,
    },
  ];
  for (const [label, perHour] of [
    ['a minute', 60],
    ['an hour', 1],
  ] as const) {
    const fiveMinutes = costOfBrief(now, perHour, 5, CACHE_PRICE_FACTORS.write5m);
    const oneHour = costOfBrief(now, perHour, 60, CACHE_PRICE_FACTORS.write1h);
    const previous = costOfBrief(before, perHour, 0, 1);
    rows.push({
      figure: `cost of a brief on ${MODEL} at one brief ${label} (article ${now.rest}, output ${output} tokens)`,
      sitrep: `5m TTL ${dollars(fiveMinutes)} · 1h TTL ${dollars(oneHour)}`,
      reference: `before ${dollars(previous)}; this prefix uncached ${dollars(costOfBrief(now, perHour, 0, 1))}`,
      goal: 'a figure (the README says which TTL suits which traffic)',
      met: null,
    });
  }
  return rows;
}

/** Output tokens of a comparison per member it compares, from the worked comparisons in the prompt. */
function outputPerMember(): number {
  const dir = join(PROMPTS_DIR, 'compare-examples');
  return median(
    readdirSync(dir).map((name) => {
      const read = (file: string) => JSON.parse(readFileSync(join(dir, name, file), 'utf8'));
      return estimateTokens(JSON.stringify(read('comparison.json'))) / (read('members.json') as unknown[]).length;
    }),
  );
}

/**
 * A comparison's model tokens against the tokens of its members' articles, on the labelled story
 * set's events: every member briefed (by the offline engine, whose claims are as many as a model's
 * and longer, so the figure errs high), then compared by the Anthropic engine through the stand-in
 * with the compare prompt. Input is what the request sends beyond the cached prefix (reads of the
 * prefix are reported apart), counted by the stand-in; the stand-in's own answer is not a real
 * comparison, so output is estimated from the worked comparisons' size per member. The labelled
 * articles are short (150–450 words); the same figure per member is also given for the real news
 * pages of the extraction benchmark when ../shared is present. Everything at 4 characters a token.
 */
export async function runComparisonCostBenchmark(): Promise<BenchRow[]> {
  const api = await startMessagesApi();
  api.setDefault((request) =>
    isComparisonRequest(request) ? comparisonFor(request) : { text: briefFromArticle(articleIn(request) ?? '') },
  );
  const { ctx, stories, close } = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
  const output = outputPerMember();
  const events: number[] = [];
  const prefixReads: number[] = [];
  const pages: number[] = [];
  try {
    for (const { file } of loadStorySet()) {
      if (file.kind !== 'event') continue;
      const briefs = [];
      for (const article of file.articles) {
        const source = { kind: 'html' as const, html: pageOf(article), url: article.url };
        briefs.push((await makeBrief({ source, engine: 'offline' }, ctx)).brief);
      }
      const { usage, comparison } = await stories.compare(briefs, {}, 'anthropic');
      if (comparison.engine !== 'anthropic') throw new Error(`the model stand-in gave no comparison of ${file.event}`);
      prefixReads.push(usage.cacheReadTokens);
      const articles = file.articles.reduce((n, a) => n + estimateTokens(a.text), 0);
      events.push((usage.inputTokens + output * briefs.length) / articles);
    }
    pages.push(...(await perMemberOnRealPages(ctx, output)));
  } finally {
    await close();
    await api.close();
  }
  const rows: BenchRow[] = [
    {
      figure: `comparison tokens ÷ its articles' tokens, ${events.length} labelled events of short articles (median / max)`,
      sitrep: `${median(events).toFixed(2)} / ${Math.max(...events).toFixed(2)}`,
      reference: `a brief reads its whole article (≥ 1); cached prompt read apart: ${median(prefixReads)} tokens`,
      goal: '≤ 0.3',
      met: median(events) <= 0.3,
    },
  ];
  if (pages.length) {
    rows.push({
      figure: `the same per member, on ${pages.length} real news pages (median)`,
      sitrep: median(pages).toFixed(2),
      reference: "the extraction benchmark's articles, briefed offline",
      goal: '≤ 0.3',
      met: median(pages) <= 0.3,
    });
  }
  return rows;
}

/** What one member adds to a comparison request, against its article, for each real benchmark page. */
async function perMemberOnRealPages(ctx: PipelineContext, output: number): Promise<number[]> {
  if (!existsSync(DATA_DIR)) {
    console.log(`comparison cost on real pages skipped: ${DATA_DIR} is absent (it ships with ../shared)`);
    return [];
  }
  const prompts = loadComparePrompts();
  const lexicon = loadLexicon();
  const empty = estimateTokens(comparisonRequest(prompts, [], lexicon, 0).task);
  const ratios: number[] = [];
  for (const file of readdirSync(join(DATA_DIR, 'html')).filter((f) => f.endsWith('.html.gz'))) {
    const html = gunzipSync(readFileSync(join(DATA_DIR, 'html', file))).toString('utf8');
    const made = await makeBrief({ source: { kind: 'html', html, url: null }, engine: 'offline' }, ctx).catch(
      () => null,
    );
    if (!made) continue;
    const task = comparisonRequest(prompts, letterMembers([storyBriefOf(made.brief)]), lexicon, 0).task;
    const article = estimateTokens(extractArticle(html, null).text);
    ratios.push((estimateTokens(task) - empty + output) / article);
  }
  return ratios;
}
