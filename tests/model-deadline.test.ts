import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BriefStage, makeBrief } from '../src/brief/make-brief.js';
import { UserError } from '../src/errors.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const SILENT = { text: '{}', delayMs: 120_000 };

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

/** The defaults a user has (60 s per request, 2 retries), with the deadline shortened for the test. */
const withDeadline = (deadlineMs: number, env: Record<string, string> = {}) => {
  pipeline = createTestPipeline({
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_MODEL_TIMEOUT_MS: '60000',
    SITREP_MODEL_MAX_RETRIES: '2',
    SITREP_MODEL_DEADLINE_MS: String(deadlineMs),
    ...env,
  });
  return pipeline.ctx;
};

describe('one deadline for a brief’s model time', () => {
  it('gives the labelled offline brief at the deadline when the model never answers, saying first that it is slow', async () => {
    const ctx = withDeadline(2_400);
    api.setDefault(() => SILENT);
    const stages: BriefStage[] = [];
    const started = Date.now();
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx, (stage) => stages.push(stage));
    const took = Date.now() - started;

    expect(took).toBeGreaterThanOrEqual(2_000);
    expect(took).toBeLessThan(6_000);
    expect(brief.meta).toMatchObject({ engine: 'offline', fallbackReason: 'model too slow' });
    expect(stages).toEqual(['summarizing', 'model-slow']);
    // The only request was the one that timed out at the deadline: no retry was started without time left.
    expect(api.requests).toHaveLength(1);
  });

  it('tells a user who required the model that it did not answer in time', async () => {
    const ctx = withDeadline(1_500);
    api.enqueue(() => SILENT);
    const error = await makeBrief({ source: { kind: 'text', text: seed }, engine: 'anthropic' }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('The model did not answer within 2 s; try again later or use the offline engine.');
  });

  it('does not start a retry the server asks to delay past the deadline', async () => {
    const ctx = withDeadline(3_000);
    api.enqueue(() => ({
      status: 429,
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
      headers: { 'retry-after': '30' },
    }));
    const started = Date.now();
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(api.requests).toHaveLength(1);
    expect(brief.meta).toMatchObject({ engine: 'offline', fallbackReason: 'model unavailable' });
  });

  it('retries within the deadline when the wait fits, and the model answers', async () => {
    const ctx = withDeadline(10_000);
    api.enqueue(() => ({ status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'busy' } } }));
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(api.requests).toHaveLength(2);
    expect(brief.meta.engine).toBe('anthropic');
  });
});
