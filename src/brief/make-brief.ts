import type { Dispatcher } from 'undici';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { acquireArticle } from './acquire/acquire-article.js';
import type { FetchLimits } from './acquire/fetch-page.js';
import { briefCacheKey } from './brief-cache-key.js';
import type { TrustData } from './checks/brief-check.js';
import { describeSourceForModel } from './checks/build-source-note.js';
import { reviewDraft, runChecks } from './checks/run-checks.js';
import { whoseStory } from './checks/whose-story.js';
import { chooseEngine } from './choose-engine.js';
import type { BriefDraft } from './draft-schema.js';
import { type DraftResult, type Engine, ModelError, type ModelFailure, type TokenUsage } from './engines/engine.js';
import type { EngineName } from './engines/registry.js';
import { limitArticleText } from './limit-article-text.js';
import type { BriefCache, PipelineObserver, SharedFlight, SingleFlight } from './ports.js';
import {
  type ArticleMeta,
  type Brief,
  type BriefRequest,
  BriefRequestSchema,
  BriefSchema,
  type EngineChoice,
  type ExtractedArticle,
  type ParsedBriefRequest,
} from './schema.js';

/** Everything the pipeline needs, handed in so tests and benchmarks can give their own. */
export interface PipelineContext {
  logger: Logger;
  cache: BriefCache;
  singleFlight: SingleFlight;
  sharedFlight: SharedFlight;
  dispatcher: Dispatcher;
  fetchLimits: FetchLimits;
  maxArticleChars: number;
  defaultEngine: EngineChoice;
  /** The engines whose settings are present, by name; the offline engine always is. */
  engines: ReadonlyMap<EngineName, Engine>;
  /** A brief's whole model time, retries and repairs included; then the offline engine stands in. */
  modelDeadlineMs: number;
  /** The outlet registry and the loaded-terms lexicon the checks use. */
  trust: TrustData;
  /** Told of cache lookups, fetches and model drafts, for metrics; absent when nothing counts them. */
  observer?: PipelineObserver;
}

export type BriefStage = 'fetching' | 'reading' | 'summarizing' | 'model-slow';

/** With 'model-slow': when the model's time runs out (epoch ms), and whether an offline brief follows then. */
export interface SlowModel {
  deadlineAt: number;
  fallback: boolean;
}

export type OnStage = (stage: BriefStage, slow?: SlowModel) => void;

/** A door's say over model use: a reason to skip the model (budget spent), and a meter for tokens. */
export interface ModelHooks {
  modelGate?: () => Promise<string | null>;
  onModelUsage?: (tokens: number) => Promise<void>;
}

export interface BriefResult {
  brief: Brief;
  fromCache: boolean;
}

/** The model is called slow, and the door says so, after this share of its deadline. */
const SLOW_SHARE = 1 / 3;
const EXCERPT_CHARS = 1_500;
const FALLBACK_REASONS = { timeout: 'model too slow', unavailable: 'model unavailable' } as const;

