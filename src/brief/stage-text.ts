import type { BriefStage, SlowModel } from './make-brief.js';

const STAGES: Record<Exclude<BriefStage, 'model-slow'>, string> = {
  fetching: 'Fetching the page…',
  reading: 'Reading the article…',
  summarizing: 'Summarizing…',
};

/**
 * The progress line for a stage, for any door. `when` renders the model's deadline in the door's own
 * way (seconds left on a terminal, a live relative timestamp in Discord).
 */
export function stageText(stage: BriefStage, slow: SlowModel | undefined, when: (at: number) => string): string {
  if (stage !== 'model-slow') return STAGES[stage];
  const after = slow?.fallback
    ? `an offline brief follows if it has not answered ${when(slow.deadlineAt)}`
    : `Sitrep gives up ${when(slow?.deadlineAt ?? Date.now())}`;
  return `The model is slow to answer; ${after}.`;
}
