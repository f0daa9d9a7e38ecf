import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { FeedFetchResult, FeedValidators } from './feed-fetch-result.js';
import type { FeedSink } from './feed-sink.js';
import type { FeedStore } from './feed-store.js';
import type { HostGate } from './host-gate.js';
import { createItemFilter } from './item-filter.js';
import { nextDigestAt, nextPollAt } from './next-poll-at.js';
import type { Locks } from './ports.js';
import { rememberSeen } from './seen-items.js';
import { type FeedItemsState, type FeedPollState, type FeedSubscription, ITEMS_LIMITS } from './subscription.js';
import { takeNewItems } from './take-new-items.js';

interface FeedPollSettings {
  intervalMs: number;
  itemsPerPoll: number;
  /** Failing this long pauses the feed. */
  pauseAfterMs: number;
}

export interface PollDeps {
  store: FeedStore;
  locks: Locks;
  fetchFeed(url: string, previous: FeedValidators | null): Promise<FeedFetchResult>;
  sink: FeedSink;
  hostGate: HostGate;
  logger: Logger;
  now(): number;
  random(): number;
  settings: FeedPollSettings;
  /** True once the scheduler is stopping: finish the item in hand, start no other. */
  stopping(): boolean;
}

/** An item that failed this many times in a row is dropped (logged), so it cannot block its feed. */
const MAX_DELIVERY_ATTEMPTS = 3;

const EMPTY_ITEMS: FeedItemsState = { seen: [], pending: [], digest: [], digestDueAt: null };

function failureSentence(error: unknown): string {
  return error instanceof UserError ? error.message : 'the feed could not be read';
}

/** Fetches the feed (conditionally), queues its new items, and records how the poll went. */
async function fetchAndQueue(
  deps: PollDeps,
  sub: FeedSubscription,
  poll: FeedPollState,
  items: FeedItemsState,
): Promise<{ poll: FeedPollState; items: FeedItemsState }> {
  const { now, settings } = deps;
  const started = now();
  const failed = (sentence: string, notBefore: string | null) => {
    const failures = poll.failures + 1;
    return {
      poll: {
        ...poll,
        lastPolledAt: started,
        failures,
        failingSince: poll.failingSince ?? started,
        lastError: sentence.slice(0, 500),
        nextPollAt: nextPollAt({
          now: now(),
          intervalMs: settings.intervalMs,
          notBefore,
          failures,
          random: deps.random,
        }),
      },
      items,
    };
  };
  let result: FeedFetchResult;
  try {
    result = await deps.hostGate(new URL(sub.feedUrl).hostname, () => deps.fetchFeed(sub.feedUrl, poll.validators));
  } catch (error) {
    deps.logger.info({ feed: sub.id, url: sub.feedUrl, err: error }, 'feed poll failed');
    return failed(failureSentence(error), null);
  }
  if (result.status === 'throttled') {
    return failed(`the server answered HTTP ${result.httpStatus} (asked to wait)`, result.notBefore);
  }
  const ok: FeedPollState = {
    validators: result.validators,
    lastPolledAt: started,
    failures: 0,
    failingSince: null,
    lastError: null,
    nextPollAt: nextPollAt({
      now: now(),
      intervalMs: settings.intervalMs,
      notBefore: result.notBefore,
      failures: 0,
      random: deps.random,
    }),
  };
  if (result.status === 'not-modified') return { poll: ok, items };

  const found = takeNewItems(result.parsed.items, new Set(items.seen), {
    keep: createItemFilter(sub),
    max: settings.itemsPerPoll,
  });
  const queued = [...items.pending, ...found.take.map((item) => ({ item, attempts: 0 }))];
  const dropped = Math.max(0, queued.length - ITEMS_LIMITS.maxPending);
  if (found.newKeys.length > 0) {
    deps.logger.info(
      {
        feed: sub.id,
        new: found.newKeys.length,
        queued: found.take.length,
        filteredOut: found.filteredOut,
        skipped: found.skipped,
        dropped,
      },
      'feed items found',
    );
  }
  return {
    poll: ok,
    items: {
      ...items,
      seen: rememberSeen(items.seen, found.newKeys, found.currentKeys),
      pending: queued.slice(dropped),
    },
  };
}

