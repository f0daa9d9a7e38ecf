import type { FeedStore } from './feed-store.js';
import type { Locks } from './ports.js';

export interface PostOnceDeps {
  store: FeedStore;
  locks: Locks;
  now: () => number;
  /**
   * How long after "posting" was recorded the post may still land (its request in flight when the
   * process died). Until then nobody else decides whether it did.
   */
  landingWindowMs: number;
}

export interface PostOnceIo {
  /** Looks through the channel's recent posts for this one (by its marker); the message id, or null. */
  find(): Promise<string | null>;
  /** Posts; resolves with the new message's id. */
  post(): Promise<string>;
}

/** posted: by this call · already-posted: before (perhaps by a process that died before recording it) · in-flight: decide later */
export type PostOnceOutcome = 'posted' | 'already-posted' | 'in-flight';

/**
 * Posts something to a channel at most once, across restarts, SIGKILLs and processes. The protocol:
 *
 * 1. Take the lock `post:<channel>:<key>` (waiting for nobody): one process at a time decides about
 *    one post. Its holder renews it while alive; if it dies the lock expires.
 * 2. Read the record `feed:post:<channel>:<key>`:
 *    - "posted" (with the message id): done, never post again.
 *    - "posting" whose deadline is still ahead: a post may be in flight, from a process that died or
 *      lost its lock mid-request. Do nothing now; the caller keeps the item and tries again later.
 *    - "posting" whose deadline has passed: a process died between posting and recording. Look at
 *      the channel's recent messages for the post's marker (`io.find`). Found: record "posted" with
 *      that message, done. Not found: the post never landed; go on as for no record.
 *    - none: go on.
 * 3. Record "posting" with a deadline (now + landing window), then post, then record "posted" with
 *    the new message's id. A post that throws leaves "posting": whether it landed is unknown, so the
 *    next attempt waits for the deadline and looks before posting again.
 *
 * A crash before step 3's "posting" leaves nothing to recover; one after the post but before "posted"
 * is found by the look in step 2. So each post is made once, provided the marker is on the message
 * and the message is still among the channel's recent ones when the deadline passes.
 */
export async function postOnce(
  deps: PostOnceDeps,
  target: { channelId: string; key: string },
  io: PostOnceIo,
): Promise<PostOnceOutcome> {
  const { store, now } = deps;
  const result = await deps.locks.withLock(`post:${target.channelId}:${target.key}`, { waitMs: 0 }, async (lease) => {
    const record = await store.getPost(target.channelId, target.key);
    if (record?.state === 'posted') return 'already-posted';
    if (record?.state === 'posting') {
      if (record.until > now()) return 'in-flight';
      const found = await io.find();
      if (found) {
        await store.setPost(target.channelId, target.key, { state: 'posted', messageId: found, at: now() });
        return 'already-posted';
      }
    }
    if (!lease.held()) return 'in-flight';
    await store.setPost(target.channelId, target.key, { state: 'posting', until: now() + deps.landingWindowMs });
    const messageId = await io.post();
    await store.setPost(target.channelId, target.key, { state: 'posted', messageId, at: now() });
    return 'posted';
  });
  return result.held ? result.value : 'in-flight';
}
