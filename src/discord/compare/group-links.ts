import type { Brief } from '../../brief/schema.js';
import type { BotContext } from '../bot-context.js';
import { outletsAmong } from '../stories/load-story-briefs.js';
import type { LinkOutcome } from './brief-links.js';

/** Links whose briefs are in one story: compared when they come from two outlets or more. */
export interface LinkStory {
  storyId: string;
  links: (LinkOutcome & { made: NonNullable<LinkOutcome['made']> })[];
  /** Each article once (two links to one article give one brief). */
  briefs: Brief[];
  comparable: boolean;
}

/**
 * The briefed links grouped by the story each brief is in once all are filed: a link filed later
 * may have folded an earlier link's story into its own, so the story is read again, not taken from
 * the filing. In the order of each story's first link.
 */
export async function groupLinksByStory(
  ctx: Pick<BotContext, 'stories'>,
  outcomes: LinkOutcome[],
): Promise<LinkStory[]> {
  const stories = new Map<string, LinkStory>();
  for (const link of outcomes) {
    const { made } = link;
    if (!made) continue;
    const key = made.brief.meta.cacheKey;
    // A brief that could not be filed is a story of its own.
    const storyId = (await ctx.stories.storyOf(key).catch(() => null)) ?? made.story?.storyId ?? `unfiled:${key}`;
    const story = stories.get(storyId) ?? { storyId, links: [], briefs: [], comparable: false };
    story.links.push({ ...link, made });
    if (!story.briefs.some((b) => b.meta.cacheKey === key)) story.briefs.push(made.brief);
    stories.set(storyId, story);
  }
  return [...stories.values()].map((story) => ({ ...story, comparable: outletsAmong(story.briefs) >= 2 }));
}
