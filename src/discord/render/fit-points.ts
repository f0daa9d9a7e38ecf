import type { Comparison, Point } from '../../stories/comparison-schema.js';
import { leadingLines, pointLines, type SideLimits } from './comparison-lines.js';

/** Points under one heading ("Where the accounts conflict"). */
export interface PointSection {
  heading: string;
  points: Point[];
}

const MORE_SIDES = '-# N more side(s) in the full comparison';

/**
 * The sections' points that fit in `max` characters, in order, each section's heading over its
 * first point shown, and how many points were shown. A point too long for the room left shows its
 * first sides and says how many more it has; one that cannot show a side is left out.
 */
export function fitPointSections(
  comparison: Comparison,
  sections: PointSection[],
  max: number,
  limits: SideLimits,
): { text: string; shown: number } {
  const blocks: string[] = [];
  let used = 0;
  let shown = 0;
  for (const section of sections) {
    let headed = false;
    for (const point of section.points) {
      const lines = [...(headed ? [] : [section.heading]), ...pointLines(comparison, point, limits)];
      const room = max - used - (blocks.length ? 2 : 0);
      let kept = leadingLines(lines, room);
      if (kept.length < lines.length) {
        kept = leadingLines(lines, room - MORE_SIDES.length - 4);
        // A heading alone, or a point's subject without one side, says nothing.
        if (kept.length < lines.length - point.sides.length + 1) continue;
        kept.push(MORE_SIDES.replace('N', String(lines.length - kept.length)));
      }
      const block = kept.join('\n');
      used += block.length + (blocks.length ? 2 : 0);
      blocks.push(block);
      headed = true;
      shown++;
    }
  }
  return { text: blocks.join('\n\n'), shown };
}
