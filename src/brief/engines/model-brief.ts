import { type BriefDraft, BriefDraftSchema } from '../draft-schema.js';
import type { ExtractedArticle } from '../schema.js';
import type { DraftOptions, DraftResult } from './engine.js';
import type { Prompts } from './load-prompts.js';
import { type StructuredRequest, type StructuredResult, taskFor } from './model-conversation.js';

/** A brief asked of a model: the brief prompts, the draft schema, the checks as the review. */
function briefRequest(
  prompts: Prompts,
  article: ExtractedArticle,
  options: DraftOptions,
): StructuredRequest<BriefDraft> {
  return {
    system: prompts.system,
    task: taskFor(prompts, article, options),
    schema: BriefDraftSchema,
    schemaName: 'brief',
    repair: { format: prompts.repair, checks: prompts.repairChecks },
    ...(options.review ? { review: options.review } : {}),
    deadlineAt: options.deadlineAt,
  };
}

/** A model engine's brief: its structured answer to the brief request. */
export async function draftWithModel(
  structured: (request: StructuredRequest<BriefDraft>) => Promise<StructuredResult<BriefDraft>>,
  prompts: Prompts,
  article: ExtractedArticle,
  options: DraftOptions,
): Promise<DraftResult> {
  const { value, usage, repairRounds } = await structured(briefRequest(prompts, article, options));
  return { draft: value, usage, repairRounds };
}
