import type { Brief } from '../brief/schema.js';
import type { Comparison, Point, PointStatus } from '../stories/comparison-schema.js';

/** One story of the inputs: the inputs it holds (as given) and its comparison. */
export interface CompareOutput {
  members: { input: string; brief: Brief }[];
  comparison: Comparison;
}

const siteOf = (brief: Brief) =>
  brief.sourceNote.carriedBy?.name ?? brief.sourceNote.outlet.name ?? brief.article.domain ?? 'unknown outlet';

/** The input each member brief came from: the first one given, when two inputs are the same text. */
function inputsByKey(story: CompareOutput): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const { input, brief } of story.members)
    if (!inputs.has(brief.meta.cacheKey)) inputs.set(brief.meta.cacheKey, input);
  return inputs;
}

/**
 * `sitrep compare --json`: exactly the shape other tools rely on — members by input, points with
 * their status and sides by input — and the coverage.
 */
export function renderCompareJson(stories: CompareOutput[]): string {
  const json = {
    stories: stories.map((story) => {
      const inputOf = inputsByKey(story);
      return {
        members: story.members.map(({ input, brief }) => ({
          input,
          outlet: siteOf(brief),
          title: brief.article.title,
        })),
        points: story.comparison.points.map((point) => ({
          status: point.status,
          sides: point.sides.map((side) => ({
            input: inputOf.get(side.member) ?? null,
            claimant: side.claimant,
            statement: side.statement,
            quote: side.quote,
          })),
        })),
        coverage: story.comparison.coverage,
      };
    }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const HEADINGS: Record<PointStatus, string> = {
  conflict: 'Where they conflict',
  agree: 'Where they agree',
  one_side: 'What only one outlet reports',
};

function pointLines(point: Point, outletOf: Map<string, string>): string[] {
  const head = `- **${point.subject}**${point.note ? ` — ${point.note}` : ''}`;
  const sides = point.sides.map((side) => {
    // A statement that is the outlet's own sentence already holds its quote.
    const quote = side.quote && !side.statement.includes(side.quote) ? ` — “${side.quote}”` : '';
    return `  - **${outletOf.get(side.member) ?? 'unknown outlet'}**: ${side.statement}${quote}`;
  });
  return [head, ...sides];
}

/** The comparison for a terminal: members, then conflicts, agreement and one-side points, then coverage. */
export function renderCompareMarkdown(stories: CompareOutput[]): string {
  const parts = stories.map((story, i) => {
    const { comparison } = story;
    const outletOf = new Map(story.members.map(({ brief }) => [brief.meta.cacheKey, siteOf(brief)]));
    const sources = comparison.coverage.outlets.length;
    const lines = [
      `# Story ${i + 1} of ${stories.length}: ${sources} ${sources === 1 ? 'outlet' : 'outlets'}`,
      '',
      ...story.members.map(
        ({ input, brief }) => `- ${input}: ${siteOf(brief)}, “${brief.article.title ?? 'untitled'}”`,
      ),
    ];
    for (const status of ['conflict', 'agree', 'one_side'] as const) {
      const points = comparison.points.filter((p) => p.status === status);
      if (points.length)
        lines.push('', `## ${HEADINGS[status]}`, '', ...points.flatMap((p) => pointLines(p, outletOf)));
    }
    const { coverage } = comparison;
    lines.push(
      '',
      '## Coverage',
      '',
      `- **Outlets:** ${coverage.outlets.map((o) => [o.name, o.kind, o.country].filter(Boolean).join(', ')).join('; ') || 'none'}`,
      `- **Countries:** ${coverage.countries.join(', ') || 'none in the registry'}`,
      `- **About:** ${coverage.about.join(', ') || '—'}`,
      ...coverage.missing.map((sentence) => `- ${sentence}`),
      '',
      `_${comparison.engine === 'offline' ? 'offline comparison' : `compared by ${comparison.engine}`}${comparison.fallbackReason ? ` (${comparison.fallbackReason})` : ''}_`,
    );
    return lines.join('\n');
  });
  return `${parts.join('\n\n---\n\n')}\n`;
}
