import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { createLogger } from '../logger.js';
import { createLocks } from '../store/store-locks.js';
import type { FeedFetchResult } from './feed-fetch-result.js';
import type { FeedItem } from './feed-schema.js';
import type { DeliveryOutcome, FeedSink } from './feed-sink.js';
import { createFeedStore } from './feed-store.js';
import { createHostGate } from './host-gate.js';
import { type PollDeps, pollSubscription } from './poll-subscription.js';
import { seenKey } from './seen-items.js';
import type { DigestEntry, FeedSubscription } from './subscription.js';

const HOUR = 3_600_000;
const item = (n: number): FeedItem => ({
  id: `item-${n}`,
  title: `Item ${n}`,
  url: `https://desk.example/${n}`,
  publishedAt: new Date(Date.UTC(2026, 10, 20, n)).toISOString(),
  summaryText: '',
  contentText: '',
});

function setup(subscription: Partial<FeedSubscription> = {}) {
  let clock = Date.UTC(2026, 10, 20, 9, 30);
  const locks = createLocks(null, 5_000);
  const store = createFeedStore(new Keyv(), locks);
  let answer: () => FeedFetchResult | Promise<FeedFetchResult> = () => ({
    status: 'not-modified',
    feedUrl: 'https://desk.example/feed',
    notBefore: null,
    validators: { etag: '"1"', lastModified: null },
  });
  const fetched: (string | null)[] = [];
  const delivered: string[] = [];
  const digests: { entries: DigestEntry[]; day: string }[] = [];
  const notices: string[] = [];
  let decide: (item: FeedItem) => DeliveryOutcome = () => ({ kind: 'done' });
  const sink: FeedSink = {
    async deliver(_sub, feedItem) {
      delivered.push(feedItem.id);
      return decide(feedItem);
    },
    async postDigest(_sub, entries, day) {
      digests.push({ entries, day });
      return 'posted';
    },
    async notifyPaused(_sub, reason) {
      notices.push(reason);
    },
  };
  const deps: PollDeps = {
    store,
    locks,
    fetchFeed: async (_url, previous) => {
      fetched.push(previous?.etag ?? null);
      return answer();
    },
    sink,
    hostGate: createHostGate(2),
    logger: createLogger('silent'),
    now: () => clock,
    random: () => 0,
    settings: { intervalMs: 300_000, itemsPerPoll: 10, pauseAfterMs: 24 * HOUR },
    stopping: () => false,
  };
  const sub: FeedSubscription = {
    id: 'abcde',
    guildId: '1',
    channelId: '2',
    channelKind: 'messages',
    givenUrl: 'https://desk.example/',
    feedUrl: 'https://desk.example/feed',
    title: 'Desk',
    include: [],
    exclude: [],
    mentionRoleId: null,
    length: null,
    digestHourUtc: null,
    paused: null,
    addedBy: '3',
    createdAt: new Date(clock).toISOString(),
    ...subscription,
  };
  return {
    deps,
    store,
    sub,
    fetched,
    delivered,
    digests,
    notices,
    feedOf(...numbers: number[]) {
      answer = () => ({
        status: 'fetched',
        feedUrl: sub.feedUrl,
        notBefore: null,
        validators: { etag: `"${numbers.join('-')}"`, lastModified: null },
        parsed: { feed: { title: 'Desk', url: 'https://desk.example/' }, items: numbers.map(item) },
      });
    },
    fail(error: Error) {
      answer = () => {
        throw error;
      };
    },
    decide(next: (item: FeedItem) => DeliveryOutcome) {
      decide = next;
    },
    advance(ms: number) {
      clock += ms;
    },
    async create(seen: number[] = []) {
      await store.create(
        sub,
        { validators: null, nextPollAt: clock, lastPolledAt: null, failures: 0, failingSince: null, lastError: null },
        { seen: seen.map((n) => seenKey(`item-${n}`)), pending: [], digest: [], digestDueAt: null },
      );
    },
  };
}

