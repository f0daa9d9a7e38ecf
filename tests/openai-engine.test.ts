import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBrief } from '../src/brief/make-brief.js';
import { UserError } from '../src/errors.js';
import { GUILD, NEWS, startTestBot } from './helpers/test-bot.js';
import { createTestPipeline } from './helpers/test-pipeline.js';
import {
  articleInChat,
  type ChatCompletions,
  type ChatResponder,
  startChatCompletions,
} from './stand-ins/chat-completions.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { briefFromArticle } from './stand-ins/messages-api.js';

const ROOT = resolve(import.meta.dirname, '..');
const SEED = join(ROOT, 'examples/tehran-times-bagheri.txt');
const seed = readFileSync(SEED, 'utf8');
const MODEL = 'llama3.1:8b';

let server: ChatCompletions;
let pipeline: ReturnType<typeof createTestPipeline>;
beforeAll(async () => {
  server = await startChatCompletions();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await pipeline?.close();
  server.requests.length = 0;
  server.setDefault((request) => ({ text: briefFromArticle(articleInChat(request) ?? '') }));
});

/** A local server as a user would point Sitrep at it: a base URL and a model, no key. */
const localModel = (env: Record<string, string> = {}) => {
  pipeline = createTestPipeline({
    SITREP_ENGINE: 'openai',
    OPENAI_BASE_URL: server.url,
    SITREP_OPENAI_MODEL: MODEL,
    SITREP_MODEL_TIMEOUT_MS: '800',
    ...env,
  });
  return pipeline.ctx;
};

const httpError =
  (status: number, headers: Record<string, string> = {}): ChatResponder =>
  () => ({
    status,
    body: { error: { message: `stand-in ${status}`, type: 'server_error' } },
    headers,
  });

describe('OpenAI-compatible engine through the real openai SDK', () => {
  it('sends the same prompts, a json_schema response format from the brief schema, and the token limit', async () => {
    const ctx = localModel({ SITREP_MAX_OUTPUT_TOKENS: '3000' });
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed }, length: 'short' }, ctx);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body.model).toBe(MODEL);
    expect(request?.body.max_tokens).toBe(3000);
    expect(request?.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request?.body.messages[0]?.content).toContain('Attribute, never assert');
    expect(request?.body.messages[1]?.content).toContain('Length: short');
    expect(articleInChat(request as never)).toContain('Major General Mohammad Bagheri, the chief of staff');
    const format = request?.body.response_format;
    expect(format?.type).toBe('json_schema');
    expect(format?.json_schema?.strict).toBe(true);
    expect(Object.keys(format?.json_schema?.schema.properties ?? {})).toEqual([
      'summary',
      'claims',
      'unverified',
      'caveats',
    ]);

    expect(brief.meta).toMatchObject({ engine: 'openai', model: MODEL, repairRounds: 0, fallbackReason: null });
    expect(brief.meta.inputTokens).toBeGreaterThan(0);
    expect(brief.meta.outputTokens).toBeGreaterThan(0);
    expect(brief.claims.every((c) => c.grounded === true)).toBe(true);
  });

  it('sends the key when one is set, and reports tokens read from the provider’s cache', async () => {
    const ctx = localModel({ OPENAI_API_KEY: 'sk-provider-test-1234' });
    server.enqueue((request) => ({ text: briefFromArticle(articleInChat(request) ?? ''), cachedTokens: 1200 }));
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-provider-test-1234');
    expect(brief.meta.cacheReadTokens).toBe(1200);
  });

  it('repairs output that fails the schema once, showing the model its answer and the problems', async () => {
    const ctx = localModel();
    server.enqueue(() => ({ text: JSON.stringify({ summary: { headline: 'x' }, claims: 'none' }) }));
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]?.body.messages ?? [];
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[2]?.content).toContain('"claims":"none"');
    expect(repair[3]?.content).toContain('did not match the required format');
    expect(brief.meta).toMatchObject({ engine: 'openai', repairRounds: 1 });
  });

  it('asks once for a repair of a quote that is not in the article, as every model engine does', async () => {
    const ctx = localModel();
    server.enqueue((request) => {
      const good = JSON.parse(briefFromArticle(articleInChat(request) ?? ''));
      good.claims[0].quote = 'words the article never said';
      return { text: JSON.stringify(good) };
    });
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.messages[3]?.content).toContain(
      'this quote is not in the article: "words the article never said"',
    );
    expect(brief.claims.every((c) => c.grounded === true)).toBe(true);
  });

  const faults: [string, ChatResponder, string][] = [
    ['429 rate limited', httpError(429, { 'retry-after': '0' }), 'model unavailable'],
    ['500 server error', httpError(500), 'model unavailable'],
    ['a dropped connection', () => ({ drop: true }), 'model unavailable'],
    ['a timeout', () => ({ text: '{}', delayMs: 3_000 }), 'model too slow'],
    ['a refusal', () => ({ refusal: 'I cannot help with that.' }), 'model unavailable'],
    ['truncation', () => ({ text: '{"summary": {"head', finishReason: 'length' }), 'model unavailable'],
  ];

  it.each(faults)('after %s, auto mode gives the labelled offline brief', async (_, reply, label) => {
    const ctx = localModel({ SITREP_ENGINE: 'auto', SITREP_MODEL_MAX_RETRIES: '0' });
    server.enqueue(reply);
    const { brief } = await makeBrief({ source: { kind: 'text', text: seed } }, ctx);
    expect(brief.meta).toMatchObject({ engine: 'offline', fallbackReason: label });
  });

  it('gives one clear sentence when the model was required and failed', async () => {
    const ctx = localModel({ SITREP_MODEL_MAX_RETRIES: '0' });
    server.enqueue(httpError(503));
    const error = await makeBrief({ source: { kind: 'text', text: seed } }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('MODEL_UNAVAILABLE');
  });

  it('is not configured without a model name, and says what it needs', async () => {
    const ctx = localModel({ SITREP_OPENAI_MODEL: '' });
    const error = await makeBrief({ source: { kind: 'text', text: seed } }, ctx).catch((e) => e);
    expect(error).toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(error.message).toContain('SITREP_OPENAI_MODEL');
  });
});

describe('SITREP_ENGINE=openai through the doors', () => {
  it('briefs the seed from the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-openai-cli-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'bin/sitrep.js'), 'brief', SEED, '--json'],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            SITREP_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
            SITREP_ENGINE: 'openai',
            OPENAI_BASE_URL: server.url,
            SITREP_OPENAI_MODEL: MODEL,
          },
          timeout: 60_000,
        },
      );
      const brief = JSON.parse(stdout);
      expect(brief.meta).toMatchObject({ engine: 'openai', model: MODEL, fallbackReason: null });
      expect(server.requests).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('briefs the seed for /summarize in Discord', async () => {
    const t = await startTestBot({
      env: { SITREP_ENGINE: 'openai', OPENAI_BASE_URL: server.url, SITREP_OPENAI_MODEL: MODEL },
    });
    try {
      const interaction = chatInput({ guildId: GUILD.id, channelId: NEWS }, 'summarize', {
        text: seed.slice(0, 5_900),
      });
      t.discord.inject('INTERACTION_CREATE', interaction);
      const final = await t.waitForCall(
        (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && (c.body?.embeds?.length ?? 0) > 0,
      );
      expect(final.body.embeds[0].footer.text).toContain(`${MODEL} · fresh`);
      expect(server.requests).toHaveLength(1);
      expect(t.api.requests).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
