import { createSafeDispatcher, type Resolver, systemResolver } from './brief/acquire/safe-dispatcher.js';
import { loadLexicon } from './brief/checks/loaded-terms.js';
import { loadOutletRegistry } from './brief/checks/outlet-registry.js';
import { createAnthropicEngine } from './brief/engines/anthropic-engine.js';
import { loadPrompts } from './brief/engines/load-prompts.js';
import { createOfflineEngine } from './brief/engines/offline-engine.js';
import type { PipelineContext } from './brief/make-brief.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { type BriefStore, createBriefStore } from './store/brief-store.js';
import { createModelSlots } from './store/model-slots.js';
import { openStore, type Store } from './store/open-store.js';
import { createSharedFlight } from './store/shared-flight.js';
import { createSingleFlight } from './store/single-flight.js';

export interface Pipeline {
  ctx: PipelineContext;
  store: Store;
  /** The same cache the pipeline uses, with what the doors keep about the briefs they showed. */
  briefs: BriefStore;
  close(): Promise<void>;
}

/** Wires the pipeline from settings: store, engines, the guarded HTTP dispatcher. */
export function createPipeline(config: Config, logger: Logger, resolve: Resolver = systemResolver): Pipeline {
  const store = openStore(config.store, logger);
  const dispatcher = createSafeDispatcher({ allowLoopback: config.fetch.allowLoopback }, resolve);
  const { apiKey, ...anthropicOptions } = config.anthropic;
  const briefs = createBriefStore(store, logger);
  const withModelSlot = createModelSlots(store.redis, config.maxConcurrentModelCalls, config.anthropic.timeoutMs * 2);
  const ctx: PipelineContext = {
    logger,
    cache: briefs,
    singleFlight: createSingleFlight(),
    sharedFlight: createSharedFlight(store.redis, {
      lockTtlMs: config.lockTtlMs,
      // Long enough for the holder's model call with its retries; then a waiter briefs it itself.
      maxWaitMs: config.anthropic.timeoutMs * (config.anthropic.maxRetries + 1) * 3,
      logger,
    }),
    dispatcher,
    fetchLimits: config.fetch,
    maxArticleChars: config.maxArticleChars,
    defaultEngine: config.engine,
    engines: {
      anthropic: apiKey
        ? createAnthropicEngine({ apiKey, ...anthropicOptions, withModelSlot }, loadPrompts(), logger)
        : null,
      offline: createOfflineEngine(),
    },
    trust: { registry: loadOutletRegistry(), lexicon: loadLexicon() },
  };
  return {
    ctx,
    store,
    briefs,
    async close() {
      await Promise.allSettled([store.close(), dispatcher.close()]);
    },
  };
}
