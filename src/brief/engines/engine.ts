import type { BriefDraft, BriefLength } from '../draft-schema.js';
import type { ExtractedArticle } from '../schema.js';
import type { StructuredRequest, StructuredResult } from './model-conversation.js';

export interface DraftOptions {
  length: BriefLength;
  language: string;
  /** Facts about the source from our own records, given to the model as context. */
  sourceContext: string;
  /** Sitrep's checks on a schema-valid draft: problems a repair round may fix (none means accepted). */
  review?: (draft: BriefDraft) => string[];
  /** Epoch milliseconds by which a model engine must have answered, retries and repairs included. */
  deadlineAt: number;
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

/** Something that turns an article into a brief draft: a model, or the offline extractor. */
export interface Engine {
  /** The engine's name in the registry (src/brief/engines/registry.ts). */
  readonly name: string;
  /** Identifies the engine's output in cache keys; changing it misses the cache. */
  readonly model: string;
  readonly promptVersion: string;
  draft(article: ExtractedArticle, options: DraftOptions): Promise<DraftResult>;
  /** Model engines: any structured answer (a story's comparison, say), with the same repairs and deadline. */
  structured?<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
  /** For engines with an explicit prompt cache: whether the cached prefix is long enough to be cached. */
  cachePrefixStatus?(): Promise<CachePrefixStatus>;
}

/** The cached prefix's size, counted by the provider, against the model's minimum. */
export interface CachePrefixStatus {
  prefixTokens: number;
  minimumTokens: number;
  engaged: boolean;
}

/** Why a model gave no brief: it ran out of time, or it failed (API down, refusal, invalid output twice). */
export type ModelFailure = 'timeout' | 'unavailable';

/** The engine could not produce a brief; the pipeline falls back or tells the user. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    message: string,
    readonly failure: ModelFailure = 'unavailable',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}

export const LENGTH_LIMITS: Record<BriefLength, { sentences: number; claims: number }> = {
  short: { sentences: 3, claims: 5 },
  standard: { sentences: 5, claims: 10 },
  detailed: { sentences: 6, claims: 20 },
};
