import type Keyv from 'keyv';
import { z } from 'zod';
import type { Locks } from './ports.js';
import {
  type FeedItemsState,
  FeedItemsStateSchema,
  type FeedPollState,
  FeedPollStateSchema,
  type FeedSubscription,
  FeedSubscriptionSchema,
} from './subscription.js';

/**
 * What a channel knows about one post (see post-once.ts for the protocol that writes it). A link
 * posted inside another post is recorded as posted with that post's key in place of a message id.
 */
const PostRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('posting'), until: z.number() }),
  z.object({ state: z.literal('posted'), messageId: z.string(), at: z.number() }),
]);
type PostRecord = z.infer<typeof PostRecordSchema>;

/**
 * A story's first post in a channel, where later items of the story go as replies: a message (a
 * thread is opened on it for the first reply) or a forum post (already a thread, with its own id).
 */
const StoryPostRecordSchema = z.object({
  messageId: z.string(),
  /** The thread replies go into; null until the first reply opens one on the message. */
  threadId: z.string().nullable(),
  /** The first post's headline, which names a thread opened on it. */
  headline: z.string(),
});
export type StoryPostRecord = z.infer<typeof StoryPostRecordSchema>;

/** Posts are remembered a month: longer than any feed keeps an item. */
const POST_RECORD_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const INDEX_WAIT_MS = 10_000;

export interface FeedStore {
  getSubscription(id: string): Promise<FeedSubscription | undefined>;
  /** A server's feeds, in the order they were added. */
  listGuild(guildId: string): Promise<FeedSubscription[]>;
  /** Every feed of every server: what the schedulers poll. */
  listAllIds(): Promise<string[]>;
  /** Saves a new feed with its first poll and item records, then lists it for its server and the schedulers. */
  create(subscription: FeedSubscription, poll: FeedPollState, items: FeedItemsState): Promise<void>;
  /** Changes a feed under its lock; the change sees the latest version. Undefined when it is gone. */
  update(id: string, change: (current: FeedSubscription) => FeedSubscription): Promise<FeedSubscription | undefined>;
  remove(subscription: FeedSubscription): Promise<void>;
  getPoll(id: string): Promise<FeedPollState | undefined>;
  setPoll(id: string, poll: FeedPollState): Promise<void>;
  getItems(id: string): Promise<FeedItemsState | undefined>;
  setItems(id: string, items: FeedItemsState): Promise<void>;
  getPost(channelId: string, postKey: string): Promise<PostRecord | undefined>;
  setPost(channelId: string, postKey: string, record: PostRecord): Promise<void>;
  getStoryPost(channelId: string, storyId: string): Promise<StoryPostRecord | undefined>;
  /** Records a story's first post in a channel; null forgets it (the post is gone). */
  setStoryPost(channelId: string, storyId: string, record: StoryPostRecord | null): Promise<void>;
}

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/**
 * Feeds in the shared keyv store (SQLite or Redis). Lists that several processes may change (a
 * server's feeds, the index of all feeds, a feed's settings) change only under a lock; poll and item
 * records are written by whoever holds the feed's poll lease. Damaged records read as absent.
 */
export function createFeedStore(keyv: Keyv, locks: Locks): FeedStore {
  const read = async <T>(key: string, schema: Schema<T>): Promise<T | undefined> => {
    const value = await keyv.get(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const ids = z.array(z.string());
  const underLock = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const result = await locks.withLock(name, { waitMs: INDEX_WAIT_MS }, work);
    if (!result.held) throw new Error(`lock ${name} stayed busy`);
    return result.value;
  };
  const changeList = (key: string, change: (list: string[]) => string[]) =>
    underLock(key, async () => {
      await keyv.set(key, change((await read(key, ids)) ?? []));
    });

  return {
    getSubscription: (id) => read(`feed:sub:${id}`, FeedSubscriptionSchema),
    async listGuild(guildId) {
      const list = (await read(`feed:guild:${guildId}`, ids)) ?? [];
      const found = await Promise.all(list.map((id) => read(`feed:sub:${id}`, FeedSubscriptionSchema)));
      return found.filter((sub): sub is FeedSubscription => sub !== undefined);
    },
    listAllIds: async () => (await read('feed:index', ids)) ?? [],
    async create(subscription, poll, items) {
      const { id, guildId } = subscription;
      await keyv.set(`feed:poll:${id}`, poll);
      await keyv.set(`feed:items:${id}`, items);
      await keyv.set(`feed:sub:${id}`, subscription);
      await changeList(`feed:guild:${guildId}`, (list) => [...list.filter((x) => x !== id), id]);
      await changeList('feed:index', (list) => [...list.filter((x) => x !== id), id]);
    },
    update: (id, change) =>
      underLock(`feed:sub:${id}`, async () => {
        const current = await read(`feed:sub:${id}`, FeedSubscriptionSchema);
        if (!current) return undefined;
        const next = FeedSubscriptionSchema.parse(change(current));
        await keyv.set(`feed:sub:${id}`, next);
        return next;
      }),
    async remove({ id, guildId }) {
      await changeList('feed:index', (list) => list.filter((x) => x !== id));
      await changeList(`feed:guild:${guildId}`, (list) => list.filter((x) => x !== id));
      await underLock(`feed:sub:${id}`, () => keyv.delete([`feed:sub:${id}`, `feed:poll:${id}`, `feed:items:${id}`]));
    },
    getPoll: (id) => read(`feed:poll:${id}`, FeedPollStateSchema),
    setPoll: async (id, poll) => {
      await keyv.set(`feed:poll:${id}`, poll);
    },
    getItems: (id) => read(`feed:items:${id}`, FeedItemsStateSchema),
    setItems: async (id, items) => {
      await keyv.set(`feed:items:${id}`, items);
    },
    getPost: (channelId, postKey) => read(`feed:post:${channelId}:${postKey}`, PostRecordSchema),
    setPost: async (channelId, postKey, record) => {
      await keyv.set(`feed:post:${channelId}:${postKey}`, record, POST_RECORD_TTL_MS);
    },
    getStoryPost: (channelId, storyId) => read(`feed:story:${channelId}:${storyId}`, StoryPostRecordSchema),
    setStoryPost: async (channelId, storyId, record) => {
      const key = `feed:story:${channelId}:${storyId}`;
      if (record) await keyv.set(key, record, POST_RECORD_TTL_MS);
      else await keyv.delete(key);
    },
  };
}
