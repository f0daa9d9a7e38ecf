import type { PipelineObserver } from '../brief/ports.js';
import { UserError, type UserErrorCode } from '../errors.js';
import type { FeedFetchResult } from '../feeds/feed-fetch-result.js';

/** How a door's brief ended: shown (made by which engine), refused with a UserError's code, or failed. */
export type DoorOutcome =
  | { outcome: 'delivered'; engine: string }
  | { outcome: 'refused'; reason: UserErrorCode }
  | { outcome: 'failed' };

/** One feed poll: the status fetchFeed returned, or 'failed' when it threw. */
type FeedPollStatus = FeedFetchResult['status'] | 'failed';

/**
 * What the bot counts. Every method returns at once (a counter increment), so callers on the hot
 * path pay nothing measurable; with metrics off every method does nothing.
 */
export interface BotMetrics {
  /** Handed to the pipeline as its observer; undefined when metrics are off. */
  pipeline: PipelineObserver | undefined;
  /** A door's brief ended; `door` is a DoorName, `ms` the time from the ask to the answer. */
  door(door: string, outcome: DoorOutcome, ms: number): void;
  /** The feeds scheduler calls this once per poll. */
  feedPoll(status: FeedPollStatus): void;
}

export const NO_METRICS: BotMetrics = { pipeline: undefined, door() {}, feedPoll() {} };

/** A failed door's outcome: a refusal with its code when the error is one we raised for the user. */
export function outcomeOf(error: unknown): DoorOutcome {
  return error instanceof UserError ? { outcome: 'refused', reason: error.code } : { outcome: 'failed' };
}
