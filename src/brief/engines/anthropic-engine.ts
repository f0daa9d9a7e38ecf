import type Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { claudeModelFacts } from './anthropic-models.js';
import { callWithinDeadline } from './call-within-deadline.js';
import type { CachePrefixStatus, Engine } from './engine.js';
import type { Prompts } from './load-prompts.js';
import { draftWithModel } from './model-brief.js';
import { type AskModel, converse, type StructuredRequest } from './model-conversation.js';

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

type Sdk = { client: Anthropic; outputSchema: (schema: z.ZodType) => Record<string, unknown> };

/**
 * Claude with structured output: the SDK's zod helper turns each answer's schema into the output
 * format. The system prompt (rules and worked examples) is the cached prefix; untrusted text goes in
 * the user turn inside an element named with a random nonce, so it cannot close it.
 */
export function createAnthropicEngine(options: AnthropicEngineOptions, prompts: Prompts, logger: Logger) {
  // The SDK loads with the first brief, so a bot that never reaches the model never pays its memory.
  let sdk: Promise<Sdk> | undefined;
  const loadSdk = () => {
    sdk ??= Promise.all([import('@anthropic-ai/sdk'), import('@anthropic-ai/sdk/helpers/zod')]).then(
      ([{ default: AnthropicClient }, { zodOutputFormat }]) => {
        const schemas = new WeakMap<z.ZodType, Record<string, unknown>>();
        return {
          client: new AnthropicClient({ apiKey: options.apiKey, baseURL: options.baseURL ?? null, maxRetries: 0 }),
          outputSchema(schema) {
            const known = schemas.get(schema);
            if (known) return known;
            const json = zodOutputFormat(schema).schema;
            schemas.set(schema, json);
            return json;
          },
        };
      },
    );
    return sdk;
  };
  const systemBlocks = (text: string): Anthropic.Messages.TextBlockParam[] => [
    { type: 'text', text, cache_control: { type: 'ephemeral', ttl: options.cacheTtl } },
  ];

  const askFor =
    <T>(request: StructuredRequest<T>): AskModel =>
    async (turns) => {
      const { client, outputSchema } = await loadSdk();
      const response = await callWithinDeadline(
        (timeoutMs) =>
          options.withModelSlot(() =>
            client.messages.create(
              {
                model: options.model,
                max_tokens: options.maxOutputTokens,
                system: systemBlocks(request.system),
                messages: turns,
                output_config: { format: { type: 'json_schema', schema: outputSchema(request.schema) } },
              },
              { timeout: timeoutMs },
            ),
          ),
        { deadlineAt: request.deadlineAt, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries },
      );
      return {
        text: response.content.find((block) => block.type === 'text')?.text ?? null,
        stop: STOP[response.stop_reason ?? ''] ?? 'done',
        usage: {
          inputTokens: response.usage.input_tokens,
          outputTokens: response.usage.output_tokens,
          cacheReadTokens: response.usage.cache_read_input_tokens ?? 0,
          cacheWriteTokens: response.usage.cache_creation_input_tokens ?? 0,
        },
      };
    };
  const structured = <T>(request: StructuredRequest<T>) => converse(askFor(request), request, logger);

  return {
    name: 'anthropic',
    model: options.model,
    promptVersion: prompts.version,
    structured,
    draft: (article, draftOptions) => draftWithModel(structured, prompts, article, draftOptions),
    /** Counts the system prompt with the API's token counter (free), against the model's cache minimum. */
    async cachePrefixStatus(): Promise<CachePrefixStatus> {
      const { client } = await loadSdk();
      const probe = [{ role: 'user' as const, content: '.' }];
      const system = systemBlocks(prompts.system);
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
