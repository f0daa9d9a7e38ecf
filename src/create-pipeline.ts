import { createSafeDispatcher, type Resolver, systemResolver } from './brief/acquire/safe-dispatcher.js';
import { loadLexicon } from './brief/checks/loaded-terms.js';
import { loadOutletRegistry } from './brief/checks/outlet-registry.js';
import type { Engine } from './brief/engines/engine.js';
import { loadPrompts, type Prompts } from './brief/engines/load-prompts.js';
import { ENGINE_NAMES, ENGINES, type EngineDeps, type EngineName } from './brief/engines/registry.js';
import type { PipelineContext } from './brief/make-brief.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { type BriefStore, createBriefStore } from './store/brief-store.js';
import { createModelSlots } from './store/model-slots.js';
import { openStore, type Store } from './store/open-store.js';
import { createSharedFlight } from './store/shared-flight.js';
import { createSingleFlight } from './store/single-flight.js';
import { createStories, type Stories } from './stories/create-stories.js';
import { openStoryStorage } from './stories/open-story-storage.js';

export interface Pipeline {
  ctx: PipelineContext;
  store: Store;
  /** The same cache the pipeline uses, with what the doors keep about the briefs they showed. */
  briefs: BriefStore;
  /** Briefs filed into stories of the same event, and their comparisons. */
  stories: Stories;
  close(): Promise<void>;
}

/** Every engine in the registry whose settings are present. */
function configuredEngines(config: Config, deps: EngineDeps): Map<EngineName, Engine> {
  const engines = new Map<EngineName, Engine>();
  for (const name of ENGINE_NAMES) {
    const engine = ENGINES[name].create(config, deps);
    if (engine) engines.set(name, engine);
  }
  return engines;
}

/** Wires the pipeline from settings: store, engines, the guarded HTTP dispatcher. */
export function createPipeline(config: Config, logger: Logger, resolve: Resolver = systemResolver): Pipeline {
  const store = openStore(config.store, logger);
  const dispatcher = createSafeDispatcher({ allowLoopback: config.fetch.allowLoopback }, resolve);
  const briefs = createBriefStore(store, logger);
  // A slot is held at most one request long; a holder that died frees it after that.
  const withModelSlot = createModelSlots(store.redis, config.maxConcurrentModelCalls, config.model.timeoutMs + 5_000);
  let prompts: Prompts | undefined;
  const ctx: PipelineContext = {
    logger,
    cache: briefs,
    singleFlight: createSingleFlight(),
    sharedFlight: createSharedFlight(store.redis, {
      lockTtlMs: config.lockTtlMs,
      // Long enough for the holder's model time and its offline fallback; then a waiter briefs it itself.
      maxWaitMs: config.model.deadlineMs + config.fetch.timeoutMs + 15_000,
      logger,
    }),
    dispatcher,
    fetchLimits: config.fetch,
    maxArticleChars: config.maxArticleChars,
    defaultEngine: config.engine,
    engines: configuredEngines(config, {
      logger,
      prompts: () => {
        prompts ??= loadPrompts();
        return prompts;
      },
      withModelSlot,
    }),
    modelDeadlineMs: config.model.deadlineMs,
    trust: { registry: loadOutletRegistry(), lexicon: loadLexicon() },
  };
  const stories = createStories({
    storage: openStoryStorage(store),
    keyv: store.keyv,
    engines: ctx.engines,
    defaultEngine: config.engine,
    lexicon: ctx.trust.lexicon,
    logger,
    modelDeadlineMs: config.model.deadlineMs,
  });
  return {
    ctx,
    store,
    briefs,
    stories,
    async close() {
      await Promise.allSettled([store.close(), dispatcher.close()]);
    },
  };
}
