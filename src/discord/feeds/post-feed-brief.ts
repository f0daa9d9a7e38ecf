import type { FeedItem } from '../../feeds/feed-schema.js';
import type { StoryPostRecord } from '../../feeds/feed-store.js';
import type { PostOnceOutcome } from '../../feeds/post-once.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import type { GuildSettings } from '../../store/guild-settings.js';
import type { Comparison } from '../../stories/comparison-schema.js';
import { budgetHooks, type DoorBrief } from '../doors/run-door.js';
import { loadStoryBriefs } from '../stories/load-story-briefs.js';
import type { FeedPosting } from './feed-posting.js';
import { placeFeedPost } from './place-feed-post.js';
import { postItem } from './post-item.js';
import { renderFeedBrief } from './render-feed-post.js';
import { renderStoryReply } from './render-story-reply.js';

/** How long an item waits for another item of its story to finish starting the story in the channel. */
const STORY_WAIT_MS = 10_000;

/** The new report compared with the story's reports filed before it, or null when that cannot be done now (logged). */
async function compareWithEarlier(env: FeedPosting, sub: FeedSubscription, made: DoorBrief, settings: GuildSettings) {
  const { ctx } = env;
  const storyId = made.story?.storyId ?? '';
  try {
    const briefs = await loadStoryBriefs(ctx, storyId, made.brief.meta.cacheKey);
    if (briefs.length < 2) return null;
    return (await ctx.stories.compare(briefs, budgetHooks(ctx, sub.guildId, settings))).comparison;
  } catch (error) {
    ctx.logger.warn({ err: error, feed: sub.id, story: storyId }, 'could not compare a feed item with its story');
    return null;
  }
}

/**
 * Posts a feed item's brief once per channel (keyed by its cache key, see postOnce). When its story
 * was posted in this channel before, it goes into that story's thread as a reply saying what it adds
 * or contradicts; otherwise it is a new post, and becomes the story's first post here. Starting a
 * story in a channel is done under a lock, so two items of one story arriving at once (two feeds,
 * two processes) give one post and one reply, not two posts.
 */
export async function postFeedBrief(
  env: FeedPosting,
  sub: FeedSubscription,
  item: FeedItem,
  made: DoorBrief,
  settings: GuildSettings,
): Promise<PostOnceOutcome> {
  const { brief, fromCache, story } = made;
  const key = `brief:${brief.meta.cacheKey}`;
  const post = { key, marker: brief.meta.cacheKey };
  const headline = brief.summary.headline;
  const asNewPost = () =>
    postItem(env, sub, item, {
      ...post,
      placement: placeFeedPost(sub, { headline }),
      message: renderFeedBrief(sub, brief, fromCache, story),
    });
  const asReply = async (storyId: string, first: StoryPostRecord) => {
    const comparison: Comparison | null = await compareWithEarlier(env, sub, made, settings);
    return postItem(env, sub, item, {
      ...post,
      placement: placeFeedPost(sub, { headline, story: { storyId, post: first } }),
      message: renderStoryReply(sub, made, comparison),
    });
  };

  if (!story) return asNewPost();
  // Already in the channel (the same article from another feed): neither a post nor a reply.
  if ((await env.store.getPost(sub.channelId, key))?.state === 'posted') return 'already-posted';
  const earlier = await env.store.getStoryPost(sub.channelId, story.storyId);
  if (earlier) return asReply(story.storyId, earlier);
  const started = await env.locks.withLock(
    `feed-story:${sub.channelId}:${story.storyId}`,
    { waitMs: STORY_WAIT_MS },
    async (): Promise<PostOnceOutcome | StoryPostRecord> => {
      const meanwhile = await env.store.getStoryPost(sub.channelId, story.storyId);
      if (meanwhile) return meanwhile;
      const outcome = await asNewPost();
      const posted = await env.store.getPost(sub.channelId, key);
      if (posted?.state === 'posted') {
        // A forum post is a thread already, with the id of its first message.
        const threadId = sub.channelKind === 'forum' ? posted.messageId : null;
        await env.store.setStoryPost(sub.channelId, story.storyId, { messageId: posted.messageId, threadId, headline });
      }
      return outcome;
    },
  );
  if (!started.held) return 'in-flight';
  return typeof started.value === 'string' ? started.value : asReply(story.storyId, started.value);
}
