import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBrief } from '../src/brief/make-brief.js';
import { createTestPipeline } from './helpers/test-pipeline.js';

const REDIS_URL = process.env.REDIS_URL;
const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');

// Runs whenever REDIS_URL is set; .ci/run sets it to the machine's Redis, so CI always runs it.
describe.runIf(REDIS_URL)('Redis store', () => {
  const first = createTestPipeline({ SITREP_STORE: REDIS_URL as string });
  const second = createTestPipeline({ SITREP_STORE: REDIS_URL as string });
  // A unique article per run, so runs never see each other's briefs.
  const text = `${seed}\n\nRun marker ${randomUUID()}.`;

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('uses keyv’s Redis adapter and shares briefs between separate pipelines', async () => {
    expect(first.store.kind).toBe('redis');
    const made = await makeBrief({ source: { kind: 'text', text } }, first.ctx);
    expect(made.fromCache).toBe(false);

    const reused = await makeBrief({ source: { kind: 'text', text } }, second.ctx);
    expect(reused.fromCache).toBe(true);
    expect(reused.brief.meta.cacheKey).toBe(made.brief.meta.cacheKey);
    expect(reused.brief.claims).toEqual(made.brief.claims);

    expect(await second.store.keyv.has(`brief:${made.brief.meta.cacheKey}`)).toBe(true);
    await second.store.keyv.delete(`brief:${made.brief.meta.cacheKey}`);
  });
});
