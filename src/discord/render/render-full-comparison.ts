import type { APIEmbed } from 'discord.js';
import type { Comparison, Point, Side } from '../../stories/comparison-schema.js';
import {
  comparisonEngine,
  coverageLines,
  leadingLines,
  memberFacts,
  memberLabel,
  memberOfSide,
  pointHeading,
  STATUS_HEADING,
} from './comparison-lines.js';
import { embedSize, fitLines, inert, LIMITS } from './discord-text.js';
import { storyTitle } from './render-comparison.js';

/** Embeds per message, as Discord allows. */
const MAX_EMBEDS = 10;

/** A link target that cannot end the Markdown link early or carry anything but a web address. */
function linkTarget(url: string | null): string | null {
  if (!url || !/^https?:\/\//.test(url) || url.length > 512) return null;
  return url.replace(/[()<>\s]/g, (ch) => encodeURIComponent(ch));
}

/** A side in full: outlet, who said it, the statement, and the quote on a line of its own. */
function fullSide(comparison: Comparison, side: Side): string {
  const outlet = inert(memberLabel(memberOfSide(comparison, side)), 80);
  const lines = [`• **${outlet}** · ${inert(side.claimant, 120)}: ${inert(side.statement, 500)}`];
  if (side.quote && !side.statement.includes(side.quote)) lines.push(`> “${inert(side.quote, 400)}”`);
  return lines.join('\n');
}

function fullPoint(comparison: Comparison, point: Point, withHeading: boolean): string {
  return [
    ...(withHeading ? [STATUS_HEADING[point.status]] : []),
    pointHeading(point),
    ...point.sides.map((side) => fullSide(comparison, side)),
  ].join('\n');
}

/** The members with their links, and the coverage note: the comparison's first embed. */
function overview(comparison: Comparison, fromCache: boolean): APIEmbed {
  const members = comparison.members.map((m, i) => {
    const target = linkTarget(m.url);
    const title = m.title ? inert(m.title, 150) : 'untitled';
    return `**${i + 1}. ${inert(memberLabel(m), 80)}** (${inert(memberFacts(m), 120)}): ${target ? `[${title}](${target})` : title}`;
  });
  return {
    title: inert(`Full comparison: ${storyTitle(comparison)}`, LIMITS.title),
    description: fitLines(members, 1_500),
    fields: [{ name: 'Coverage so far', value: fitLines(coverageLines(comparison), LIMITS.fieldValue) }],
    footer: { text: comparisonEngine(comparison, fromCache) },
  };
}

/**
 * The whole comparison within one message: an overview (members with links, coverage), then every
 * point with each side's claimant, statement and quote, over as many embeds as Discord allows in
 * its 6,000-character total; what does not fit is counted in the last footer, never dropped silently.
 */
export function renderFullComparisonEmbeds(comparison: Comparison, fromCache: boolean): APIEmbed[] {
  const embeds: APIEmbed[] = [overview(comparison, fromCache)];
  let budget = LIMITS.embedsTotal - embedSize(embeds[0] as APIEmbed) - 80;
  let current: string[] = [];
  let shown = 0;
  let previous: Point['status'] | null = null;
  const flush = () => {
    if (current.length) embeds.push({ description: current.join('\n\n') });
    current = [];
  };
  const points = ['conflict', 'agree', 'one_side'].flatMap((s) => comparison.points.filter((p) => p.status === s));
  for (const point of points) {
    let block = fullPoint(comparison, point, point.status !== previous);
    // A point longer than an embed keeps the sides that fit.
    if (block.length > LIMITS.description) block = leadingLines(block.split('\n'), LIMITS.description).join('\n');
    if (block.length + 2 > budget) break;
    if ([...current, block].join('\n\n').length > LIMITS.description) {
      if (embeds.length + 1 >= MAX_EMBEDS) break;
      flush();
    }
    current.push(block);
    budget -= block.length + 2;
    previous = point.status;
    shown++;
  }
  flush();
  const hidden = points.length - shown;
  if (hidden > 0) {
    const last = embeds.at(-1) as APIEmbed;
    last.footer = {
      text: `${last.footer ? `${last.footer.text} · ` : ''}${hidden} more point(s) did not fit in one message.`,
    };
  }
  return embeds;
}
