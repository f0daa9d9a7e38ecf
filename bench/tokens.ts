/**
 * Input tokens the model is sent per article, divided by the article's own tokens, over the
 * extraction benchmark's pages: the real Anthropic engine talks to the model stand-in, which counts
 * the request's text. The system prompt is fixed and marked for prompt caching, so it is reported
 * apart. Tokens are counted the same way for both sides (words and punctuation marks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeBrief } from '../src/brief/make-brief.js';
import { createTestPipeline, TEST_API_KEY } from '../tests/helpers/test-pipeline.js';
import { articleIn, startMessagesApi } from '../tests/stand-ins/messages-api.js';
import { type BenchRow, median, round } from './stats.js';

const DATA_DIR = join(import.meta.dirname, '../../shared/data/extraction-benchmark');
const countTokens = (text: string) => (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length;

export async function runTokenBenchmark(): Promise<BenchRow[]> {
  if (!existsSync(DATA_DIR)) {
    console.log(`token benchmark skipped: ${DATA_DIR} is absent (it ships with ../shared, not the repo)`);
    return [];
  }
  const api = await startMessagesApi();
  const { ctx, close } = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
  const ratios: number[] = [];
  let systemTokens = 0;
  let cached = false;
  try {
    for (const file of readdirSync(join(DATA_DIR, 'html')).filter((f) => f.endsWith('.html.gz'))) {
      const html = gunzipSync(readFileSync(join(DATA_DIR, 'html', file))).toString('utf8');
      const before = api.requests.length;
      await makeBrief({ source: { kind: 'html', html, url: null }, bypassCache: true }, ctx).catch(() => null);
      const request = api.requests[before];
      const article = request ? articleIn(request) : null;
      if (!request || !article || countTokens(article) < 50) continue;
      ratios.push(countTokens(request.body.messages[0]?.content ?? '') / countTokens(article));
      systemTokens = countTokens(request.body.system?.[0]?.text ?? '');
      cached = request.body.system?.[0]?.cache_control?.type === 'ephemeral';
    }
  } finally {
    await close();
    await api.close();
  }
  return [
    {
      figure: `input tokens ÷ article tokens, ${ratios.length} pages (median / max)`,
      sitrep: `${round(median(ratios), 3)} / ${round(Math.max(...ratios), 3)}`,
      reference: `+ fixed system prompt ${systemTokens} tokens${cached ? ', prompt-cached' : ''}`,
      goal: '≤ 1.15',
      met: median(ratios) <= 1.15,
    },
  ];
}
