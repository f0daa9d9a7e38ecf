import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ARTICLE_SENTENCES } from '../src/brief/extract/classify-page.js';
import { makeBrief } from '../src/brief/make-brief.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { type FixtureServer, startFixtureServer } from './stand-ins/fixture-server.js';
import { type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

let api: MessagesApi;
let fixtures: FixtureServer;
let pipeline: ReturnType<typeof createTestPipeline>;
beforeAll(async () => {
  [api, fixtures] = await Promise.all([startMessagesApi(), startFixtureServer()]);
  pipeline = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
});
afterAll(async () => {
  await pipeline.close();
  await Promise.all([api.close(), fixtures.close()]);
});

describe('pages that are not the article', () => {
  it.each([
    ['paywall', 'paywall'],
    ['consent', 'consent'],
    ['bot-check', 'bot_check'],
    ['js-shell', 'js_shell'],
    ['error-404', 'error_page'],
    ['listing', 'listing'],
    ['too-short', 'too_short'],
  ] as const)('refuses the %s page with its sentence and no model call', async (page, kind) => {
    const before = api.requests.length;
    const error = await makeBrief(
      { source: { kind: 'url', url: `${fixtures.url}/not-article/${page}` } },
      pipeline.ctx,
    ).catch((e) => e);
    expect(error).toMatchObject({ code: 'NO_ARTICLE', message: NOT_ARTICLE_SENTENCES[kind] });
    expect(api.requests.length).toBe(before);
  });

  it('lets real articles through', async () => {
    const { brief } = await makeBrief(
      { source: { kind: 'url', url: `${fixtures.url}/news/drone-intercept` } },
      pipeline.ctx,
    );
    expect(brief.meta.engine).toBe('anthropic');
  });
});

describe('sitrep extract', () => {
  const ROOT = resolve(import.meta.dirname, '..');
  it('prints the title, metadata and body a brief would be made from', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin/sitrep.js'), 'extract', join(ROOT, 'tests/fixtures/pages/drone-intercept.html')],
      {
        env: { PATH: process.env.PATH, SITREP_STORE: 'sqlite:///tmp/sitrep-extract-test.sqlite' },
      },
    );
    expect(stdout).toMatch(
      /^Title: Navy says destroyer downed six drones over the gulf\nOutlet: Harbour Defence Review\nByline: Mara Okonjo\n/,
    );
    expect(stdout).toContain('Captain Lena Ferris, a navy spokeswoman, said the drones were launched');
    expect(stdout).not.toContain('Advertisement');
  });

  it('prints JSON with the text and metadata fields', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin/sitrep.js'), 'extract', join(ROOT, 'examples/tehran-times-bagheri.txt'), '--json'],
      {
        env: { PATH: process.env.PATH, SITREP_STORE: 'sqlite:///tmp/sitrep-extract-test.sqlite' },
      },
    );
    const article = JSON.parse(stdout);
    expect(article).toMatchObject({
      title: 'World powers trying to buy arms from Iran: military chief',
      outlet: 'Tehran Times',
    });
    expect(article.text).toContain('Major General Mohammad Bagheri');
    expect(article.wordCount).toBeGreaterThan(300);
  });
});
