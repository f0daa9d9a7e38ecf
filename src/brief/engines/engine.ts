import type { BriefDraft, BriefLength, ExtractedArticle } from '../schema.js';

export interface DraftOptions {
  length: BriefLength;
  language: string;
  /** Facts about the source from our own records, given to the model as context. */
  sourceContext: string;
  /** Sitrep's checks on a schema-valid draft: problems a repair round may fix (none means accepted). */
  review?: (draft: BriefDraft) => string[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface DraftResult {
  draft: BriefDraft;
  usage: TokenUsage;
  repairRounds: number;
}

/** Something that turns an article into a brief draft: the model, or the offline extractor. */
export interface Engine {
  readonly name: 'anthropic' | 'offline';
  /** Identifies the engine's output in cache keys; changing it misses the cache. */
  readonly model: string;
  readonly promptVersion: string;
  draft(article: ExtractedArticle, options: DraftOptions): Promise<DraftResult>;
}

/** The engine could not produce a brief (API down, refusal, invalid output twice). */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export const LENGTH_LIMITS: Record<BriefLength, { sentences: number; claims: number }> = {
  short: { sentences: 3, claims: 5 },
  standard: { sentences: 5, claims: 10 },
  detailed: { sentences: 6, claims: 20 },
};
