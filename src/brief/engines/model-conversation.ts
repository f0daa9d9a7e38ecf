import { randomBytes } from 'node:crypto';
import type { Logger } from '../../logger.js';
import { type BriefDraft, BriefDraftSchema, type BriefLength } from '../draft-schema.js';
import type { ExtractedArticle } from '../schema.js';
import {
  addUsage,
  type DraftOptions,
  type DraftResult,
  LENGTH_LIMITS,
  ModelError,
  NO_USAGE,
  type TokenUsage,
} from './engine.js';
import { fillTemplate, type Prompts } from './load-prompts.js';

/** One turn of the conversation with a model, in no provider's format. */
export interface ModelTurn {
  role: 'user' | 'assistant';
  content: string;
}

export type ParseOutcome = { ok: true; draft: BriefDraft } | { ok: false; raw: string; problems: string };

export interface ModelReply {
  /** The answer's text parsed against the brief schema (null when it held no text). */
  outcome: ParseOutcome | null;
  usage: TokenUsage;
  stop: 'done' | 'refusal' | 'max_tokens';
}

/** Sends the conversation so far (after the system prompt) and returns the model's answer. */
export type AskModel = (turns: ModelTurn[]) => Promise<ModelReply>;

function lengthGuidance(length: BriefLength): string {
  const { sentences, claims } = LENGTH_LIMITS[length];
  const range = length === 'short' ? `${sentences}` : `${sentences - 2} to ${sentences}`;
  return `${length}, ${range} summary sentences, at most ${claims} claims`;
}

/** The task turn: length, language, source facts, and the article inside an element named with a fresh nonce. */
export function taskFor(prompts: Prompts, article: ExtractedArticle, options: DraftOptions): string {
  return fillTemplate(prompts.task, {
    LENGTH_GUIDANCE: lengthGuidance(options.length),
    LANGUAGE: options.language,
    SOURCE_CONTEXT: options.sourceContext,
    NONCE: randomBytes(6).toString('hex'),
    ARTICLE_TEXT: article.text,
  });
}

/** A model's answer text checked against the brief schema (lengths included), never thrown. */
export function parseDraft(text: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, raw: text, problems: 'the answer is not valid JSON' };
  }
  const parsed = BriefDraftSchema.safeParse(json);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('\n');
  return { ok: false, raw: text, problems };
}

/**
 * The conversation every model engine has: ask, then at most one repair round for an answer that
 * fails the schema and one for a draft that fails Sitrep's checks (so at most three calls). A draft
 * that passed the schema before a failed repair beats none; the checks still run on it.
 */
export async function draftWithRepairs(
  ask: AskModel,
  task: string,
  prompts: Prompts,
  review: DraftOptions['review'],
  logger: Logger,
): Promise<DraftResult> {
  const turns: ModelTurn[] = [{ role: 'user', content: task }];
  let usage: TokenUsage = NO_USAGE;
  let formatRepaired = false;
  let checksRepaired = false;
  let lastValid: BriefDraft | null = null;

  for (let round = 0; round < 3; round++) {
    const reply = await ask(turns);
    usage = addUsage(usage, reply.usage);
    if (reply.stop === 'refusal') throw new ModelError('the model declined to brief this article');
    if (reply.stop === 'max_tokens') throw new ModelError('the model ran out of output tokens');
    const outcome = reply.outcome;
    if (outcome?.ok) {
      lastValid = outcome.draft;
      const problems = review?.(outcome.draft) ?? [];
      if (problems.length === 0 || checksRepaired) return { draft: outcome.draft, usage, repairRounds: round };
      checksRepaired = true;
      logger.info({ round, problems: problems.length }, 'brief failed checks; asking for a repair');
      turns.push(
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
    turns.push(
      { role: 'assistant', content: outcome?.raw || '(empty)' },
      { role: 'user', content: fillTemplate(prompts.repair, { PROBLEMS: problems }) },
    );
  }
  if (lastValid) return { draft: lastValid, usage, repairRounds: 2 };
  throw new ModelError('the model output failed the brief schema twice');
}
