import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Comparison, PointStatus } from '../../stories/comparison-schema.js';
import {
  comparisonEngine,
  coverageLines,
  memberFacts,
  memberLabel,
  pointsInOrder,
  STATUS_HEADING,
  STATUS_ORDER,
} from './comparison-lines.js';
import { embedSize, fitLines, inert, LIMITS } from './discord-text.js';
import { fitPointSections } from './fit-points.js';
import { storyButtonId } from './story-button-id.js';

const ACCENT = 0x8a5a44;
/** How many points of each kind the short answer shows; the rest are behind Full comparison. */
const SHOWN: Record<PointStatus, number> = { conflict: 4, agree: 3, one_side: 3 };
const SHORT_SIDE = { statement: 220, quote: 140 };

/** What the story is called: the first member's title. */
export function storyTitle(comparison: Comparison): string {
  return comparison.members.find((m) => m.title)?.title ?? 'this story';
}

/** The points that fit in `max` characters, in reading order under their headings; and how many did not. */
function fittedPoints(comparison: Comparison, max: number): { text: string; hidden: number } {
  const sections = STATUS_ORDER.map((status) => ({
    heading: STATUS_HEADING[status],
    points: pointsInOrder(comparison)
      .filter((p) => p.status === status)
      .slice(0, SHOWN[status]),
  }));
  const { text, shown } = fitPointSections(comparison, sections, max, SHORT_SIDE);
  if (comparison.points.length === 0) return { text: 'No points of the event could be aligned.', hidden: 0 };
  return { text, hidden: comparison.points.length - shown };
}

/**
 * A story's comparison as one embed of at most `budget` characters (Discord counts 6,000 over all
 * of a message's embeds): conflicts first, then agreement, then one-side points, each side one line
 * with its outlet; the members compared and the coverage note in fields.
 */
export function renderComparisonEmbed(
  comparison: Comparison,
  fromCache: boolean,
  budget: number = LIMITS.embedsTotal,
): APIEmbed {
  const members = comparison.members.map(
    (m) =>
      `**${inert(memberLabel(m), 80)}** (${inert(memberFacts(m), 120)})${m.title ? `: ${inert(m.title, 120)}` : ''}`,
  );
  const embed: APIEmbed = {
    title: inert(`Coverage compared: ${storyTitle(comparison)}`, Math.min(LIMITS.title, Math.floor(budget / 12))),
    color: ACCENT,
    fields: [
      {
        name: `Compared (${comparison.members.length})`,
        value: fitLines(members, Math.min(LIMITS.fieldValue, Math.floor(budget / 6))),
      },
      {
        name: 'Coverage so far',
        value: fitLines(coverageLines(comparison), Math.min(LIMITS.fieldValue, Math.floor(budget / 6))),
      },
    ],
    footer: { text: '' },
  };
  const footer = (hidden: number) =>
    [
      `${comparison.points.length} point(s)`,
      hidden > 0 ? `${hidden} more in the full comparison` : null,
      comparisonEngine(comparison, fromCache),
    ]
      .filter(Boolean)
      .join(' · ');
  const room = Math.min(LIMITS.description, budget - embedSize(embed) - footer(comparison.points.length).length);
  const { text, hidden } = fittedPoints(comparison, Math.max(0, room));
  if (text) embed.description = text;
  embed.footer = { text: footer(hidden) };
  return embed;
}

/** The Full comparison button: its state is the comparison's cache key, so it answers after a restart. */
export function fullComparisonButton(key: string, label = 'Full comparison'): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: storyButtonId('full', key) };
}

/**
 * The answer to Compare coverage: the fitted comparison, and Full comparison when the comparison is
 * stored (one the offline engine made in the model's place is not, so there is nothing to open).
 */
export function renderComparisonMessage(
  comparison: Comparison,
  key: string,
  opts: { fromCache: boolean; stored: boolean },
) {
  const components: APIActionRowComponent<APIButtonComponent>[] = opts.stored
    ? [{ type: ComponentType.ActionRow, components: [fullComparisonButton(key)] }]
    : [];
  return { content: '', embeds: [renderComparisonEmbed(comparison, opts.fromCache)], components };
}
