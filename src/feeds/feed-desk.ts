import { randomInt } from 'node:crypto';
import type { BriefLength } from '../brief/schema.js';
import { UserError } from '../errors.js';
import type { FeedFetchResult, FeedValidators } from './feed-fetch-result.js';
import type { FeedItem, ParsedFeed } from './feed-schema.js';
import type { FeedStore } from './feed-store.js';
import { parseFilterTerms } from './item-filter.js';
import { nextPollAt } from './next-poll-at.js';
import { seenKey } from './seen-items.js';
import { FEED_ID_ALPHABET, type FeedItemsState, type FeedSubscription, ITEMS_LIMITS } from './subscription.js';

interface NewFeed {
  guildId: string;
  channelId: string;
  channelKind: FeedSubscription['channelKind'];
  /** A feed's address, or a site's that announces one. */
  url: string;
  /** Comma-separated words, as the admin typed them. */
  include?: string | undefined;
  exclude?: string | undefined;
  mentionRoleId?: string | null | undefined;
  length?: BriefLength | null | undefined;
  digestHourUtc?: number | null | undefined;
  addedBy: string;
}

export interface FeedDeskDeps {
  store: FeedStore;
  fetchFeed(url: string, previous: FeedValidators | null): Promise<FeedFetchResult>;
  /** Told when a feed is removed, so this process stops polling it at once. */
  forget(id: string): void;
  now(): number;
  random(): number;
  settings: { perGuild: number; intervalMs: number };
}

/** What admins do with feeds; the Discord commands call these and render the answers. */
export interface FeedDesk {
  /** Feeds one server may follow. */
  readonly perGuild: number;
  /** Follows a feed in a channel; its current items count as seen, so only later ones are posted. */
  add(input: NewFeed): Promise<{ subscription: FeedSubscription; itemCount: number }>;
  list(guildId: string): Promise<FeedSubscription[]>;
  /** One of a server's feeds by its id or address; a UserError when there is none. */
  find(guildId: string, ref: string): Promise<FeedSubscription>;
  remove(guildId: string, ref: string): Promise<FeedSubscription>;
  pause(guildId: string, ref: string): Promise<FeedSubscription>;
  /** Resumes from now: items published while the feed was paused are marked seen, not posted. */
  resume(guildId: string, ref: string): Promise<{ subscription: FeedSubscription; itemCount: number }>;
  /** The newest item of a followed feed (by id or address) or of any feed or site address. */
  newestItem(
    guildId: string,
    ref: string,
  ): Promise<{ feedTitle: string; item: FeedItem | null; subscription: FeedSubscription | null }>;
}

function newId(): string {
  return Array.from({ length: 5 }, () => FEED_ID_ALPHABET[randomInt(FEED_ID_ALPHABET.length)]).join('');
}

const looksLikeAddress = (ref: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);

/** The newest item by date, else the feed's first (feeds list newest first). */
export function newestOf(items: FeedItem[]): FeedItem | null {
  const dated = items.filter((item) => item.publishedAt);
  if (dated.length === 0) return items[0] ?? null;
  return dated.reduce((a, b) => (Date.parse(b.publishedAt ?? '') > Date.parse(a.publishedAt ?? '') ? b : a));
}

