/**
 * What a brief costs on the default model, before and after the cached prefix grew past the
 * model's minimum. Token counts come from the real Anthropic engine talking to the Messages API
 * stand-in (which emulates prompt caching as documented and counts 4 characters a token); prices
 * from src/brief/engines/anthropic-models.ts. Traffic is modelled as Poisson arrivals: a brief finds
 * the prefix cached when the previous one came within the TTL, which happens with probability
 * 1 − e^(−rate × TTL).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_PRICE_FACTORS, claudeModelFacts } from '../src/brief/engines/anthropic-models.js';
import { estimateTokens, PROMPTS_DIR } from '../src/brief/engines/load-prompts.js';
import { makeBrief } from '../src/brief/make-brief.js';
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

/**
 * A comparison's model tokens against the tokens of its members' articles, on the labelled story
 * set's events (every member briefed by the Anthropic engine through the stand-in, then compared with
 * the compare prompt). Input is what the request sends beyond the cached prefix, counted by the
 * stand-in; the stand-in's own answer is not a real comparison, so output is estimated from the
 * worked comparison in prompts/compare-examples/ (its size per member) — both at 4 characters a token.
 */
export async function runComparisonCostBenchmark(): Promise<BenchRow[]> {
  const api = await startMessagesApi();
  api.setDefault((request) =>
    isComparisonRequest(request) ? comparisonFor(request) : { text: briefFromArticle(articleIn(request) ?? '') },
  );
  const { ctx, stories, close } = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
  const example = join(PROMPTS_DIR, 'compare-examples', '01-border-clash');
  const exampleMembers = (JSON.parse(readFileSync(join(example, 'members.json'), 'utf8')) as unknown[]).length;
  const outputPerMember =
    estimateTokens(JSON.stringify(JSON.parse(readFileSync(join(example, 'comparison.json'), 'utf8')))) / exampleMembers;
  const ratios: number[] = [];
  try {
    for (const { file } of loadStorySet()) {
      if (file.kind !== 'event') continue;
      const briefs = [];
      for (const article of file.articles) {
        const source = { kind: 'html' as const, html: pageOf(article), url: article.url };
        briefs.push((await makeBrief({ source }, ctx)).brief);
      }
      const { usage } = await stories.compare(briefs);
      const articles = file.articles.reduce((n, a) => n + estimateTokens(a.text), 0);
      ratios.push((usage.inputTokens + outputPerMember * briefs.length) / articles);
    }
  } finally {
    await close();
    await api.close();
  }
  const value = median(ratios);
  return [
    {
      figure: `comparison tokens ÷ its articles' tokens, ${ratios.length} labelled events (median / max)`,
      sitrep: `${value.toFixed(2)} / ${Math.max(...ratios).toFixed(2)}`,
      reference: 'a brief of each article: ≥ 1 (it reads the whole article)',
      goal: '≤ 0.3',
      met: value <= 0.3,
    },
  ];
}