/** Hands queued items to the sink, oldest first, until the queue is empty or the sink says "later". */
async function deliverPending(deps: PollDeps, sub: FeedSubscription, items: FeedItemsState, held: () => boolean) {
  let state = items;
  while (state.pending.length > 0 && !deps.stopping() && held()) {
    const [next, ...rest] = state.pending as [FeedItemsState['pending'][number], ...FeedItemsState['pending']];
    const outcome = await deps.sink.deliver(sub, next.item).catch((error: unknown) => {
      deps.logger.error({ feed: sub.id, item: next.item.id, err: error }, 'feed item delivery failed');
      return { kind: 'failed' as const };
    });
    if (outcome.kind === 'later') break;
    if (outcome.kind === 'failed') {
      const attempts = next.attempts + 1;
      if (attempts < MAX_DELIVERY_ATTEMPTS) {
        state = { ...state, pending: [{ ...next, attempts }, ...rest] };
        await deps.store.setItems(sub.id, state);
        break;
      }
      deps.logger.warn({ feed: sub.id, item: next.item.id, attempts }, 'feed item dropped after repeated failures');
    }
    const digest =
      outcome.kind === 'collected' ? [...state.digest, outcome.entry].slice(-ITEMS_LIMITS.maxDigest) : state.digest;
    state = { ...state, pending: rest, digest };
    await deps.store.setItems(sub.id, state);
  }
  return state;
}

/** Posts the digest when its hour has come; returns when it is due next. */
async function postDigestIfDue(deps: PollDeps, sub: FeedSubscription, items: FeedItemsState): Promise<number | null> {
  const hour = sub.digestHourUtc;
  if (hour === null) return null;
  const now = deps.now();
  const due = items.digestDueAt ?? nextDigestAt(now, hour);
  if (now < due) {
    if (items.digestDueAt === null) await deps.store.setItems(sub.id, { ...items, digestDueAt: due });
    return due;
  }
  if (items.digest.length > 0) {
    const outcome = await deps.sink.postDigest(sub, items.digest, new Date(due).toISOString().slice(0, 10));
    if (outcome === 'later') return now + deps.settings.intervalMs;
  }
  const next = nextDigestAt(now, hour);
  await deps.store.setItems(sub.id, { ...items, digest: [], digestDueAt: next });
  return next;
}

/** After a day of failures the feed is paused, and its channel told, once. */
async function pauseIfFailingTooLong(deps: PollDeps, sub: FeedSubscription, poll: FeedPollState): Promise<boolean> {
  if (poll.failingSince === null || deps.now() - poll.failingSince < deps.settings.pauseAfterMs) return false;
  let changed = false;
  const paused = await deps.store.update(sub.id, (current) => {
    changed = current.paused === null;
    return changed ? { ...current, paused: 'failing' } : current;
  });
  if (paused && changed) {
    const since = new Date(poll.failingSince).toISOString().slice(0, 16).replace('T', ' ');
    deps.logger.warn({ feed: sub.id, url: sub.feedUrl, since, error: poll.lastError }, 'feed paused after failing');
    await deps.sink.notifyPaused(paused, `it has failed since ${since} UTC (${poll.lastError ?? 'no answer'})`);
  }
  return true;
}

/**
 * One turn of one feed, under its poll lease (so one process at a time): fetch it when it is due (or
 * `force`), queue its new items, deliver what is queued, post the digest when its hour has come.
 * Returns when the feed wants its next turn, or null when it no longer exists.
 */
export async function pollSubscription(deps: PollDeps, id: string, force = false): Promise<number | null> {
  const turn = await deps.locks.withLock(`feed-poll:${id}`, { waitMs: 0 }, async (lease) => {
    const sub = await deps.store.getSubscription(id);
    if (!sub) return null;
    const now = deps.now();
    if (sub.paused) return now + deps.settings.intervalMs;
    let poll = (await deps.store.getPoll(id)) ?? {
      validators: null,
      nextPollAt: now,
      lastPolledAt: null,
      failures: 0,
      failingSince: null,
      lastError: null,
    };
    let items = (await deps.store.getItems(id)) ?? EMPTY_ITEMS;
    if (force || poll.nextPollAt <= now) {
      const polled = await fetchAndQueue(deps, sub, poll, items);
      // An unchanged feed (304) or a failed poll leaves the items as they were: one write, not two.
      if (polled.items !== items) await deps.store.setItems(id, polled.items);
      ({ poll, items } = polled);
      await deps.store.setPoll(id, poll);
      if (await pauseIfFailingTooLong(deps, sub, poll)) return deps.now() + deps.settings.intervalMs;
    }
    items = await deliverPending(deps, sub, items, lease.held);
    const digestAt = await postDigestIfDue(deps, sub, items);
    return Math.min(poll.nextPollAt, digestAt ?? Number.POSITIVE_INFINITY);
  });
  // Another process holds the lease: it records when the feed is due next, so look again after an interval.
  return turn.held ? turn.value : deps.now() + deps.settings.intervalMs;
}
