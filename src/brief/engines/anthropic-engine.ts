import { randomBytes } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { AutoParseableOutputFormat } from '@anthropic-ai/sdk/lib/parser';
import type { Logger } from '../../logger.js';
import { type BriefDraft, BriefDraftSchema, type BriefLength } from '../schema.js';
import { type DraftResult, type Engine, LENGTH_LIMITS, ModelError, type TokenUsage } from './engine.js';
import { fillTemplate, type Prompts } from './load-prompts.js';

export interface AnthropicEngineOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  /** Holds a model-call slot around each request, so bursts stay under the API's limits. */
  withModelSlot: <T>(work: () => Promise<T>) => Promise<T>;
}

type ParseOutcome = { ok: true; draft: BriefDraft } | { ok: false; raw: string; problems: string };

/**
 * The SDK's zod output format (its JSON Schema is what the model must follow), with parsing that
 * reports a schema failure instead of throwing, so the repair round can show the model its answer.
 */
async function briefDraftFormat(): Promise<AutoParseableOutputFormat<ParseOutcome>> {
  const { zodOutputFormat } = await import('@anthropic-ai/sdk/helpers/zod');
  const format = zodOutputFormat(BriefDraftSchema);
  return {
    ...format,
    parse(content: string): ParseOutcome {
      try {
        return { ok: true, draft: format.parse(content) };
      } catch (error) {
        return { ok: false, raw: content, problems: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

function lengthGuidance(length: BriefLength): string {
  const { sentences, claims } = LENGTH_LIMITS[length];
  const range = length === 'short' ? `${sentences}` : `${sentences - 2} to ${sentences}`;
  return `${length}, ${range} summary sentences, at most ${claims} claims`;
}

function addUsage(total: TokenUsage, usage: Anthropic.Messages.Usage): TokenUsage {
  return {
    inputTokens: total.inputTokens + usage.input_tokens,
    outputTokens: total.outputTokens + usage.output_tokens,
    cacheReadTokens: total.cacheReadTokens + (usage.cache_read_input_tokens ?? 0),
    cacheWriteTokens: total.cacheWriteTokens + (usage.cache_creation_input_tokens ?? 0),
  };
}

/**
 * Briefs through Claude with structured output. The system prompt (rules and example) is marked for
 * prompt caching; the article goes in the user turn inside an element named with a random nonce,
 * so text in the article cannot close it. An answer that fails the schema gets one repair round.
 */
export function createAnthropicEngine(options: AnthropicEngineOptions, prompts: Prompts, logger: Logger): Engine {
  // The SDK loads with the first brief, so a bot that never reaches the model never pays its memory.
  let sdk: Promise<{ client: Anthropic; format: AutoParseableOutputFormat<ParseOutcome> }> | undefined;
  const loadSdk = () => {
    sdk ??= Promise.all([import('@anthropic-ai/sdk'), briefDraftFormat()]).then(
      ([{ default: AnthropicClient }, format]) => ({
        client: new AnthropicClient({
          apiKey: options.apiKey,
          baseURL: options.baseURL ?? null,
          timeout: options.timeoutMs,
          maxRetries: options.maxRetries,
        }),
        format,
      }),
    );
    return sdk;
  };
  const system: Anthropic.Messages.TextBlockParam[] = [
    { type: 'text', text: prompts.system, cache_control: { type: 'ephemeral' } },
  ];
  const send = async (messages: Anthropic.Messages.MessageParam[]) => {
    const { client, format } = await loadSdk();
    try {
      return await options.withModelSlot(() =>
        client.messages.parse({
          model: options.model,
          max_tokens: options.maxOutputTokens,
          system,
          messages,
          output_config: { format },
        }),
      );
    } catch (error) {
      throw new ModelError(`model request failed: ${error instanceof Error ? error.name : 'unknown error'}`, {
        cause: error,
      });
    }
  };

  return {
    name: 'anthropic',
    model: options.model,
    promptVersion: prompts.version,
    async draft(article, { length, language, sourceContext, review }): Promise<DraftResult> {
      const nonce = randomBytes(6).toString('hex');
      const task = fillTemplate(prompts.task, {
        LENGTH_GUIDANCE: lengthGuidance(length),
        LANGUAGE: language,
        SOURCE_CONTEXT: sourceContext,
        NONCE: nonce,
        ARTICLE_TEXT: article.text,
      });
      const messages: Anthropic.Messages.MessageParam[] = [{ role: 'user', content: task }];
      let usage: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
      // At most one repair for the format and one for the checks, so at most three calls.
      let formatRepaired = false;
      let checksRepaired = false;
      let lastValid: BriefDraft | null = null;

      for (let round = 0; round < 3; round++) {
        const response = await send(messages);
        usage = addUsage(usage, response.usage);
        if (response.stop_reason === 'refusal') throw new ModelError('the model declined to brief this article');
        if (response.stop_reason === 'max_tokens') throw new ModelError('the model ran out of output tokens');
        const outcome = response.parsed_output as ParseOutcome | null;
        if (outcome?.ok) {
          lastValid = outcome.draft;
          const problems = review?.(outcome.draft) ?? [];
          if (problems.length === 0 || checksRepaired) return { draft: outcome.draft, usage, repairRounds: round };
          checksRepaired = true;
          logger.info({ round, problems: problems.length }, 'brief failed checks; asking for a repair');
          messages.push(
            { role: 'assistant', content: JSON.stringify(outcome.draft) },
            {
              role: 'user',
              content: fillTemplate(prompts.repairChecks, { PROBLEMS: problems.map((p) => `- ${p}`).join('\n') }),
            },
          );
          continue;
        }
        if (formatRepaired) break;
        formatRepaired = true;
        const problems = outcome?.problems ?? 'the answer held no JSON text';
        logger.warn({ round, problems: problems.slice(0, 500) }, 'model output failed the brief schema');
        messages.push(
          { role: 'assistant', content: outcome?.raw || '(empty)' },
          { role: 'user', content: fillTemplate(prompts.repair, { PROBLEMS: problems }) },
        );
      }
      // A draft that passed the schema before a failed repair beats none; the checks still run on it.
      if (lastValid) return { draft: lastValid, usage, repairRounds: 2 };
      throw new ModelError('the model output failed the brief schema twice');
    },
  };
}
