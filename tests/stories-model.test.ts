import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadLexicon, unquotedLoadedTerms } from '../src/brief/checks/loaded-terms.js';
import { claudeModelFacts } from '../src/brief/engines/anthropic-models.js';
import { loadComparePrompts } from '../src/brief/engines/compare-prompts.js';
import { estimateTokens } from '../src/brief/engines/load-prompts.js';
import { makeBrief } from '../src/brief/make-brief.js';
import type { Brief } from '../src/brief/schema.js';
import { parseConfig } from '../src/config.js';
import {
  ComparisonDraftSchema,
  comparisonRequest,
  letterMembers,
  reviewComparison,
} from '../src/stories/model-comparison.js';
import { storyBriefOf } from '../src/stories/story-brief-of.js';
import { comparisonFor, isComparisonRequest, membersIn } from './helpers/comparison-responder.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const page = (name: string) => readFileSync(new URL(`./fixtures/stories/${name}.html`, import.meta.url), 'utf8');
const URLS: Record<string, string> = {
  'kashmir-ispr': 'https://ispr.gov.pk/press-release-detail?id=7412',
  'kashmir-pib': 'https://pib.gov.in/PressReleasePage.aspx?PRID=2190457',
  'kashmir-reuters': 'https://www.reuters.com/world/asia-pacific/india-pakistan-trade-fire-2026-05-13/',
};

let api: MessagesApi;
let pipeline: ReturnType<typeof createTestPipeline>;
beforeAll(async () => {
  api = await startMessagesApi();
});
afterAll(async () => {
  await api.close();
});
afterEach(async () => {
  await pipeline?.close();
  api.requests.length = 0;
  api.setDefault((request) => ({ text: briefFromArticle(articleIn(request) ?? '') }));
});

async function kashmirBriefs(env: Record<string, string> = {}): Promise<Brief[]> {
  pipeline = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url, ...env });
  api.setDefault((request) =>
    isComparisonRequest(request) ? comparisonFor(request) : { text: briefFromArticle(articleIn(request) ?? '') },
  );
  const briefs: Brief[] = [];
  for (const name of Object.keys(URLS)) {
    const source = { kind: 'html' as const, html: page(name), url: URLS[name] ?? null };
    briefs.push((await makeBrief({ source }, pipeline.ctx)).brief);
  }
  return briefs;
}

describe('a story compared by the model', () => {
  it('sends the briefs, not the articles, with the compare prompt as the cached prefix and its own schema', async () => {
    const briefs = await kashmirBriefs();
    const before = api.requests.length;
    const { comparison } = await pipeline.stories.compare(briefs);
    const [request] = api.requests.slice(before);
    expect(request).toBeDefined();
    if (!request) return;
    expect(isComparisonRequest(request)).toBe(true);
    expect(request.body.system?.[0]?.cache_control).toEqual({ type: 'ephemeral', ttl: '5m' });
    const members = membersIn(request);
    expect(members.map((m) => m.member)).toEqual(['A', 'B', 'C']);
    expect(members.map((m) => m.outlet)).toEqual([
      'Inter-Services Public Relations',
      'Press Information Bureau',
      'Reuters',
    ]);
    const schema = request.body.output_config?.format?.schema as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['points']);
    // A fraction of what the articles are: the request holds openings and claims, not the texts.
    const articles = Object.keys(URLS).reduce((n, name) => n + page(name).length, 0);
    expect(request.body.messages[0]?.content.length ?? 0).toBeLessThan(articles);

    expect(comparison.engine).toBe('anthropic');
    expect(comparison.points[0]).toMatchObject({ status: 'conflict' });
    expect(comparison.points[0]?.sides.map((s) => s.member)).toEqual(briefs.map((b) => b.meta.cacheKey));
    // Each side is the brief's own claim, quote and all: nothing the model wrote.
    expect(comparison.points[0]?.sides[0]).toMatchObject({
      claimant: briefs[0]?.claims[0]?.claimant.name,
      statement: briefs[0]?.claims[0]?.statement,
      quote: briefs[0]?.claims[0]?.quote,
    });
    expect(comparison.coverage.outlets.map((o) => o.name)).toEqual([
      'Inter-Services Public Relations',
      'Press Information Bureau',
      'Reuters',
    ]);
  });

  it('answers a repeat from the cache, in any order of its members', async () => {
    const briefs = await kashmirBriefs();
    const first = await pipeline.stories.compare(briefs);
    const calls = api.requests.length;
    const again = await pipeline.stories.compare([...briefs].reverse());
    expect(again.fromCache).toBe(true);
    expect(again.key).toBe(first.key);
    expect(api.requests.length).toBe(calls);
    expect(await pipeline.stories.getComparison(first.key)).toEqual(first.comparison);
  });

  it('asks once for a repair of a claim id it was not given or a loaded word, then keeps only what holds', async () => {
    const briefs = await kashmirBriefs();
    let asked = 0;
    api.setDefault((request) => {
      if (!isComparisonRequest(request)) return { text: briefFromArticle(articleIn(request) ?? '') };
      asked++;
      return comparisonFor(request, (points) => {
        const first = points[0];
        if (!first) return;
        first.sides.push('Z9');
        first.subject = 'The terrorists’ attack';
      });
    });
    const { comparison } = await pipeline.stories.compare(briefs);
    expect(asked).toBe(2);
    const repair = api.requests.at(-1)?.body.messages.at(-1)?.content ?? '';
    expect(repair).toMatch(/"Z9" is not one of the claim ids given/);
    expect(repair).toMatch(/uses "terrorists" outside quotation marks/);
    expect(comparison.points[0]?.sides).toHaveLength(3);
    expect(comparison.points[0]?.subject).toBe('The “terrorists”’ attack');
  });

  it('stands in with the offline comparison, labelled, when the model fails, and caches nothing', async () => {
    const briefs = await kashmirBriefs({ SITREP_MODEL_MAX_RETRIES: '0' });
    api.setDefault((request) =>
      isComparisonRequest(request)
        ? { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'busy' } } }
        : { text: briefFromArticle(articleIn(request) ?? '') },
    );
    const { comparison, key } = await pipeline.stories.compare(briefs);
    expect(comparison).toMatchObject({ engine: 'offline', fallbackReason: 'model unavailable' });
    expect(await pipeline.stories.getComparison(key)).toBeUndefined();
  });
});

