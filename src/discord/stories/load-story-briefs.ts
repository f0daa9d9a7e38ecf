import type { Brief } from '../../brief/schema.js';
import type { BotContext } from '../bot-context.js';
import { listedOutletOf } from './story-place.js';

/**
 * A story's members' briefs as shown by any door, in filing order; a brief no longer stored is left
 * out. With `through`, only the members filed up to that brief (itself included): the reports before it.
 */
export async function loadStoryBriefs(
  ctx: Pick<BotContext, 'stories' | 'briefs'>,
  storyId: string,
  through?: string,
): Promise<Brief[]> {
  const all = await ctx.stories.memberKeys(storyId);
  const at = through ? all.indexOf(through) : -1;
  const keys = at >= 0 ? all.slice(0, at + 1) : all;
  const briefs = await Promise.all(keys.map((key) => ctx.briefs.getShownBrief(key)));
  return briefs.filter((brief): brief is Brief => brief !== undefined);
}

/** How many outlets the briefs come from (a wire once; a brief with no outlet as one of its own). */
export function outletsAmong(briefs: Brief[]): number {
  return new Set(briefs.map((b) => listedOutletOf(b)?.toLowerCase() ?? `unnamed:${b.meta.cacheKey}`)).size;
}
