import type { Brief } from '../brief/schema.js';
import type { StoryBrief } from './story-statements.js';

/**
 * A brief as a member of a story. The stories code sees the site that published a brief as its
 * outlet and a wire whose copy it carries as its origin (so coverage counts the wire once however
 * many sites carry it); a brief's source note says it the other way round (the wire is whose story
 * it is, the site is beside it), so wire copy is turned around here.
 */
export function storyBriefOf(brief: Brief): StoryBrief {
  const { outlet, carriedBy } = brief.sourceNote;
  if (!carriedBy) return { brief, origin: null };
  return {
    brief: { ...brief, sourceNote: { ...brief.sourceNote, outlet: carriedBy, carriedBy: null } },
    origin: outlet.name ? { outlet: outlet.name, country: outlet.country, kind: outlet.kind } : null,
  };
}
