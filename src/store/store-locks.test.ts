import { describe, expect, it } from 'vitest';
import { createLocks } from './store-locks.js';

describe('createLocks in one process', () => {
  it('lets one holder in at a time and tells a caller who will not wait that it is held', async () => {
    const locks = createLocks(null, 1_000);
    let release: () => void = () => {};
    const first = locks.withLock(
      'feed:a',
      { waitMs: 0 },
      () => new Promise<string>((r) => (release = () => r('first'))),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(await locks.withLock('feed:a', { waitMs: 0 }, async () => 'second')).toEqual({ held: false });
    expect(await locks.withLock('feed:b', { waitMs: 0 }, async () => 'other')).toEqual({ held: true, value: 'other' });
    const waiting = locks.withLock('feed:a', { waitMs: 2_000 }, async () => 'waited');
    release();
    expect(await first).toEqual({ held: true, value: 'first' });
    expect(await waiting).toEqual({ held: true, value: 'waited' });
  });

  it('frees the lock when the work throws', async () => {
    const locks = createLocks(null, 1_000);
    await expect(locks.withLock('x', { waitMs: 0 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await locks.withLock('x', { waitMs: 0 }, async () => 1)).toEqual({ held: true, value: 1 });
  });
});
