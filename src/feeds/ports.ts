/**
 * What src/feeds needs from outside itself, declared here so that it depends on no particular store:
 * src/store implements these (in one process, or across every process sharing Redis).
 */

export interface Lease {
  /** False once the lock was lost (its renewal failed): stop before the next side effect. */
  held(): boolean;
}

type LockResult<T> = { held: true; value: T } | { held: false };

export interface Locks {
  /**
   * Runs `work` holding the named lock, renewed while it runs. A holder that dies lets it expire, so
   * the lock moves to the next process that asks. Gives up (held: false) after `waitMs`.
   */
  withLock<T>(name: string, options: { waitMs: number }, work: (lease: Lease) => Promise<T>): Promise<LockResult<T>>;
}
