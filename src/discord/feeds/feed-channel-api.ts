import type { REST } from 'discord.js';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIMessage,
  type APIThreadChannel,
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
} from 'discord.js';

/** A message as Discord's API takes it: mentions always listed explicitly. */
export interface FeedMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: []; roles?: string[] };
}

/** How many recent posts are searched for one whose fate was not recorded. */
const RECENT_MESSAGES = 50;
const RECENT_FORUM_POSTS = 25;
/** A story's thread archives after three days without a reply, as long as a story stays open to new reports. */
const THREAD_ARCHIVE_MINUTES = 4320;

/**
 * The few REST calls feeds need, straight to Discord's API: any process may post to any channel, not
 * only to guilds of its own shards (whose channels alone are in its cache).
 */
export interface FeedChannelApi {
  /** Posts a message; its id. */
  send(channelId: string, message: FeedMessage): Promise<string>;
  /** Opens a forum post (a thread with its first message); the thread's id, which is also that message's. */
  openForumPost(channelId: string, title: string, message: FeedMessage): Promise<string>;
  /** Opens a thread on a message (or finds the one already there); the thread's id. */
  openThread(channelId: string, messageId: string, name: string): Promise<string>;
  /** The id of a recent message of the bot in the channel (or thread) that carries `marker`, or null. */
  findMessage(channelId: string, marker: string): Promise<string | null>;
  /** The id of a recent post of the bot in the forum whose first message carries `marker`, or null. */
  findForumPost(guildId: string, channelId: string, marker: string): Promise<string | null>;
}

/** Whether a message carries the marker in its embeds or components (a cache key, a link, a footer). */
function carries(message: APIMessage, marker: string): boolean {
  const needle = JSON.stringify(marker).slice(1, -1);
  return JSON.stringify([message.embeds, message.components ?? []]).includes(needle);
}

export function createFeedChannelApi(rest: REST, botUserId: () => string | undefined): FeedChannelApi {
  const mine = (message: APIMessage) => message.author?.id === botUserId();
  return {
    async send(channelId, message) {
      const sent = (await rest.post(Routes.channelMessages(channelId), { body: message })) as APIMessage;
      return sent.id;
    },
    async openForumPost(channelId, title, message) {
      const thread = (await rest.post(Routes.threads(channelId), {
        body: { name: title, message },
      })) as APIThreadChannel;
      return thread.id;
    },
    async openThread(channelId, messageId, name) {
      try {
        const thread = (await rest.post(Routes.threads(channelId, messageId), {
          body: { name, auto_archive_duration: THREAD_ARCHIVE_MINUTES },
        })) as APIThreadChannel;
        return thread.id;
      } catch (error) {
        // A thread started on a message has the message's id: the one already there is that one.
        if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
          return messageId;
        }
        throw error;
      }
    },
    async findMessage(channelId, marker) {
      const recent = (await rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
      })) as APIMessage[];
      return recent.find((message) => mine(message) && carries(message, marker))?.id ?? null;
    },
    async findForumPost(guildId, channelId, marker) {
      const { threads } = (await rest.get(Routes.guildActiveThreads(guildId))) as { threads: APIThreadChannel[] };
      const posts = threads
        .filter((thread) => thread.parent_id === channelId && thread.owner_id === botUserId())
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(0, RECENT_FORUM_POSTS);
      for (const post of posts) {
        // A forum post's first message has the thread's own id.
        const first = (await rest.get(Routes.channelMessage(post.id, post.id)).catch(() => null)) as APIMessage | null;
        if (first && carries(first, marker)) return post.id;
      }
      return null;
    },
  };
}
