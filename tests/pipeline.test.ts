import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { briefCacheKey } from '../src/brief/brief-cache-key.js';
import { makeBrief } from '../src/brief/make-brief.js';
import { BriefSchema } from '../src/brief/schema.js';
import { UserError } from '../src/errors.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { type FixtureServer, startFixtureServer } from './stand-ins/fixture-server.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');

let api: MessagesApi;
let fixtures: FixtureServer;
let pipeline: ReturnType<typeof createTestPipeline>;

beforeAll(async () => {
  [api, fixtures] = await Promise.all([startMessagesApi(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), fixtures.close()]);
});
afterEach(async () => {
  await pipeline?.close();
  api.requests.length = 0;
  fixtures.hits.clear();
});

const withModel = () => {
  pipeline = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
  return pipeline.ctx;
};

describe('makeBrief', () => {
  it('briefs the seed article offline when no key is set, labelled offline, valid against the schema', async () => {
    pipeline = createTestPipeline();
    const { brief, fromCache } = await makeBrief({ source: { kind: 'text', text: seed } }, pipeline.ctx);
    expect(fromCache).toBe(false);
    expect(BriefSchema.safeParse(brief).success).toBe(true);
    expect(brief.meta).toMatchObject({ engine: 'offline', model: null });
    expect(brief.article).toMatchObject({
      outlet: 'Tehran Times',
      title: 'World powers trying to buy arms from Iran: military chief',
    });
    expect(brief.sourceNote.quoted.map((q) => q.name)).toContain('Major General Mohammad Bagheri');
  });

  it('briefs a fixture URL through the model, reporting stages in order', async () => {
    const ctx = withModel();
    const stages: string[] = [];
    const { brief } = await makeBrief(
      { source: { kind: 'url', url: `${fixtures.url}/news/drone-intercept` } },
      ctx,
      (s) => stages.push(s),
    );
    expect(stages).toEqual(['fetching', 'reading', 'summarizing']);
    expect(brief.article).toMatchObject({
      outlet: 'Harbour Defence Review',
      byline: 'Mara Okonjo',
      domain: '127.0.0.1',
    });
    expect(articleIn(api.requests[0] as never)).not.toContain('Advertisement');
    expect(brief.claims.some((c) => c.quote?.includes('Our crew tracked every one of them'))).toBe(true);
  });

  it('answers a second identical request from the cache without fetching or calling the model', async () => {
    const ctx = withModel();
    const request = { source: { kind: 'url' as const, url: `${fixtures.url}/news/drone-intercept` } };
    const first = await makeBrief(request, ctx);
    const second = await makeBrief(request, ctx);
    expect(second.fromCache).toBe(true);
    expect(second.brief.meta.cacheKey).toBe(first.brief.meta.cacheKey);
    expect(api.requests).toHaveLength(1);
    expect(fixtures.hits.get('/news/drone-intercept')).toBe(1);
  });

  it('shares one fetch and one model call among concurrent identical requests', async () => {
    const ctx = withModel();
    api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 200));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    try {
      const request = { source: { kind: 'url' as const, url: `${fixtures.url}/news/drone-intercept` } };
      const results = await Promise.all(Array.from({ length: 10 }, () => makeBrief(request, ctx)));
      expect(new Set(results.map((r) => r.brief.meta.cacheKey)).size).toBe(1);
      expect(fixtures.hits.get('/news/drone-intercept')).toBe(1);
      expect(api.requests).toHaveLength(1);
    } finally {
      api.setDefault((request) => ({ text: briefFromArticle(articleIn(request) ?? '') }));
    }
  });

  it('misses the cache for another length or language, and when asked to bypass it', async () => {
    const ctx = withModel();
    const source = { kind: 'text' as const, text: seed };
    await makeBrief({ source }, ctx);
    expect((await makeBrief({ source, length: 'short' }, ctx)).fromCache).toBe(false);
    expect((await makeBrief({ source, language: 'fr' }, ctx)).fromCache).toBe(false);
    expect((await makeBrief({ source, bypassCache: true }, ctx)).fromCache).toBe(false);
    expect((await makeBrief({ source }, ctx)).fromCache).toBe(true);
    expect(api.requests).toHaveLength(4);
  });

  it('refuses a private destination with a clear sentence', async () => {
    pipeline = createTestPipeline({ SITREP_TEST_ALLOW_LOOPBACK: '' });
    const error = await makeBrief(
      { source: { kind: 'url', url: `${fixtures.url}/news/drone-intercept` } },
      pipeline.ctx,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('URL_REFUSED');
    expect(fixtures.hits.size).toBe(0);
  });

  it('cuts an over-long article before the model and says so', async () => {
    pipeline = createTestPipeline({
      ANTHROPIC_API_KEY: TEST_API_KEY,
      ANTHROPIC_BASE_URL: api.url,
      SITREP_MAX_ARTICLE_CHARS: '1000',
    });
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, pipeline.ctx);
    expect(brief.article.truncated).toBe(true);
    expect(articleIn(api.requests[0] as never)?.length).toBeLessThanOrEqual(1000);
  });

  it('says the model needs a key when the model engine is asked for without one', async () => {
    pipeline = createTestPipeline();
    const error = await makeBrief({ source: { kind: 'text', text: seed }, engine: 'anthropic' }, pipeline.ctx).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(error.message).toContain('ANTHROPIC_API_KEY');
  });
});

describe('briefCacheKey', () => {
  const parts = {
    text: 'A  said\nB.',
    sourceContext: 'Outlet: X',
    promptVersion: 'p1',
    model: 'm1',
    length: 'standard',
    language: 'en',
  };
  it('ignores white space differences but not prompt, model, length or language', () => {
    expect(briefCacheKey({ ...parts, text: 'A said C.' })).not.toBe(briefCacheKey(parts));
    expect(briefCacheKey({ ...parts, text: ' A said B. ' })).toBe(briefCacheKey(parts));
    for (const change of [
      { sourceContext: 'Outlet: Y' },
      { promptVersion: 'p2' },
      { model: 'm2' },
      { length: 'short' },
      { language: 'fr' },
    ]) {
      expect(briefCacheKey({ ...parts, ...change })).not.toBe(briefCacheKey(parts));
    }
  });
});
