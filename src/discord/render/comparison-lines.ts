import type { Comparison, ComparisonMember, Point, PointStatus, Side } from '../../stories/comparison-schema.js';
import { inert } from './discord-text.js';

/** Conflicts first, then agreement, then what one outlet alone reports. */
export const STATUS_ORDER: readonly PointStatus[] = ['conflict', 'agree', 'one_side'];

export const STATUS_HEADING: Record<PointStatus, string> = {
  conflict: '**Where the accounts conflict**',
  agree: '**Where the accounts agree**',
  one_side: '**Reported by one outlet only**',
};

/** Points in reading order, whatever order they came in. */
export function pointsInOrder(comparison: Comparison): Point[] {
  return STATUS_ORDER.flatMap((status) => comparison.points.filter((p) => p.status === status));
}

/** Who a member is to a reader: the outlet, or for carried wire copy the wire with the site beside it. */
export function memberLabel(member: ComparisonMember | undefined): string {
  const site = member?.outlet ?? member?.domain ?? 'An outlet';
  return member?.origin ? `${member.origin.outlet} via ${site}` : site;
}

export function memberOfSide(comparison: Comparison, side: Side): ComparisonMember | undefined {
  return comparison.members.find((m) => m.key === side.member);
}

/** The registry's facts about a member: country and kind, when known. */
export function memberFacts(member: ComparisonMember): string {
  const country = member.origin ? member.origin.country : member.country;
  const kind = member.origin ? member.origin.kind : member.kind;
  return [country, kind].filter(Boolean).join(', ') || 'not in the outlet registry';
}

export interface SideLimits {
  statement: number;
  quote: number;
}

/** One side on one line: "**TASS**: The ministry said … — “…”"; article text made inert. */
function sideLine(comparison: Comparison, side: Side, limits: SideLimits): string {
  const outlet = inert(memberLabel(memberOfSide(comparison, side)), 80);
  const quote = side.quote && !side.statement.includes(side.quote) ? ` — “${inert(side.quote, limits.quote)}”` : '';
  return `**${outlet}**: ${inert(side.statement, limits.statement)}${quote}`;
}

/** A point's heading line: its subject, and for a conflict what differs. */
export function pointHeading(point: Point): string {
  const note = point.note ? ` · ${inert(point.note, 200)}` : '';
  return `__${inert(point.subject, 160)}__${note}`;
}

/** A point as lines: its heading, then one line per side. */
export function pointLines(comparison: Comparison, point: Point, limits: SideLimits): string[] {
  return [pointHeading(point), ...point.sides.map((side) => `• ${sideLine(comparison, side, limits)}`)];
}

/** The first lines whose joined length stays within `max`. */
export function leadingLines(lines: string[], max: number): string[] {
  const kept: string[] = [];
  let length = -1;
  for (const line of lines) {
    if (length + 1 + line.length > max) break;
    kept.push(line);
    length += 1 + line.length;
  }
  return kept;
}

/** The coverage note: who has covered the story so far, from the registry, and which sides are missing. */
export function coverageLines(comparison: Comparison): string[] {
  const { coverage } = comparison;
  const outlets = coverage.outlets.map((o) => {
    const facts = [o.country, o.kind].filter(Boolean).join(', ') || 'not in the outlet registry';
    const carried = o.carriedBy.length ? `; carried by ${o.carriedBy.join(', ')}` : '';
    return `${o.name} (${facts}${carried})`;
  });
  return [
    `**Covered by:** ${inert(outlets.join(' · '), 600)}`,
    ...(coverage.kinds.length ? [`**Kinds of outlet:** ${inert(coverage.kinds.join(', '), 200)}`] : []),
    ...(coverage.countries.length ? [`**From:** ${inert(coverage.countries.join(', '), 200)}`] : []),
    ...(coverage.about.length ? [`**About:** ${inert(coverage.about.join(', '), 200)}`] : []),
    ...coverage.missing.map((m) => `**Not yet:** ${inert(m, 200)}`),
  ];
}

/** The engine line for a footer: which engine aligned the points, and why the offline one stood in. */
export function comparisonEngine(comparison: Comparison, fromCache: boolean): string {
  const engine =
    comparison.engine === 'offline'
      ? `offline comparison${comparison.fallbackReason ? ` (${comparison.fallbackReason})` : ''}`
      : `compared by ${comparison.engine}`;
  return `${engine} · ${fromCache ? 'from cache' : 'fresh'}`;
}
