import type { Brief } from '../../brief/schema.js';
import type { StoryMember } from '../../stories/story-storage.js';

/** A brief's story as a door shows it: which story, and how many other outlets have reported it so far. */
export interface StoryPlace {
  storyId: string;
  otherOutlets: number;
}

/** The name a story member is listed under, as the index lists it (a wire's copy under the wire's name). */
export function listedOutletOf(brief: Brief): string | null {
  return brief.sourceNote.outlet.name ?? brief.article.outlet ?? brief.article.domain;
}

/**
 * Outlets other than the brief's own among a story's members: distinct names, so a wire carried by
 * three sites counts once (members are listed under the wire's name) and another report of the
 * same outlet not at all. A member with no outlet at all counts as one of its own: nothing says
 * it is any other.
 */
export function countOtherOutlets(members: StoryMember[], brief: Brief): number {
  const key = brief.meta.cacheKey;
  const own = (members.find((m) => m.key === key)?.outlet ?? listedOutletOf(brief))?.toLowerCase() ?? null;
  const others = new Set<string>();
  for (const member of members) {
    if (member.key === key) continue;
    const outlet = member.outlet?.toLowerCase() ?? null;
    if (outlet === null) others.add(`unnamed:${member.key}`);
    else if (outlet !== own) others.add(outlet);
  }
  return others.size;
}
