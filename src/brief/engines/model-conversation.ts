import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { BriefLength } from '../draft-schema.js';
import type { ExtractedArticle } from '../schema.js';
import { addUsage, type DraftOptions, LENGTH_LIMITS, ModelError, NO_USAGE, type TokenUsage } from './engine.js';
import { fillTemplate, type Prompts } from './load-prompts.js';

/** One turn of the conversation with a model, in no provider's format. */
interface ModelTurn {
  role: 'user' | 'assistant';
  content: string;
}

interface ModelReply {
  /** The answer's text, or null when it held none. */
  text: string | null;
  usage: TokenUsage;
  stop: 'done' | 'refusal' | 'max_tokens';
}

/** Sends the conversation so far (after the system prompt) and returns the model's answer. */
export type AskModel = (turns: ModelTurn[]) => Promise<ModelReply>;

/**
 * What a model is asked for, in no provider's format: a system prompt (the cached prefix), a task,
 * the zod schema of the answer (each engine turns it into its provider's structured-output format),
 * the two repair prompts, and Sitrep's checks on a schema-valid answer.
 */
export interface StructuredRequest<T> {
  system: string;
  task: string;
  schema: z.ZodType<T>;
  /** A short name for the schema, as providers want one. */
  schemaName: string;
  /** Templates with a PROBLEMS placeholder: for an answer that fails the schema, and for one that fails the checks. */
  repair: { format: string; checks: string };
  review?: (value: T) => string[];
  /** Epoch milliseconds by which the whole exchange, retries and repairs included, must end. */
  deadlineAt: number;
}

export interface StructuredResult<T> {
  value: T;
  usage: TokenUsage;
  repairRounds: number;
}

type ParseOutcome<T> = { ok: true; value: T } | { ok: false; raw: string; problems: string };

function lengthGuidance(length: BriefLength): string {
  const { sentences, claims } = LENGTH_LIMITS[length];
  const range = length === 'short' ? `${sentences}` : `${sentences - 2} to ${sentences}`;
  return `${length}, ${range} summary sentences, at most ${claims} claims`;
}

/** A fresh random token for naming the element around untrusted text, so that text cannot close it. */
export const newNonce = () => randomBytes(6).toString('hex');

/** The task turn of a brief: length, language, source facts, and the article inside a nonce-named element. */
export function taskFor(prompts: Prompts, article: ExtractedArticle, options: DraftOptions): string {
  return fillTemplate(prompts.task, {
    LENGTH_GUIDANCE: lengthGuidance(options.length),
    LANGUAGE: options.language,
    SOURCE_CONTEXT: options.sourceContext,
    NONCE: newNonce(),
    ARTICLE_TEXT: article.text,
  });
}

/** A model's answer text checked against the schema (lengths included), never thrown. */
function parseAgainst<T>(schema: z.ZodType<T>, text: string): ParseOutcome<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, raw: text, problems: 'the answer is not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('\n');
  return { ok: false, raw: text, problems };
}

/**
 * The conversation every model engine has, whatever it is asked for: ask, then at most one repair
 * round for an answer that fails the schema and one for an answer that fails Sitrep's checks (so at
 * most three calls). An answer that passed the schema before a failed repair beats none; the checks
 * still run on it.
 */
export async function converse<T>(ask: AskModel, request: StructuredRequest<T>, logger: Logger) {
  const turns: ModelTurn[] = [{ role: 'user', content: request.task }];
  let usage: TokenUsage = NO_USAGE;
  let formatRepaired = false;
  let checksRepaired = false;
  let lastValid: { value: T } | null = null;

  for (let round = 0; round < 3; round++) {
    const reply = await ask(turns);
    usage = addUsage(usage, reply.usage);
    if (reply.stop === 'refusal') throw new ModelError('the model declined the task');
    if (reply.stop === 'max_tokens') throw new ModelError('the model ran out of output tokens');
    const outcome = reply.text ? parseAgainst(request.schema, reply.text) : null;
    if (outcome?.ok) {
      lastValid = { value: outcome.value };
      const problems = request.review?.(outcome.value) ?? [];
      if (problems.length === 0 || checksRepaired) return { value: outcome.value, usage, repairRounds: round };
      checksRepaired = true;
      logger.info({ round, problems: problems.length, schema: request.schemaName }, 'answer failed checks; repair');
      turns.push(
        { role: 'assistant', content: JSON.stringify(outcome.value) },
        {
          role: 'user',
          content: fillTemplate(request.repair.checks, { PROBLEMS: problems.map((p) => `- ${p}`).join('\n') }),
        },
      );
      continue;
    }
    if (formatRepaired) break;
    formatRepaired = true;
    const problems = outcome?.problems ?? 'the answer held no JSON text';
    logger.warn({ round, problems: problems.slice(0, 500), schema: request.schemaName }, 'answer failed the schema');
    turns.push(
      { role: 'assistant', content: outcome?.raw || '(empty)' },
      { role: 'user', content: fillTemplate(request.repair.format, { PROBLEMS: problems }) },
    );
  }
  if (lastValid) return { value: lastValid.value, usage, repairRounds: 2 };
  throw new ModelError(`the model's answer failed the ${request.schemaName} schema twice`);
}
