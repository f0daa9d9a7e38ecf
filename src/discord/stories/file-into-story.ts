import type { Brief } from '../../brief/schema.js';
import type { BotContext } from '../bot-context.js';
import { countOtherOutlets, type StoryPlace } from './story-place.js';

/**
 * Files a brief into the story of its event and says how many other outlets that story has. Never
 * throws: a brief that could not be filed is still a brief (logged, shown without the Compare button).
 */
export async function fileIntoStory(
  ctx: Pick<BotContext, 'stories' | 'logger'>,
  brief: Brief,
): Promise<StoryPlace | null> {
  try {
    const filed = await ctx.stories.file(brief);
    if (!filed) return null;
    const members = await ctx.stories.members(filed.storyId);
    return { storyId: filed.storyId, otherOutlets: countOtherOutlets(members, brief) };
  } catch (error) {
    ctx.logger.warn({ err: error, brief: brief.meta.cacheKey }, 'could not place the brief in its story');
    return null;
  }
}

/** The story a brief was filed into earlier (a button on an old message), without filing it again. */
export async function storyPlaceOf(
  ctx: Pick<BotContext, 'stories' | 'logger'>,
  brief: Brief,
): Promise<StoryPlace | null> {
  try {
    const storyId = await ctx.stories.storyOf(brief.meta.cacheKey);
    if (!storyId) return null;
    return { storyId, otherOutlets: countOtherOutlets(await ctx.stories.members(storyId), brief) };
  } catch (error) {
    ctx.logger.warn({ err: error, brief: brief.meta.cacheKey }, 'could not find the brief’s story');
    return null;
  }
}
