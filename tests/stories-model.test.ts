import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/brief/checks/loaded-terms.js';
import { makeBrief } from '../src/brief/make-brief.js';
import type { Brief } from '../src/brief/schema.js';
import { loadComparePrompts } from '../src/stories/compare-prompts.js';
import { ComparisonDraftSchema, letterMembers, reviewComparison } from '../src/stories/model-comparison.js';
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
    expect(comparison.points[0]?.sides.map((s) => s.member)).toEqual([
      briefs[0]?.meta.cacheKey,
      briefs[1]?.meta.cacheKey,
    ]);
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
    expect(comparison.points[0]?.sides).toHaveLength(2);
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

describe('the worked comparison in the prompt', () => {
  it('holds to every rule it teaches: real members, quotes from their member, neutral words', () => {
    const prompts = loadComparePrompts();
    const example = JSON.parse(
      readFileSync(new URL('../prompts/compare-examples/01-border-clash/comparison.json', import.meta.url), 'utf8'),
    );
    const draft = ComparisonDraftSchema.parse(example);
    const data = JSON.parse(
      readFileSync(new URL('../prompts/compare-examples/01-border-clash/members.json', import.meta.url), 'utf8'),
    ) as { member: string; claims: { id: string; claimant: string; statement: string }[] }[];
    const members = letterMembers(
      data.map((m) =>
        storyBriefOf({
          claims: m.claims.map((c) => ({ ...c, quote: null, claimant: { name: c.claimant, role: null } })),
          meta: { cacheKey: m.member },
          sourceNote: { carriedBy: null },
        } as never),
      ),
    );
    // The example's ids are the ones letterMembers gives, so the example teaches the real shape.
    expect(members.flatMap((m) => [...m.claims.keys()])).toEqual(data.flatMap((m) => m.claims.map((c) => c.id)));
    expect(reviewComparison(draft, members, loadLexicon())).toEqual([]);
    expect(prompts.system).toContain(JSON.stringify(example));
    expect(draft.points.map((p) => p.status)).toEqual(['conflict', 'conflict', 'agree', 'one_side', 'one_side']);
  });
});
