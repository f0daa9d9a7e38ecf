import { type PollDeps, pollSubscription } from './poll-subscription.js';

export interface FeedScheduler {
  start(): void;
  /** Starts no new poll; resolves once the polls in flight have finished the item in hand. */
  stop(): Promise<void>;
  /** Polls a feed now, whatever its schedule (a new or resumed feed, or a test), and resolves when done. */
  pollNow(id: string): Promise<void>;
  /** Forgets a removed feed at once (other processes drop it at their next look at the index). */
  forget(id: string): void;
}

export interface SchedulerOptions {
  /** Polls in flight at once in this process. */
  pollConcurrency: number;
  /** How often the schedule is checked for due feeds. */
  tickMs?: number;
  /** How often the index of feeds is read again, to see feeds added or removed by other processes. */
  refreshMs?: number;
}

/**
 * One per process. Keeps every feed's next turn in memory, polls the due ones (a bounded number at a
 * time, each under its lease, so with several processes each feed is polled by one), and reads the
 * index of feeds again every so often. Feeds first seen by this process get a random start within an
 * interval (or 30 s), so a restart does not poll them all at once.
 */
export function createFeedScheduler(deps: Omit<PollDeps, 'stopping'>, options: SchedulerOptions): FeedScheduler {
  const { intervalMs } = deps.settings;
  const tickMs = options.tickMs ?? Math.min(1_000, intervalMs / 4);
  const refreshMs = options.refreshMs ?? Math.min(intervalMs, 60_000);
  const due = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let refreshedAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;
  const pollDeps: PollDeps = { ...deps, stopping: () => stopping };

  const refresh = async () => {
    const ids = await deps.store.listAllIds();
    const listed = new Set(ids);
    for (const id of due.keys()) if (!listed.has(id)) due.delete(id);
    const spread = Math.min(intervalMs, 30_000);
    for (const id of ids) {
      if (due.has(id)) continue;
      const stored = (await deps.store.getPoll(id))?.nextPollAt ?? deps.now();
      due.set(id, Math.max(stored, deps.now() + deps.random() * spread));
    }
    refreshedAt = deps.now();
  };

  const launch = (id: string, force: boolean): Promise<void> => {
    const poll = pollSubscription(pollDeps, id, force)
      .then((next) => {
        if (next === null) due.delete(id);
        else if (due.has(id) || force) due.set(id, next);
      })
      .catch((error: unknown) => {
        deps.logger.error({ feed: id, err: error }, 'feed turn failed');
        due.set(id, deps.now() + intervalMs);
      })
      .finally(() => {
        running.delete(id);
        // A slot is free: the next due feed need not wait for the next tick.
        launchDue();
      });
    running.set(id, poll);
    return poll;
  };

  function launchDue() {
    if (stopping) return;
    const now = deps.now();
    for (const [id, at] of due) {
      if (running.size >= options.pollConcurrency) break;
      if (at <= now && !running.has(id)) void launch(id, false);
    }
  }

  const tick = () => {
    if (stopping) return;
    if (!refreshing && deps.now() - refreshedAt >= refreshMs) {
      refreshing = refresh()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'could not read the feed index'))
        .finally(() => {
          refreshing = undefined;
        });
    }
    launchDue();
  };

  return {
    start() {
      timer ??= setInterval(tick, tickMs);
      tick();
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      await refreshing;
      await Promise.allSettled([...running.values()]);
    },
    async pollNow(id) {
      for (let turn = running.get(id); turn; turn = running.get(id)) await turn;
      if (stopping) return;
      await launch(id, true);
    },
    forget(id) {
      due.delete(id);
    },
  };
}
