import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { StoryPostRecord } from '../../feeds/feed-store.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import { capAtWord } from '../../text/cap-at-word.js';
import type { FeedMessage } from './feed-channel-api.js';
import type { FeedPosting } from './feed-posting.js';

/** Discord's limit for a thread's (a forum post's) name. */
const THREAD_NAME_CHARS = 100;

/**
 * Where one feed post goes: a message in the feed's channel, a new post of its forum, or a reply in
 * the thread of the story the brief belongs to when that story was posted in the channel before
 * (the forum post itself, or a thread opened on the story's first message).
 */
export type FeedPlacement =
  | { kind: 'channel-message'; channelId: string }
  | { kind: 'forum-post'; guildId: string; channelId: string; title: string }
  | { kind: 'story-reply'; channelId: string; storyId: string; story: StoryPostRecord };

export interface PostToPlace {
  /** The post's headline: the brief's, or the item's own title for a card. */
  headline: string;
  /** The story's first post in this channel, when the brief's story has one. */
  story?: { storyId: string; post: StoryPostRecord } | null;
}

const threadName = (headline: string, fallback: string) =>
  capAtWord(headline.replace(/\s+/g, ' ').trim(), THREAD_NAME_CHARS) || fallback;

/** Chooses where a feed post goes. */
export function placeFeedPost(subscription: FeedSubscription, post: PostToPlace): FeedPlacement {
  if (post.story) {
    return {
      kind: 'story-reply',
      channelId: subscription.channelId,
      storyId: post.story.storyId,
      story: post.story.post,
    };
  }
  if (subscription.channelKind === 'forum') {
    const title = threadName(post.headline, subscription.title);
    return { kind: 'forum-post', guildId: subscription.guildId, channelId: subscription.channelId, title };
  }
  return { kind: 'channel-message', channelId: subscription.channelId };
}

/** The story's thread: the one recorded, or one opened on its first message now (and recorded). */
async function storyThread(
  env: Pick<FeedPosting, 'api' | 'store'>,
  placement: FeedPlacement & { kind: 'story-reply' },
) {
  const { channelId, storyId, story } = placement;
  if (story.threadId) return story.threadId;
  const threadId = await env.api.openThread(channelId, story.messageId, threadName(story.headline, 'Story'));
  await env.store.setStoryPost(channelId, storyId, { ...story, threadId });
  return threadId;
}

/** The story's first post, or its thread, was deleted, archived for good or locked: it takes no more replies. */
const CLOSED: readonly number[] = [
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
  RESTJSONErrorCodes.ThreadLocked,
];
/** The bot may not open threads in this channel. */
const NO_THREADS: readonly number[] = [RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess];

const failedWith = (error: unknown, codes: readonly number[]) =>
  error instanceof DiscordAPIError && codes.includes(Number(error.code));

/** A reply in the story's thread; in a channel where the bot may not open threads, a post of its own. */
async function sendStoryReply(
  env: Pick<FeedPosting, 'api' | 'store'>,
  placement: FeedPlacement & { kind: 'story-reply' },
  message: FeedMessage,
): Promise<string> {
  const forget = () => env.store.setStoryPost(placement.channelId, placement.storyId, null);
  let threadId: string;
  try {
    threadId = await storyThread(env, placement);
  } catch (error) {
    if (failedWith(error, NO_THREADS)) return env.api.send(placement.channelId, message);
    // The next attempt starts the story in this channel again, with a post of its own.
    if (failedWith(error, CLOSED)) await forget();
    throw error;
  }
  try {
    return await env.api.send(threadId, message);
  } catch (error) {
    if (failedWith(error, CLOSED)) await forget();
    throw error;
  }
}

/** Posts where the placement says; the new message's id. */
export function sendPlacedPost(
  env: Pick<FeedPosting, 'api' | 'store'>,
  placement: FeedPlacement,
  message: FeedMessage,
): Promise<string> {
  if (placement.kind === 'forum-post') return env.api.openForumPost(placement.channelId, placement.title, message);
  if (placement.kind === 'channel-message') return env.api.send(placement.channelId, message);
  return sendStoryReply(env, placement, message);
}

/** Looks where the placement says for a recent post carrying `marker` (see postOnce). */
export function findPlacedPost(
  env: Pick<FeedPosting, 'api'>,
  placement: FeedPlacement,
  marker: string,
): Promise<string | null> {
  if (placement.kind === 'forum-post') return env.api.findForumPost(placement.guildId, placement.channelId, marker);
  if (placement.kind === 'channel-message') return env.api.findMessage(placement.channelId, marker);
  // A reply is sent into its thread only once the thread is recorded: with none recorded, it can
  // only be in the channel itself (where the bot may not open threads).
  return env.api.findMessage(placement.story.threadId ?? placement.channelId, marker);
}