function parseRequest(request: BriefRequest): ParsedBriefRequest {
  const parsed = BriefRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'BAD_INPUT',
      `Invalid request: ${issue?.path.join('.') || 'input'} — ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

function articleMeta(article: ExtractedArticle, truncated: boolean, usedText: string): ArticleMeta {
  return {
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    outlet: article.outlet,
    domain: article.domain,
    byline: article.byline,
    publishedAt: article.publishedAt,
    language: article.language,
    wordCount: usedText.split(/\s+/).filter(Boolean).length,
    truncated,
    excerpt: usedText.slice(0, EXCERPT_CHARS),
  };
}

/**
 * The one pipeline every door calls: acquire the article, answer from the cache when the same text
 * was already briefed with the same engine, prompt, length and language, otherwise draft it with the
 * chosen engine (one computation per key however many ask), check it, and cache it.
 */
export async function makeBrief(
  request: BriefRequest,
  ctx: PipelineContext,
  onStage: OnStage = () => {},
  hooks: ModelHooks = {},
): Promise<BriefResult> {
  const req = parseRequest(request);
  const choice = req.engine ?? ctx.defaultEngine;
  const engine = chooseEngine(choice, ctx.engines);
  const fullArticle = await acquireArticle(req.source, ctx, onStage);
  const { text, truncated } = limitArticleText(fullArticle.text, ctx.maxArticleChars);
  const article = { ...fullArticle, text };
  // Wire copy is the wire's voice, whoever's page carries it: the engine attributes narration to it.
  const story = whoseStory(article, ctx.trust);
  const engineArticle = story.carriedBy ? { ...article, outlet: story.outlet.name } : article;
  const meta = articleMeta(fullArticle, truncated, text);
  const sourceContext = describeSourceForModel(article, ctx.trust);
  const key = briefCacheKey({
    text,
    sourceContext,
    promptVersion: engine.promptVersion,
    model: `${engine.name}:${engine.model}`,
    length: req.length,
    language: req.language,
  });

  const fromCache = async (): Promise<BriefResult | undefined> => {
    if (req.bypassCache) return undefined;
    const cached = await ctx.cache.getBrief(key);
    return cached ? { brief: { ...cached, article: meta }, fromCache: true } : undefined;
  };
  const cached = await fromCache();
  if (!req.bypassCache) ctx.observer?.cache('brief', cached !== undefined);
  if (cached) return cached;

  // One computation per key in this process, and (with Redis) across every process.
  return ctx.singleFlight(`brief:${key}:${req.bypassCache}`, async () => {
    onStage('summarizing');
    const shared = await ctx.sharedFlight(key, () => draftBrief(), fromCache);
    return shared.value;
  });

  /** The engine's draft, or the offline engine's when the model may not or cannot answer in time. */
  async function draftWith(): Promise<{ result: DraftResult; used: Engine; fallbackReason: string | null }> {
    const offline = ctx.engines.get('offline') as Engine;
    const input = { article, trust: ctx.trust };
    const deadlineAt = Date.now() + ctx.modelDeadlineMs;
    const options = {
      length: req.length,
      language: req.language,
      sourceContext,
      review: (draft: BriefDraft) => reviewDraft(draft, input),
      deadlineAt,
    };
    if (engine === offline)
      return { result: await offline.draft(engineArticle, options), used: offline, fallbackReason: null };
    const gate = (await hooks.modelGate?.()) ?? null;
    if (gate) return { result: await offline.draft(engineArticle, options), used: offline, fallbackReason: gate };
    const slow = setTimeout(
      () => onStage('model-slow', { deadlineAt, fallback: choice === 'auto' }),
      ctx.modelDeadlineMs * SLOW_SHARE,
    );
    const modelStarted = performance.now();
    const observe = (outcome: 'ok' | ModelFailure, usage?: TokenUsage) =>
      ctx.observer?.modelDraft({ engine: engine.name, ms: performance.now() - modelStarted, outcome, usage });
    try {
      const result = await engine.draft(engineArticle, options);
      observe('ok', result.usage);
      await hooks.onModelUsage?.(result.usage.inputTokens + result.usage.outputTokens);
      return { result, used: engine, fallbackReason: null };
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      observe(error.failure);
      ctx.logger.warn({ err: error, engine: engine.name, model: engine.model }, 'model gave no brief');
      if (choice !== 'auto') {
        const sentence =
          error.failure === 'timeout'
            ? `The model did not answer within ${Math.round(ctx.modelDeadlineMs / 1000)} s; try again later or use the offline engine.`
            : 'The model could not make this brief right now; try again later or use the offline engine.';
        throw new UserError('MODEL_UNAVAILABLE', sentence, { cause: error });
      }
      const fallbackReason = FALLBACK_REASONS[error.failure];
      return { result: await offline.draft(engineArticle, options), used: offline, fallbackReason };
    } finally {
      clearTimeout(slow);
    }
  }

  async function draftBrief(): Promise<BriefResult> {
    const started = Date.now();
    const { result, used, fallbackReason } = await draftWith();
    // The checks run on every draft from either engine, before anything is cached or shown.
    const checked = runChecks(result.draft, { article, trust: ctx.trust });
    const brief = BriefSchema.parse({
      article: meta,
      summary: checked.draft.summary,
      claims: checked.claims,
      sourceNote: checked.sourceNote,
      meta: {
        engine: used.name,
        model: used.name === 'offline' ? null : used.model,
        promptVersion: used.promptVersion,
        fallbackReason,
        ...result.usage,
        repairRounds: result.repairRounds,
        groundingRate: checked.groundingRate,
        createdAt: new Date().toISOString(),
        cacheKey: key,
        length: req.length,
        language: req.language,
      },
    });
    ctx.logger.info(
      { engine: used.name, model: used.model, ms: Date.now() - started, claims: brief.claims.length, ...result.usage },
      'brief made',
    );
    // A stand-in result is never stored under the model's key, so the next request tries the model again.
    if (!fallbackReason) await ctx.cache.setBrief(key, brief);
    return { brief, fromCache: false };
  }
}
