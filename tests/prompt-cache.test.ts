import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { claudeModelFacts } from '../src/brief/engines/anthropic-models.js';
import { estimateTokens } from '../src/brief/engines/load-prompts.js';
import { makeBrief } from '../src/brief/make-brief.js';
import { runCli } from '../src/cli.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const other = readFileSync(new URL('./fixtures/pages/plain-article.txt', import.meta.url), 'utf8');

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
  vi.unstubAllEnvs();
});

const withModel = (env: Record<string, string> = {}) => {
  pipeline = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url, ...env });
  return pipeline.ctx;
};

describe('the prompt cache on the default model', () => {
  it('marks the system prompt as the one breakpoint, above the default model’s minimum even estimated at 4 characters a token', async () => {
    const ctx = withModel();
    await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    const [request] = api.requests;
    expect(request?.body.model).toBe('claude-haiku-4-5');
    const system = request?.body.system ?? [];
    expect(system).toHaveLength(1);
    expect(system[0]?.cache_control).toEqual({ type: 'ephemeral', ttl: '5m' });
    expect(JSON.stringify(request?.body.messages)).not.toContain('cache_control');
    expect(estimateTokens(system[0]?.text ?? '')).toBeGreaterThan(
      claudeModelFacts('claude-haiku-4-5').minCacheablePrefixTokens,
    );
  });

  it('writes the prefix on the first brief and reads it on a brief of another article', async () => {
    // A fresh stand-in: its cache holds nothing yet, as the API's would not for a new prompt version.
    await api.close();
    api = await startMessagesApi();
    const ctx = withModel();
    const first = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    const second = await makeBrief({ source: { kind: 'text', text: other } }, ctx);
    expect(first.brief.meta.cacheWriteTokens).toBeGreaterThan(4096);
    expect(first.brief.meta.cacheReadTokens).toBe(0);
    expect(second.brief.meta.cacheReadTokens).toBe(first.brief.meta.cacheWriteTokens);
    expect(second.brief.meta.cacheWriteTokens).toBe(0);
    // Byte-identical prefixes are what make the read possible.
    expect(api.requests[1]?.body.system).toEqual(api.requests[0]?.body.system);
  });

  it('asks for the one-hour cache when SITREP_PROMPT_CACHE_TTL=1h', async () => {
    const ctx = withModel({ SITREP_PROMPT_CACHE_TTL: '1h' });
    await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(api.requests[0]?.body.system?.[0]?.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
  });
});

describe('sitrep engines', () => {
  it('lists every engine and counts the cached prefix with the API’s token counter', async () => {
    for (const [name, value] of Object.entries({
      ANTHROPIC_API_KEY: TEST_API_KEY,
      ANTHROPIC_BASE_URL: api.url,
      SITREP_STORE: `sqlite://${pipelineDir()}/engines.sqlite`,
    }))
      vi.stubEnv(name, value);
    let out = '';
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        out += chunk;
        done();
      },
    });
    const code = await runCli(['engines'], { stdout, stderr: process.stderr });
    expect(code).toBe(0);
    expect(out).toMatch(/^anthropic: ready \(claude-haiku-4-5\)$/m);
    expect(out).toMatch(/^openai: not configured: needs SITREP_OPENAI_MODEL/m);
    expect(out).toMatch(/^offline: ready/m);
    expect(out).toMatch(/cached prefix: \d+ tokens, minimum 4096 for claude-haiku-4-5: cached/);
    expect(api.countRequests.length).toBeGreaterThanOrEqual(2);
  });
});

function pipelineDir(): string {
  pipeline = createTestPipeline();
  return pipeline.config.store.replace(/^sqlite:\/\//, '').replace(/\/[^/]+$/, '');
}
