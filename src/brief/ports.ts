import type { ModelFailure, TokenUsage } from './engines/engine.js';
import type { Brief, ExtractedArticle } from './schema.js';

/**
 * What the pipeline needs from outside itself, declared here so that src/brief depends on no store:
 * src/store implements these (keyv on SQLite or Redis), and tests may hand in their own.
 */

/** Finished briefs by cache key, and recently fetched articles by URL. */
export interface BriefCache {
  getBrief(key: string): Promise<Brief | undefined>;
  setBrief(key: string, brief: Brief): Promise<void>;
  getArticle(url: string): Promise<ExtractedArticle | undefined>;
  setArticle(url: string, article: ExtractedArticle): Promise<void>;
}

/** Concurrent calls with the same key share one run of `work` in this process. */
export type SingleFlight = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * One computation per key across every process sharing a store: `compute` runs in one of them, the
 * others wait and `lookup` what it stored.
 */
export type SharedFlight = <T>(
  key: string,
  compute: () => Promise<T>,
  lookup: () => Promise<T | undefined>,
) => Promise<{ value: T; computed: boolean }>;

/**
 * What the pipeline reports as it works (for metrics), so it need not know how it is counted. Every
 * method returns at once and must not throw: the pipeline calls it on its hot path.
 */
export interface PipelineObserver {
  /** A lookup in the brief cache (before any model call) or the fetched-article cache. */
  cache(kind: 'brief' | 'article', hit: boolean): void;
  /** One page fetch for a URL (redirects included); `ok` is false when it was refused or failed. */
  fetch(event: { ms: number; ok: boolean }): void;
  /** One model engine's draft of a brief: retries and repair rounds included; usage when it answered. */
  modelDraft(event: { engine: string; ms: number; outcome: 'ok' | ModelFailure; usage?: TokenUsage }): void;
}
