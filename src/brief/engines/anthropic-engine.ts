import type Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '../../logger.js';
import { BriefDraftSchema } from '../draft-schema.js';
import { claudeModelFacts } from './anthropic-models.js';
import { callWithinDeadline } from './call-within-deadline.js';
import type { CachePrefixStatus, DraftResult, Engine } from './engine.js';
import type { Prompts } from './load-prompts.js';
import { type AskModel, draftWithRepairs, type ModelTurn, parseDraft, taskFor } from './model-conversation.js';

export interface AnthropicEngineOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  cacheTtl: '5m' | '1h';
  /** Holds a model-call slot around each request, so bursts stay under the API's limits. */
  withModelSlot: <T>(work: () => Promise<T>) => Promise<T>;
}

const STOP: Record<string, 'done' | 'refusal' | 'max_tokens'> = { refusal: 'refusal', max_tokens: 'max_tokens' };

/**
 * Briefs through Claude with structured output (the SDK's zod helper turns the draft schema into
 * the output format). The system prompt (rules and worked examples) is the cached prefix; the article
 * goes in the user turn inside an element named with a random nonce, so text in the article cannot
 * close it.
 */
export function createAnthropicEngine(options: AnthropicEngineOptions, prompts: Prompts, logger: Logger) {
  // The SDK loads with the first brief, so a bot that never reaches the model never pays its memory.
  let sdk: Promise<{ client: Anthropic; schema: Record<string, unknown> }> | undefined;
  const loadSdk = () => {
    sdk ??= Promise.all([import('@anthropic-ai/sdk'), import('@anthropic-ai/sdk/helpers/zod')]).then(
      ([{ default: AnthropicClient }, { zodOutputFormat }]) => ({
        client: new AnthropicClient({ apiKey: options.apiKey, baseURL: options.baseURL ?? null, maxRetries: 0 }),
        schema: zodOutputFormat(BriefDraftSchema).schema,
      }),
    );
    return sdk;
  };
  const system: Anthropic.Messages.TextBlockParam[] = [
    { type: 'text', text: prompts.system, cache_control: { type: 'ephemeral', ttl: options.cacheTtl } },
  ];

  const askBefore =
    (deadlineAt: number): AskModel =>
    async (turns: ModelTurn[]) => {
      const { client, schema } = await loadSdk();
      const response = await callWithinDeadline(
        (timeoutMs) =>
          options.withModelSlot(() =>
            client.messages.create(
              {
                model: options.model,
                max_tokens: options.maxOutputTokens,
                system,
                messages: turns,
                output_config: { format: { type: 'json_schema', schema } },
              },
              { timeout: timeoutMs },
            ),
          ),
        { deadlineAt, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries },
      );
      const text = response.content.find((block) => block.type === 'text')?.text;
      return {
        outcome: text ? parseDraft(text) : null,
        stop: STOP[response.stop_reason ?? ''] ?? 'done',
        usage: {
          inputTokens: response.usage.input_tokens,
          outputTokens: response.usage.output_tokens,
          cacheReadTokens: response.usage.cache_read_input_tokens ?? 0,
          cacheWriteTokens: response.usage.cache_creation_input_tokens ?? 0,
        },
      };
    };

  return {
    name: 'anthropic',
    model: options.model,
    promptVersion: prompts.version,
    draft(article, draftOptions): Promise<DraftResult> {
      const task = taskFor(prompts, article, draftOptions);
      return draftWithRepairs(askBefore(draftOptions.deadlineAt), task, prompts, draftOptions.review, logger);
    },
    /** Counts the system prompt with the API's token counter (free), against the model's cache minimum. */
    async cachePrefixStatus(): Promise<CachePrefixStatus> {
      const { client } = await loadSdk();
      const probe = [{ role: 'user' as const, content: '.' }];
      const [withSystem, without] = await Promise.all([
        client.messages.countTokens({ model: options.model, system, messages: probe }),
        client.messages.countTokens({ model: options.model, messages: probe }),
      ]);
      const prefixTokens = withSystem.input_tokens - without.input_tokens;
      const minimumTokens = claudeModelFacts(options.model).minCacheablePrefixTokens;
      return { prefixTokens, minimumTokens, engaged: prefixTokens >= minimumTokens };
    },
  } satisfies Engine;
}
