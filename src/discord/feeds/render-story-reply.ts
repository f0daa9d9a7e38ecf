import type { APIEmbed } from 'discord.js';
import type { Brief } from '../../brief/schema.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import type { Comparison, Point, Side } from '../../stories/comparison-schema.js';
import { comparisonEngine, pointsInOrder } from '../render/comparison-lines.js';
import { embedSize, inert, LIMITS } from '../render/discord-text.js';
import { fitPointSections } from '../render/fit-points.js';
import type { StoryPlace } from '../stories/story-place.js';
import { listedOutletOf } from '../stories/story-place.js';
import type { FeedMessage } from './feed-channel-api.js';
import { renderFeedBrief } from './render-feed-post.js';

const ACCENT = 0x8a5a44;
const SIDE = { statement: 220, quote: 140 };

/** A point with the new report's side first, then the earlier reports' sides. */
function newSideFirst(point: Point, key: string): Point {
  const mine = (s: Side) => s.member === key;
  return { ...point, sides: [...point.sides.filter(mine), ...point.sides.filter((s) => !mine(s))] };
}

/**
 * What a report adds to a story told before: its conflicts with the earlier reports first, then what
 * it alone reports, then (as subjects only) where it agrees; within `budget` characters.
 */
function renderAddedEmbed(comparison: Comparison | null, brief: Brief, budget: number): APIEmbed {
  const key = brief.meta.cacheKey;
  const outlet = listedOutletOf(brief) ?? 'this outlet';
  const title = inert(`What ${outlet}’s report adds to the story`, 120);
  if (!comparison) {
    return {
      title,
      color: ACCENT,
      description: 'It could not be compared with the earlier reports now; Compare coverage tries again.',
    };
  }
  const involved = pointsInOrder(comparison).filter((p) => p.sides.some((s) => s.member === key));
  const conflicts = involved.filter((p) => p.status === 'conflict').map((p) => newSideFirst(p, key));
  const alone = involved.filter((p) => p.status === 'one_side');
  const agreed = involved.filter((p) => p.status === 'agree');
  const earlier = comparison.members.filter((m) => m.key !== key).length;
  const footer = `Compared with ${earlier} earlier report(s) · ${comparisonEngine(comparison, false)}`;
  // The footer may yet say how many points did not fit.
  const fixed = title.length + footer.length + 60;
  const agreeMax = Math.min(400, budget - fixed - 200);
  const agreeLine =
    agreed.length && agreeMax > 80
      ? `**Agrees with earlier reports on:** ${inert(agreed.map((p) => p.subject).join('; '), agreeMax - 40)}`
      : '';
  const room = Math.min(LIMITS.description, budget - fixed) - agreeLine.length - 2;
  const { text, shown } = fitPointSections(
    comparison,
    [
      { heading: '**Differs from earlier reports**', points: conflicts },
      { heading: '**Only this report says**', points: alone },
    ],
    Math.max(0, room),
    SIDE,
  );
  const more = conflicts.length + alone.length - shown;
  const lines = [text, agreeLine].filter(Boolean);
  const none =
    more > 0
      ? 'Its points did not fit here; Compare coverage shows them.'
      : 'Nothing in it differs from the earlier reports or is missing from them, as far as its points could be aligned.';
  return {
    title,
    color: ACCENT,
    description: lines.length ? lines.join('\n\n') : none,
    footer: { text: more > 0 ? `${footer} · ${more} more point(s) behind Compare coverage` : footer },
  };
}

/**
 * A feed item joining a story already posted in the channel, as a reply in the story's thread: what
 * it adds or contradicts, then its brief with the brief's buttons, within the message's 6,000.
 */
export function renderStoryReply(
  subscription: FeedSubscription,
  made: { brief: Brief; fromCache: boolean; story: StoryPlace | null },
  comparison: Comparison | null,
): FeedMessage {
  const message = renderFeedBrief(subscription, made.brief, made.fromCache, made.story);
  const briefSize = message.embeds.reduce((n, e) => n + embedSize(e), 0);
  const added = renderAddedEmbed(comparison, made.brief, LIMITS.embedsTotal - briefSize - 40);
  return { ...message, embeds: [added, ...message.embeds] };
}