describe('pollSubscription', () => {
  it('delivers new items oldest first, once, and sends the validators back next time', async () => {
    const t = setup();
    await t.create([1]);
    t.feedOf(3, 2, 1);
    const next = await pollSubscription(t.deps, t.sub.id);
    expect(t.delivered).toEqual(['item-2', 'item-3']);
    expect(next).toBe(Date.UTC(2026, 10, 20, 9, 35));
    t.advance(300_000);
    await pollSubscription(t.deps, t.sub.id);
    expect(t.delivered).toEqual(['item-2', 'item-3']);
    expect(t.fetched).toEqual([null, '"3-2-1"']);
  });

  it('does not poll before the feed is due unless forced', async () => {
    const t = setup();
    await t.create();
    t.feedOf(1);
    await pollSubscription(t.deps, t.sub.id);
    await pollSubscription(t.deps, t.sub.id);
    expect(t.fetched).toHaveLength(1);
    await pollSubscription(t.deps, t.sub.id, true);
    expect(t.fetched).toHaveLength(2);
  });

  it('keeps an item the sink holds back, and delivers it at the next turn', async () => {
    const t = setup();
    await t.create();
    t.feedOf(2, 1);
    t.decide((i) => (i.id === 'item-2' ? { kind: 'later' } : { kind: 'done' }));
    await pollSubscription(t.deps, t.sub.id);
    expect(t.delivered).toEqual(['item-1', 'item-2']);
    t.decide(() => ({ kind: 'done' }));
    t.advance(300_000);
    await pollSubscription(t.deps, t.sub.id);
    expect(t.delivered).toEqual(['item-1', 'item-2', 'item-2']);
    expect((await t.store.getItems(t.sub.id))?.pending).toEqual([]);
  });

  it('tries a failing item three times, then drops it so the feed goes on', async () => {
    const t = setup();
    await t.create();
    t.feedOf(1);
    t.decide(() => ({ kind: 'failed' }));
    for (let turn = 0; turn < 4; turn++) {
      await pollSubscription(t.deps, t.sub.id, true);
    }
    expect(t.delivered).toEqual(['item-1', 'item-1', 'item-1']);
    expect((await t.store.getItems(t.sub.id))?.pending).toEqual([]);
  });

  it('backs off a failing feed, pauses it after a day, and tells the channel once', async () => {
    const t = setup();
    await t.create();
    t.fail(new UserError('FETCH_FAILED', 'desk.example answered with HTTP 500.'));
    const first = await pollSubscription(t.deps, t.sub.id);
    expect(first).toBe(Date.UTC(2026, 10, 20, 9, 40));
    t.advance(600_000);
    const second = await pollSubscription(t.deps, t.sub.id);
    expect(second).toBe(Date.UTC(2026, 10, 20, 10, 0));
    t.advance(24 * HOUR);
    await pollSubscription(t.deps, t.sub.id);
    expect((await t.store.getSubscription(t.sub.id))?.paused).toBe('failing');
    expect(t.notices).toEqual(['it has failed since 2026-11-20 09:30 UTC (desk.example answered with HTTP 500.)']);
    t.advance(24 * HOUR);
    await pollSubscription(t.deps, t.sub.id, true);
    expect(t.notices).toHaveLength(1);
    expect(t.fetched).toHaveLength(3);
  });

  it('forgets the failures once the feed answers again', async () => {
    const t = setup();
    await t.create();
    t.fail(new Error('socket hang up'));
    await pollSubscription(t.deps, t.sub.id);
    expect((await t.store.getPoll(t.sub.id))?.lastError).toBe('the feed could not be read');
    t.feedOf(1);
    await pollSubscription(t.deps, t.sub.id, true);
    expect(await t.store.getPoll(t.sub.id)).toMatchObject({ failures: 0, failingSince: null, lastError: null });
  });

  it('gathers a digest feed’s items and posts them once when its hour comes', async () => {
    const t = setup({ digestHourUtc: 18 });
    await t.create();
    t.feedOf(2, 1);
    const entry = (i: FeedItem): DigestEntry => ({
      title: i.title,
      outlet: null,
      line: '',
      briefKey: null,
      url: i.url,
    });
    t.decide((i) => ({ kind: 'collected', entry: entry(i) }));
    const next = await pollSubscription(t.deps, t.sub.id);
    expect(next).toBe(Date.UTC(2026, 10, 20, 9, 35));
    expect(t.digests).toEqual([]);
    t.advance(8.5 * HOUR);
    await pollSubscription(t.deps, t.sub.id);
    expect(t.digests).toEqual([{ day: '2026-11-20', entries: [entry(item(1)), entry(item(2))] }]);
    expect(await t.store.getItems(t.sub.id)).toMatchObject({ digest: [], digestDueAt: Date.UTC(2026, 10, 21, 18) });
    await pollSubscription(t.deps, t.sub.id, true);
    expect(t.digests).toHaveLength(1);
  });

  it('polls nothing for a paused feed and forgets a removed one', async () => {
    const t = setup({ paused: 'admin' });
    await t.create();
    await pollSubscription(t.deps, t.sub.id, true);
    expect(t.fetched).toEqual([]);
    await t.store.remove(t.sub);
    expect(await pollSubscription(t.deps, t.sub.id, true)).toBeNull();
  });
});
