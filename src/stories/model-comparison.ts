import { z } from 'zod';
import { normalizeForMatch } from '../brief/checks/ground-claims.js';
import { type Lexicon, unquotedLoadedTerms } from '../brief/checks/loaded-terms.js';
import { quoteLoadedTerms } from '../brief/checks/neutrality.js';
import { fillTemplate } from '../brief/engines/load-prompts.js';
import type { StructuredRequest } from '../brief/engines/model-conversation.js';
import { newNonce } from '../brief/engines/model-conversation.js';
import type { ComparePrompts } from './compare-prompts.js';
import { type Point, PointStatusSchema } from './comparison-schema.js';
import type { StoryBrief } from './story-statements.js';

/** What the model writes for a story: its points, each side naming a member by letter. */
export const ComparisonDraftSchema = z.object({
  points: z
    .array(
      z.object({
        subject: z.string().min(1).max(160).describe('A short neutral label of the point, in your own words'),
        status: PointStatusSchema,
        note: z.string().max(300).nullable().describe('For a conflict, what differs, in neutral words; else null'),
        sides: z
          .array(
            z.object({
              member: z.string().min(1).max(2).describe('The letter of the member this side comes from'),
              claimant: z.string().min(1).max(120),
              statement: z.string().min(1).max(400).describe('Neutral and attributed: "X said ..."'),
              quote: z
                .string()
                .max(600)
                .nullable()
                .describe("Copied exactly from this member's claims or opening, or null"),
            }),
          )
          .min(1)
          .max(10),
      }),
    )
    .max(12),
});
export type ComparisonDraft = z.infer<typeof ComparisonDraftSchema>;

/** A member as the model sees it: a letter, and the text its quotes may come from. */
export interface LetteredMember {
  letter: string;
  member: StoryBrief;
  /** The member's claim quotes and opening, folded for matching quotes. */
  quotable: string;
}

export function letterMembers(members: StoryBrief[]): LetteredMember[] {
  return members.map((member, i) => {
    const { brief } = member;
    const text = [...brief.claims.map((c) => c.quote ?? ''), brief.article.excerpt].join('\n');
    return { letter: String.fromCharCode(65 + i), member, quotable: normalizeForMatch(text).text };
  });
}

/** The members as data for the task: outlet facts from the registry, opening, claims with their quotes. */
function membersData(members: LetteredMember[]): string {
  return JSON.stringify(
    members.map(({ letter, member: { brief, origin } }) => ({
      member: letter,
      outlet: brief.sourceNote.outlet.name ?? brief.article.domain,
      country: brief.sourceNote.outlet.country,
      kind: brief.sourceNote.outlet.kind,
      ...(origin ? { carries: `wire copy of ${origin.outlet}` } : {}),
      title: brief.article.title,
      publishedAt: brief.article.publishedAt?.slice(0, 10) ?? null,
      opening: brief.article.excerpt,
      claims: brief.claims.map((c) => ({ claimant: c.claimant.name, statement: c.statement, quote: c.quote })),
    })),
    null,
    1,
  );
}

const quoteFound = (member: LetteredMember, quote: string) => {
  const needle = normalizeForMatch(quote.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')).text;
  return needle.length > 0 && member.quotable.includes(needle);
};

/** Sitrep's checks on a comparison: sides name real members, quotes come from their member, our voice is neutral. */
export function reviewComparison(draft: ComparisonDraft, members: LetteredMember[], lexicon: Lexicon): string[] {
  const byLetter = new Map(members.map((m) => [m.letter, m]));
  return draft.points.flatMap((point) => {
    const where = `point "${point.subject}"`;
    const ownVoice = [point.subject, point.note ?? '', ...point.sides.map((s) => s.statement)];
    return [
      ...point.sides.flatMap((side) => {
        const member = byLetter.get(side.member);
        if (!member) return [`${where}: "${side.member}" is not one of the members`];
        return side.quote && !quoteFound(member, side.quote)
          ? [`${where}: this quote is not in member ${side.member}'s brief: "${side.quote}"`]
          : [];
      }),
      ...ownVoice.flatMap((text) =>
        unquotedLoadedTerms(text, lexicon).map(
          (m) => `${where} uses "${text.slice(m.start, m.end)}" outside quotation marks`,
        ),
      ),
    ];
  });
}

const STATUS_ORDER = { conflict: 0, agree: 1, one_side: 2 } as const;

/**
 * The model's points made safe, whatever is left after the repair: sides of unknown members dropped,
 * quotes not found in their member removed, loaded words in our voice put in quotation marks, and a
 * point that only one member supports is a one-side point whatever the model called it.
 */
export function pointsFromDraft(draft: ComparisonDraft, members: LetteredMember[], lexicon: Lexicon): Point[] {
  const byLetter = new Map(members.map((m) => [m.letter, m]));
  const neutral = (text: string) => quoteLoadedTerms(text, lexicon);
  const points = draft.points.flatMap((point): Point[] => {
    const sides = point.sides.flatMap((side) => {
      const member = byLetter.get(side.member);
      if (!member) return [];
      const quote = side.quote && quoteFound(member, side.quote) ? side.quote : null;
      return [
        {
          member: member.member.brief.meta.cacheKey,
          claimant: side.claimant,
          statement: neutral(side.statement),
          quote,
          from: 'claim' as const,
        },
      ];
    });
    if (sides.length === 0) return [];
    const status = new Set(sides.map((s) => s.member)).size > 1 ? point.status : 'one_side';
    const note = status === 'conflict' && point.note ? neutral(point.note) : null;
    return [{ subject: neutral(point.subject), status, sides, note }];
  });
  return points.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** The structured request for a story's comparison, for any model engine. */
export function comparisonRequest(
  prompts: ComparePrompts,
  members: LetteredMember[],
  lexicon: Lexicon,
  deadlineAt: number,
): StructuredRequest<ComparisonDraft> {
  return {
    system: prompts.system,
    task: fillTemplate(prompts.task, {
      MEMBER_COUNT: String(members.length),
      NONCE: newNonce(),
      MEMBERS: membersData(members),
    }),
    schema: ComparisonDraftSchema,
    schemaName: 'comparison',
    repair: prompts.repair,
    review: (draft) => reviewComparison(draft, members, lexicon),
    deadlineAt,
  };
}