export function createFeedDesk(deps: FeedDeskDeps): FeedDesk {
  const { store } = deps;

  /** Reads the whole feed now (no validators), as a fresh start needs. */
  const readWhole = async (url: string): Promise<Extract<FeedFetchResult, { status: 'fetched' }>> => {
    const result = await deps.fetchFeed(url, null);
    if (result.status !== 'fetched') {
      throw new UserError(
        'FETCH_FAILED',
        `${new URL(result.feedUrl).hostname} asked to be polled later; try again in a while.`,
      );
    }
    return result;
  };
  const baseline = (parsed: ParsedFeed): FeedItemsState => ({
    seen: [...new Set(parsed.items.map((item) => seenKey(item.id)))].slice(-ITEMS_LIMITS.maxSeen),
    pending: [],
    digest: [],
    digestDueAt: null,
  });
  const firstPoll = (result: Extract<FeedFetchResult, { status: 'fetched' }>) => ({
    validators: result.validators,
    nextPollAt: nextPollAt({
      now: deps.now(),
      intervalMs: deps.settings.intervalMs,
      notBefore: result.notBefore,
      failures: 0,
      random: deps.random,
    }),
    lastPolledAt: deps.now(),
    failures: 0,
    failingSince: null,
    lastError: null,
  });

  const find = async (guildId: string, ref: string) => {
    const wanted = ref.trim();
    const feeds = await store.listGuild(guildId);
    const found = feeds.find(
      (sub) => sub.id === wanted.toLowerCase() || sub.feedUrl === wanted || sub.givenUrl === wanted,
    );
    if (!found)
      throw new UserError('BAD_INPUT', `This server follows no feed with the id or address “${wanted.slice(0, 100)}”.`);
    return found;
  };
  const setPaused = async (sub: FeedSubscription, paused: FeedSubscription['paused']) => {
    const updated = await store.update(sub.id, (current) => ({ ...current, paused }));
    if (!updated) throw new UserError('BAD_INPUT', 'That feed was just removed.');
    return updated;
  };

  return {
    perGuild: deps.settings.perGuild,
    async add(input) {
      const include = parseFilterTerms(input.include, 'include');
      const exclude = parseFilterTerms(input.exclude, 'exclude');
      const existing = await store.listGuild(input.guildId);
      if (existing.length >= deps.settings.perGuild) {
        throw new UserError(
          'RATE_LIMITED',
          `This server already follows ${existing.length} feeds, the most it may; remove one first.`,
        );
      }
      const result = await readWhole(input.url.trim());
      const twin = existing.find((sub) => sub.feedUrl === result.feedUrl && sub.channelId === input.channelId);
      if (twin) throw new UserError('BAD_INPUT', `That feed already posts in this channel (feed ${twin.id}).`);
      let id = newId();
      while (await store.getSubscription(id)) id = newId();
      const subscription: FeedSubscription = {
        id,
        guildId: input.guildId,
        channelId: input.channelId,
        channelKind: input.channelKind,
        givenUrl: input.url.trim(),
        feedUrl: result.feedUrl,
        title: result.parsed.feed.title || new URL(result.feedUrl).hostname,
        include,
        exclude,
        mentionRoleId: input.mentionRoleId ?? null,
        length: input.length ?? null,
        digestHourUtc: input.digestHourUtc ?? null,
        paused: null,
        addedBy: input.addedBy,
        createdAt: new Date(deps.now()).toISOString(),
      };
      await store.create(subscription, firstPoll(result), baseline(result.parsed));
      return { subscription, itemCount: result.parsed.items.length };
    },
    list: (guildId) => store.listGuild(guildId),
    find,
    async remove(guildId, ref) {
      const sub = await find(guildId, ref);
      await store.remove(sub);
      deps.forget(sub.id);
      return sub;
    },
    async pause(guildId, ref) {
      return setPaused(await find(guildId, ref), 'admin');
    },
    async resume(guildId, ref) {
      const sub = await find(guildId, ref);
      const result = await readWhole(sub.feedUrl);
      await store.setItems(sub.id, {
        ...baseline(result.parsed),
        digest: (await store.getItems(sub.id))?.digest ?? [],
      });
      await store.setPoll(sub.id, firstPoll(result));
      return { subscription: await setPaused(sub, null), itemCount: result.parsed.items.length };
    },
    async newestItem(guildId, ref) {
      const subscription = looksLikeAddress(ref.trim()) ? null : await find(guildId, ref);
      const result = await readWhole(subscription?.feedUrl ?? ref.trim());
      return { feedTitle: result.parsed.feed.title, item: newestOf(result.parsed.items), subscription };
    },
  };
}
