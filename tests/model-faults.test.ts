import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBrief } from '../src/brief/make-brief.js';
import { UserError } from '../src/errors.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { type MessagesApi, type Responder, startMessagesApi } from './stand-ins/messages-api.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const apiError =
  (status: number, type: string, headers: Record<string, string> = {}): Responder =>
  () => ({
    status,
    body: { type: 'error', error: { type, message: `stand-in ${type}` } },
    headers,
  });

const UNAVAILABLE = {
  label: 'model unavailable',
  sentence: 'The model could not make this brief right now; try again later or use the offline engine.',
};
const TOO_SLOW = {
  label: 'model too slow',
  sentence: 'The model did not answer within 45 s; try again later or use the offline engine.',
};

/** Each fault, as the model's API would show it, and how Sitrep names it. */
const faults: [string, Responder[], typeof UNAVAILABLE][] = [
  ['429 rate limited', [apiError(429, 'rate_limit_error', { 'retry-after': '0' })], UNAVAILABLE],
  ['529 overloaded', [apiError(529, 'overloaded_error')], UNAVAILABLE],
  ['500 server error', [apiError(500, 'api_error')], UNAVAILABLE],
  ['a timeout', [() => ({ text: '{}', delayMs: 3_000 })], TOO_SLOW],
  ['a dropped connection', [() => ({ drop: true })], UNAVAILABLE],
  ['output failing the schema twice', [() => ({ text: 'not json' }), () => ({ text: '{"summary":1}' })], UNAVAILABLE],
  [
    'max_tokens truncation',
    [() => ({ text: '{"summary": {"headline": "Trunc', stopReason: 'max_tokens' })],
    UNAVAILABLE,
  ],
  ['a refusal', [() => ({ text: '', stopReason: 'refusal' })], UNAVAILABLE],
];

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
});

const withModel = (env: Record<string, string> = {}) => {
  pipeline = createTestPipeline({
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: api.url,
    SITREP_MODEL_TIMEOUT_MS: '500',
    ...env,
  });
  return pipeline.ctx;
};

describe('model faults', () => {
  it.each(faults)(
    'after %s, auto mode answers with the offline engine, labelled and uncached',
    async (_, replies, expected) => {
      const ctx = withModel();
      api.enqueue(...replies);
      const started = Date.now();
      const first = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(first.brief.meta).toMatchObject({ engine: 'offline', fallbackReason: expected.label, model: null });

      const again = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
      expect(again.fromCache).toBe(false);
      expect(again.brief.meta.engine).toBe('anthropic');
    },
  );

  it.each(faults)('after %s, a required model gives one clear sentence', async (_, replies, expected) => {
    const ctx = withModel();
    api.enqueue(...replies);
    const error = await makeBrief({ source: { kind: 'text', text: seed }, engine: 'anthropic' }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(expected.sentence);
  });

  it('retries a 429 after its retry-after when retries are allowed, and the model answers', async () => {
    const ctx = withModel({ SITREP_MODEL_MAX_RETRIES: '1' });
    api.enqueue(apiError(429, 'rate_limit_error', { 'retry-after': '0' }));
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(api.requests).toHaveLength(2);
    expect(brief.meta.engine).toBe('anthropic');
  });
});
