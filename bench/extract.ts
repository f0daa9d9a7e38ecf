/**
 * Extraction benchmark: article-body F1 and ms/page on ../shared/data/extraction-benchmark, for
 * Sitrep's extractor beside plain Readability on linkedom, both in this process. Also re-scores the
 * published outputs shipped with the data, to show the scorer reproduces the published table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { notAnArticle } from '../src/brief/extract/classify-page.js';
import { extractArticle } from '../src/brief/extract/extract-article.js';
import { type PageScore, scorePage, summarizeScores } from './score-extraction.js';
import type { BenchRow } from './stats.js';

const DATA_DIR = resolve(import.meta.dirname, '../../shared/data/extraction-benchmark');

interface Truth {
  articleBody: string;
  url: string;
}

type Extractor = (html: string, url: string) => string;

const extractors: Record<string, Extractor> = {
  'readability (linkedom)': (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  },
  'readability (jsdom)': (html, url) => {
    // jsdom without scripts, resources or console noise: the DOM Readability was written for.
    try {
      const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
      const text = new Readability(dom.window.document).parse()?.textContent ?? '';
      dom.window.close();
      return text;
    } catch {
      // jsdom's CSS parser throws on some real pages; that page then scores as empty.
      return '';
    }
  },
  'sitrep extractArticle': (html, url) => extractArticle(html, url).text,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function runExtractionBenchmark(): BenchRow[] {
  if (!existsSync(DATA_DIR)) {
    console.log(`extraction benchmark skipped: ${DATA_DIR} is absent (it ships with ../shared, not the repo)`);
    return [];
  }
  const truth = JSON.parse(readFileSync(join(DATA_DIR, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const pages = readdirSync(join(DATA_DIR, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => {
      const id = f.replace('.html.gz', '');
      return {
        id,
        html: gunzipSync(readFileSync(join(DATA_DIR, 'html', f))).toString('utf8'),
        truth: truth[id] as Truth,
      };
    });

  const rows: Record<string, { f1: number; precision: number; recall: number; msPerPage: number | null }> = {};
  for (const file of readdirSync(join(DATA_DIR, 'published'))) {
    const raw = JSON.parse(readFileSync(join(DATA_DIR, 'published', file), 'utf8'));
    const published = (raw.output ?? raw) as Record<string, Truth>;
    const scores = pages.map((p) => scorePage(p.truth.articleBody, published[p.id]?.articleBody ?? ''));
    rows[`published ${file.replace('.json', '')}`] = { ...summarizeScores(scores), msPerPage: null };
  }
  for (const [name, extract] of Object.entries(extractors)) {
    const scores: PageScore[] = [];
    const times: number[] = [];
    for (const page of pages) {
      const start = performance.now();
      const text = extract(page.html, page.truth.url);
      times.push(performance.now() - start);
      scores.push(scorePage(page.truth.articleBody, text));
    }
    rows[name] = { ...summarizeScores(scores), msPerPage: median(times) };
  }
  console.log(`\nExtraction on ${pages.length} pages (F1 / precision / recall, median ms/page)`);
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([name, r]) => [
        name,
        {
          F1: r.f1.toFixed(3),
          precision: r.precision.toFixed(3),
          recall: r.recall.toFixed(3),
          'ms/page': r.msPerPage === null ? '—' : r.msPerPage.toFixed(1),
        },
      ]),
    ),
  );
  // Every page in the set is a real article: any refusal by the not-an-article check is false.
  const falseRefusals = pages.filter((p) => notAnArticle(extractArticle(p.html, p.truth.url)) !== null).length;
  const ours = rows['sitrep extractArticle'];
  const linkedom = rows['readability (linkedom)'];
  const jsdom = rows['readability (jsdom)'];
  const fmt = (r: typeof ours) => `${r?.f1.toFixed(3)} at ${r?.msPerPage?.toFixed(1)} ms`;
  return [
    {
      figure: `extraction F1 and median ms/page, ${pages.length} pages`,
      sitrep: fmt(ours),
      reference: `Readability on linkedom ${fmt(linkedom)}; on jsdom ${fmt(jsdom)}; best published 0.970`,
      goal: 'F1 ≥ 0.970 at ≤ 15 ms',
      met: (ours?.f1 ?? 0) >= 0.97 && (ours?.msPerPage ?? Number.POSITIVE_INFINITY) <= 15,
    },
    {
      figure: `pages refused as "not an article", ${pages.length} real articles`,
      sitrep: String(falseRefusals),
      reference: 'all are articles',
      goal: '0',
      met: falseRefusals === 0,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) runExtractionBenchmark();
