import type OpenAI from 'openai';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { callWithinDeadline } from './call-within-deadline.js';
import type { Engine } from './engine.js';
import type { Prompts } from './load-prompts.js';
import { draftWithModel } from './model-brief.js';
import { type AskModel, converse, type StructuredRequest } from './model-conversation.js';

export interface OpenAiEngineOptions {
  /** Optional for a local server (Ollama, llama.cpp, vLLM), which takes no key. */
  apiKey?: string | undefined;
  /** A local server's `/v1`, or a provider's; unset means OpenAI's own API. */
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  withModelSlot: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Local servers take no key, but the SDK insists on one; this one is sent and ignored. */
const NO_KEY = 'no-key-needed';

const STOP: Record<string, 'done' | 'refusal' | 'max_tokens'> = { length: 'max_tokens', content_filter: 'refusal' };

type JsonSchemaFormat = OpenAI.ResponseFormatJSONSchema['json_schema'];
type Sdk = { client: OpenAI; responseFormat: (schema: z.ZodType, name: string) => JsonSchemaFormat };

/**
 * Any server that speaks OpenAI's Chat Completions: structured output as a `json_schema` response
 * format built from each answer's zod schema (the SDK's zod helper), the same prompts, checks and
 * repair rounds as the Anthropic engine. Ollama, llama.cpp's server and vLLM honour the schema on
 * this endpoint.
 */
export function createOpenAiEngine(options: OpenAiEngineOptions, prompts: Prompts, logger: Logger): Engine {
  let sdk: Promise<Sdk> | undefined;
  const loadSdk = () => {
    sdk ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(
      ([{ default: OpenAiClient }, { zodResponseFormat }]) => {
        const formats = new WeakMap<z.ZodType, JsonSchemaFormat>();
        return {
          client: new OpenAiClient({
            apiKey: options.apiKey ?? NO_KEY,
            baseURL: options.baseURL ?? null,
            maxRetries: 0,
          }),
          responseFormat(schema, name) {
            const known = formats.get(schema);
            if (known) return known;
            const format = zodResponseFormat(schema, name).json_schema;
            formats.set(schema, format);
            return format;
          },
        };
      },
    );
    return sdk;
  };
  // OpenAI's newer models take only max_completion_tokens; local servers know max_tokens.
  const tokenLimit = options.baseURL
    ? { max_tokens: options.maxOutputTokens }
    : { max_completion_tokens: options.maxOutputTokens };

  const askFor =
    <T>(request: StructuredRequest<T>): AskModel =>
    async (turns) => {
      const { client, responseFormat } = await loadSdk();
      const completion = await callWithinDeadline(
        (timeoutMs) =>
          options.withModelSlot(() =>
            client.chat.completions.create(
              {
                model: options.model,
                messages: [{ role: 'system', content: request.system }, ...turns],
                response_format: {
                  type: 'json_schema',
                  json_schema: responseFormat(request.schema, request.schemaName),
                },
                ...tokenLimit,
              },
              { timeout: timeoutMs },
            ),
          ),
        { deadlineAt: request.deadlineAt, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries },
      );
      const choice = completion.choices[0];
      const usage = completion.usage;
      const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
      return {
        text: choice?.message.content ?? null,
        stop: choice?.message.refusal ? 'refusal' : (STOP[choice?.finish_reason ?? ''] ?? 'done'),
        // Counted as the Anthropic engine counts: input excludes what was read from the provider's cache.
        usage: {
          inputTokens: (usage?.prompt_tokens ?? 0) - cached,
          outputTokens: usage?.completion_tokens ?? 0,
          cacheReadTokens: cached,
          cacheWriteTokens: 0,
        },
      };
    };
  const structured = <T>(request: StructuredRequest<T>) => converse(askFor(request), request, logger);

  return {
    name: 'openai',
    model: options.model,
    promptVersion: prompts.version,
    structured,
    draft: (article, draftOptions) => draftWithModel(structured, prompts, article, draftOptions),
  };
}