const EXAMPLES_DIR = new URL('../prompts/compare-examples/', import.meta.url);
const exampleNames = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const readExample = (name: string, file: string) =>
  JSON.parse(readFileSync(new URL(`${name}/${file}`, EXAMPLES_DIR), 'utf8')) as unknown;

// Strict, so a key the task never sends (or one it does, left out) fails here, not in the model's head.
const ExampleMembersSchema = z.array(
  z
    .object({
      member: z.string(),
      outlet: z.string(),
      country: z.string().nullable(),
      kind: z.string().nullable(),
      carries: z.string().startsWith('wire copy of ').optional(),
      title: z.string(),
      publishedAt: z.string().nullable(),
      /** Each claim as the task sends it: its id, a space, its statement. */
      claims: z.array(z.string().regex(/^[A-Z]\d+ \S/)),
    })
    .strict(),
);

/** The brief behind an example member, as far as the task shows it: wire copy keeps the wire as its outlet. */
function exampleBrief(m: z.infer<typeof ExampleMembersSchema>[number]): Brief {
  const site = { name: m.outlet, domain: m.outlet, country: m.country, kind: m.kind };
  const wire = m.carries?.slice('wire copy of '.length);
  return {
    article: { title: m.title, domain: m.outlet, publishedAt: m.publishedAt },
    claims: m.claims.map((c) => ({
      statement: c.slice(c.indexOf(' ') + 1),
      quote: null,
      claimant: { name: m.outlet, role: null },
    })),
    meta: { cacheKey: m.member },
    sourceNote: wire
      ? { outlet: { name: wire, domain: null, country: null, kind: 'wire' }, carriedBy: site }
      : { outlet: site, carriedBy: null },
  } as never;
}

describe('the worked comparisons in the prompt', () => {
  const prompts = loadComparePrompts();
  const lexicon = loadLexicon();

  it('are several, and fill the system prompt past the cache minimum', () => {
    expect(exampleNames.length).toBeGreaterThanOrEqual(4);
    // The default model caches only a prefix of its minimum or more; estimated conservatively, with a margin.
    const minimum = claudeModelFacts(parseConfig({}).anthropic.model).minCacheablePrefixTokens;
    expect(estimateTokens(prompts.system)).toBeGreaterThanOrEqual(minimum * 1.1);
  });

  it.each(exampleNames)('%s holds to every rule it teaches', (name) => {
    const example = readExample(name, 'comparison.json');
    const draft = ComparisonDraftSchema.parse(example);
    const data = ExampleMembersSchema.parse(readExample(name, 'members.json'));
    const members = letterMembers(data.map((m) => storyBriefOf(exampleBrief(m))));

    // The members are exactly what the task sends for such briefs, ids and key order included.
    const task = comparisonRequest(prompts, members, lexicon, Date.now()).task;
    const sent = /<briefs-([0-9a-f]+)>\n([\s\S]*)\n<\/briefs-\1>/.exec(task)?.[2];
    expect(sent).toBe(JSON.stringify(data));
    expect(prompts.system).toContain(sent);
    expect(prompts.system).toContain(JSON.stringify(example));

    expect(data.length).toBeGreaterThanOrEqual(3);
    expect(new Set(data.map((m) => m.kind)).size).toBeGreaterThanOrEqual(3);
    expect(reviewComparison(draft, members, lexicon)).toEqual([]);
    // Statements are a checked brief's: loaded words only inside quotation marks.
    for (const claim of data.flatMap((m) => m.claims)) expect(unquotedLoadedTerms(claim, lexicon)).toEqual([]);

    const order = { conflict: 0, agree: 1, one_side: 2 };
    const ranks = draft.points.map((p) => order[p.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const point of draft.points) {
      const from = new Set(point.sides.map((id) => id[0]));
      expect(from.size === 1, `${point.subject}: one member's sides is a one-side point`).toBe(
        point.status === 'one_side',
      );
      expect(point.note === null, `${point.subject}: only a conflict has a note`).toBe(point.status !== 'conflict');
    }
  });
});
