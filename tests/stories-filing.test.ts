import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBrief } from '../src/brief/make-brief.js';
import { createTestPipeline } from './helpers/test-pipeline.js';

const page = readFileSync(new URL('./fixtures/stories/kashmir-pib.html', import.meta.url), 'utf8');
const text = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');

let pipeline: ReturnType<typeof createTestPipeline>;
afterEach(async () => {
  await pipeline?.close();
});

describe('filing briefs into stories', () => {
  it('files a brief of a web page into its story', async () => {
    pipeline = createTestPipeline({ SITREP_ENGINE: 'offline' });
    const source = { kind: 'html' as const, html: page, url: 'https://pib.gov.in/PressReleasePage.aspx?PRID=2190457' };
    const { brief } = await makeBrief({ source }, pipeline.ctx);
    const filed = await pipeline.stories.file(brief);
    expect(filed?.memberKeys).toEqual([brief.meta.cacheKey]);
    expect(await pipeline.stories.storyOf(brief.meta.cacheKey)).toBe(filed?.storyId);
  });

  it('never files pasted text: stories are shared by every server, and a paste may be private to one', async () => {
    pipeline = createTestPipeline({ SITREP_ENGINE: 'offline' });
    const { brief } = await makeBrief({ source: { kind: 'text', text } }, pipeline.ctx);
    expect(await pipeline.stories.file(brief)).toBeNull();
    expect(await pipeline.stories.storyOf(brief.meta.cacheKey)).toBeNull();
  });
});
