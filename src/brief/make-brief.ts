import type { Dispatcher } from 'undici';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { acquireArticle } from './acquire/acquire-article.js';
import type { FetchLimits } from './acquire/fetch-page.js';
import { briefCacheKey } from './brief-cache-key.js';
import { buildSourceNote, describeSourceForModel, type TrustData } from './checks/build-source-note.js';
import { groundClaims } from './checks/ground-claims.js';
import { enforceNeutrality, neutralityProblems } from './checks/neutrality.js';
import { type DraftResult, type Engine, ModelError } from './engines/engine.js';
import { limitArticleText } from './limit-article-text.js';
import type { BriefCache, SharedFlight, SingleFlight } from './ports.js';
import {
  type ArticleMeta,
  type Brief,
  type BriefDraft,
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
  engines: { anthropic: Engine | null; offline: Engine };
  /** The outlet registry and the loaded-terms lexicon the checks use. */
  trust: TrustData;
}

export type BriefStage = 'fetching' | 'reading' | 'summarizing';

/** A door's say over model use: a reason to skip the model (budget spent), and a meter for tokens. */
export interface ModelHooks {
  modelGate?: () => Promise<string | null>;
  onModelUsage?: (tokens: number) => Promise<void>;
}

export interface BriefResult {
  brief: Brief;
  fromCache: boolean;
}

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

/** Problems the model is asked to repair once: quotes not in the article, loaded words in our voice. */
function reviewDraft(draft: BriefDraft, articleText: string, trust: TrustData): string[] {
  const { claims } = groundClaims(draft.claims, articleText);
  const ungrounded = draft.claims
    .filter((_, i) => claims[i]?.grounded === false)
    .map((c) => `this quote is not in the article: "${c.quote}"`);
  return [...ungrounded, ...neutralityProblems(draft, trust.lexicon)];
}

function chooseEngine(choice: EngineChoice, engines: PipelineContext['engines']): Engine {
  if (choice === 'offline') return engines.offline;
  if (engines.anthropic) return engines.anthropic;
  if (choice === 'anthropic') {
    throw new UserError(
      'NOT_CONFIGURED',
      'The model engine needs ANTHROPIC_API_KEY, which is not set; use the offline engine or set the key.',
    );
  }
  return engines.offline;
}

const EXCERPT_CHARS = 1_500;

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
 * was already briefed with the same prompt, model, length and language, otherwise draft it with the
 * chosen engine (one computation per key however many ask), check it, and cache it.
 */
export async function makeBrief(
  request: BriefRequest,
  ctx: PipelineContext,
  onStage: (stage: BriefStage) => void = () => {},
  hooks: ModelHooks = {},
): Promise<BriefResult> {
  const req = parseRequest(request);
  const engine = chooseEngine(req.engine ?? ctx.defaultEngine, ctx.engines);
  const fullArticle = await acquireArticle(req.source, ctx, onStage);
  const { text, truncated } = limitArticleText(fullArticle.text, ctx.maxArticleChars);
  const article = { ...fullArticle, text };
  const meta = articleMeta(fullArticle, truncated, text);
  const sourceContext = describeSourceForModel(article, ctx.trust);
  const key = briefCacheKey({
    text,
    sourceContext,
    promptVersion: engine.promptVersion,
    model: engine.model,
    length: req.length,
    language: req.language,
  });

  const fromCache = async (): Promise<BriefResult | undefined> => {
    if (req.bypassCache) return undefined;
    const cached = await ctx.cache.getBrief(key);
    return cached ? { brief: { ...cached, article: meta }, fromCache: true } : undefined;
  };
  const cached = await fromCache();
  if (cached) return cached;

  // One computation per key in this process, and (with Redis) across every process.
  return ctx.singleFlight(`brief:${key}:${req.bypassCache}`, async () => {
    onStage('summarizing');
    const shared = await ctx.sharedFlight(key, () => draftBrief(), fromCache);
    return shared.value;
  });

  async function draftBrief(): Promise<BriefResult> {
    const started = Date.now();
    const options = {
      length: req.length,
      language: req.language,
      sourceContext,
      review: (draft: BriefDraft) => reviewDraft(draft, text, ctx.trust),
    };
    let fallbackReason = engine.name === 'anthropic' ? ((await hooks.modelGate?.()) ?? null) : null;
    let used = fallbackReason ? ctx.engines.offline : engine;
    let result: DraftResult;
    try {
      result = await used.draft(article, options);
      if (used.name === 'anthropic') await hooks.onModelUsage?.(result.usage.inputTokens + result.usage.outputTokens);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      ctx.logger.warn({ err: error, engine: engine.name, model: engine.model }, 'model unavailable');
      if ((req.engine ?? ctx.defaultEngine) !== 'auto') {
        throw new UserError(
          'MODEL_UNAVAILABLE',
          'The model could not make this brief right now; try again later or use the offline engine.',
          {
            cause: error,
          },
        );
      }
      used = ctx.engines.offline;
      fallbackReason = 'model unavailable';
      result = await used.draft(article, options);
    }
    // The checks run on every draft from either engine, before anything is cached or shown.
    const draft = enforceNeutrality(result.draft, ctx.trust.lexicon);
    const { claims, groundingRate } = groundClaims(draft.claims, text);
    const brief = BriefSchema.parse({
      article: meta,
      summary: draft.summary,
      claims,
      sourceNote: buildSourceNote(article, draft, claims, ctx.trust),
      meta: {
        engine: used.name,
        model: used.name === 'anthropic' ? used.model : null,
        promptVersion: used.promptVersion,
        fallbackReason,
        ...result.usage,
        repairRounds: result.repairRounds,
        groundingRate,
        createdAt: new Date().toISOString(),
        cacheKey: key,
        length: req.length,
        language: req.language,
      },
    });
    ctx.logger.info(
      { engine: used.name, model: used.model, ms: Date.now() - started, claims: claims.length, ...result.usage },
      'brief made',
    );
    // A stand-in result is never stored under the model's key, so the next request tries the model again.
    if (!fallbackReason) await ctx.cache.setBrief(key, brief);
    return { brief, fromCache: false };
  }
}
