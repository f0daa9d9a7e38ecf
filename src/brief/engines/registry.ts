import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createAnthropicEngine } from './anthropic-engine.js';
import type { Engine } from './engine.js';
import type { Prompts } from './load-prompts.js';
import { createOfflineEngine } from './offline-engine.js';
import { createOpenAiEngine } from './openai-engine.js';

/** What every engine may be built with: passed in, so tests can hand in their own. */
export interface EngineDeps {
  logger: Logger;
  /** The prompt files, read once on first use. */
  prompts: () => Prompts;
  /** Holds one of a limited number of model-call slots (fleet-wide with Redis) around a request. */
  withModelSlot: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface EngineDefinition {
  /** One line for help texts and the README. */
  summary: string;
  /** A model: bounded by the model deadline, counted against a server's token budget, and replaced by the offline engine in `auto` mode when it fails. */
  isModel: boolean;
  /** What it needs to run, as the README's engine table says it. */
  needs: string;
  /** Whether a brief costs money per token. */
  metered: boolean;
  /** How its prompt prefix is cached, if at all. */
  promptCaching: string;
  /** The sentence a user gets when this engine is asked for but not configured. */
  missing: string;
  /** The engine, or null when the settings it needs are absent. */
  create(config: Config, deps: EngineDeps): Engine | null;
}

/**
 * Every engine Sitrep has, in the order `auto` tries them: the first configured model engine, else
 * the offline one. A new engine is one file, its name here and its entry below (the compiler checks
 * that the two agree); SITREP_ENGINE, the CLI's --engine, the brief's meta, the evaluation and the
 * README's table all read this registry.
 */
export const ENGINE_NAMES = ['anthropic', 'openai', 'offline'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const ENGINES: { readonly [Name in EngineName]: EngineDefinition } = {
  anthropic: {
    summary: "Claude through Anthropic's Messages API (official SDK)",
    isModel: true,
    needs: '`ANTHROPIC_API_KEY`',
    metered: true,
    promptCaching: 'system prompt marked for caching (`SITREP_PROMPT_CACHE_TTL`)',
    missing: 'The anthropic engine needs ANTHROPIC_API_KEY, which is not set; use the offline engine or set the key.',
    create: (config, deps) =>
      config.anthropic.apiKey
        ? createAnthropicEngine(
            {
              ...config.anthropic,
              apiKey: config.anthropic.apiKey,
              ...config.model,
              withModelSlot: deps.withModelSlot,
            },
            deps.prompts(),
            deps.logger,
          )
        : null,
  },
  openai: {
    summary: 'any OpenAI-compatible Chat Completions server: Ollama, llama.cpp, vLLM, or a provider',
    isModel: true,
    needs: '`SITREP_OPENAI_MODEL` and `OPENAI_BASE_URL` (a local server) or `OPENAI_API_KEY`',
    metered: true,
    promptCaching: "the provider's own, when it has one (read from the usage it reports)",
    missing:
      'The openai engine needs SITREP_OPENAI_MODEL, and OPENAI_BASE_URL (a local server) or OPENAI_API_KEY; use the offline engine or set them.',
    create: (config, deps) =>
      config.openai.model && (config.openai.baseURL || config.openai.apiKey)
        ? createOpenAiEngine(
            { ...config.openai, model: config.openai.model, ...config.model, withModelSlot: deps.withModelSlot },
            deps.prompts(),
            deps.logger,
          )
        : null,
  },
  offline: {
    summary: 'extractive, no network: central sentences, attributed claims and quotes, copied from the article',
    isModel: false,
    needs: 'nothing',
    metered: false,
    promptCaching: '—',
    missing: 'The offline engine is always available.',
    create: () => createOfflineEngine(),
  },
};
