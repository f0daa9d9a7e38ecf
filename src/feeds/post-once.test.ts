import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createLocks } from '../store/store-locks.js';
import { createFeedStore } from './feed-store.js';
import { postOnce } from './post-once.js';

function setup() {
  let clock = 1_000_000;
  const locks = createLocks(null, 5_000);
  const store = createFeedStore(new Keyv(), locks);
  const channel: { id: string; marker: string }[] = [];
  let posts = 0;
  const deps = { store, locks, now: () => clock, landingWindowMs: 10_000 };
  const io = (marker: string, failAfterPosting = false) => ({
    find: async () => channel.find((m) => m.marker === marker)?.id ?? null,
    post: async () => {
      posts++;
      const id = `m${posts}`;
      channel.push({ id, marker });
      if (failAfterPosting) throw new Error('killed before recording');
      return id;
    },
  });
  return {
    deps,
    store,
    io,
    channel,
    posts: () => posts,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const target = { channelId: '42', key: 'brief:abc' };

describe('postOnce', () => {
  it('posts once and then reports the post as made', async () => {
    const t = setup();
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('posted');
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('already-posted');
    expect(t.posts()).toBe(1);
    expect(await t.store.getPost('42', 'brief:abc')).toMatchObject({ state: 'posted', messageId: 'm1' });
  });

  it('after a crash between posting and recording, waits for the deadline, finds the post and does not repeat it', async () => {
    const t = setup();
    await expect(postOnce(t.deps, target, t.io('abc', true))).rejects.toThrow('killed before recording');
    expect(await t.store.getPost('42', 'brief:abc')).toMatchObject({ state: 'posting' });
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('in-flight');
    t.advance(10_001);
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('already-posted');
    expect(t.posts()).toBe(1);
    expect(await t.store.getPost('42', 'brief:abc')).toMatchObject({ state: 'posted', messageId: 'm1' });
  });

  it('posts again when the post of a crashed attempt never landed', async () => {
    const t = setup();
    await t.store.setPost('42', 'brief:abc', { state: 'posting', until: 999_000 });
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('posted');
    expect(t.channel).toHaveLength(1);
  });

  it('keeps posts to other channels and keys apart', async () => {
    const t = setup();
    expect(await postOnce(t.deps, target, t.io('abc'))).toBe('posted');
    expect(await postOnce(t.deps, { channelId: '43', key: 'brief:abc' }, t.io('abc'))).toBe('posted');
    expect(await postOnce(t.deps, { channelId: '42', key: 'brief:def' }, t.io('def'))).toBe('posted');
    expect(t.posts()).toBe(3);
  });

  it('lets only one of two concurrent attempts post', async () => {
    const t = setup();
    const outcomes = await Promise.all([postOnce(t.deps, target, t.io('abc')), postOnce(t.deps, target, t.io('abc'))]);
    expect(outcomes.sort()).toEqual(['in-flight', 'posted']);
    expect(t.posts()).toBe(1);
  });
});
