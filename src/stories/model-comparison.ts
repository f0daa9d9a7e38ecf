import { z } from 'zod';
import { type Lexicon, unquotedLoadedTerms } from '../brief/checks/loaded-terms.js';
import { quoteLoadedTerms } from '../brief/checks/neutrality.js';
import type { ComparePrompts } from '../brief/engines/compare-prompts.js';
import { fillTemplate } from '../brief/engines/load-prompts.js';
import { newNonce, type StructuredRequest } from '../brief/engines/model-conversation.js';
import type { Claim } from '../brief/schema.js';
import { capAtWord } from '../text/cap-at-word.js';
import { type Point, PointStatusSchema, type Side } from './comparison-schema.js';
import type { StoryBrief } from './story-statements.js';

/**
 * What the model writes for a story: points whose sides are the ids of the members' claims. The
 * claims are already attributed, neutral and grounded in their own article, so a side's statement
 * and quote come from the brief, never from the model: only the grouping, status, subject and note
 * are its words.
 */
export const ComparisonDraftSchema = z.object({
  points: z
    .array(
      z.object({
        subject: z.string().min(1).max(160).describe('A short neutral label of the point, in your own words'),
        status: PointStatusSchema,
        note: z.string().max(300).nullable().describe('For a conflict, what differs, in neutral words; else null'),
        sides: z
          .array(z.string().min(2).max(4).describe('The id of a claim that speaks to this point, e.g. B2'))
          .min(1)
          .max(12),
      }),
    )
    .max(12),
});
export type ComparisonDraft = z.infer<typeof ComparisonDraftSchema>;

/** A member as the model sees it: a letter, and its claims by id (A1, A2…). */
export interface LetteredMember {
  letter: string;
  member: StoryBrief;
  claims: Map<string, Claim>;
}

export function letterMembers(members: StoryBrief[]): LetteredMember[] {
  return members.map((member, i) => {
    const letter = String.fromCharCode(65 + i);
    return { letter, member, claims: new Map(member.brief.claims.map((c, n) => [`${letter}${n + 1}`, c])) };
  });
}

/**
 * A claim as the model reads it: its id and statement (which names who makes it), cut short. The
 * model only aligns claims; Sitrep shows each side's whole statement and quote from the brief, so
 * the model need not read them whole, and a comparison costs a fraction of its articles.
 */
const CLAIM_CHARS = 160;

/** The members as data for the task: outlet facts from the registry, title, date, claims by id. */
function membersData(members: LetteredMember[]): string {
  return JSON.stringify(
    members.map(({ letter, member: { brief, origin }, claims }) => ({
      member: letter,
      outlet: brief.sourceNote.outlet.name ?? brief.article.domain,
      country: brief.sourceNote.outlet.country,
      kind: brief.sourceNote.outlet.kind,
      ...(origin ? { carries: `wire copy of ${origin.outlet}` } : {}),
      title: brief.article.title,
      publishedAt: brief.article.publishedAt?.slice(0, 10) ?? null,
      claims: [...claims].map(([id, c]) => `${id} ${capAtWord(c.statement, CLAIM_CHARS)}`),
    })),
  );
}

const claimIndex = (members: LetteredMember[]) =>
  new Map(members.flatMap((m) => [...m.claims].map(([id, claim]) => [id, { member: m, claim }] as const)));

/** Sitrep's checks on a comparison: every side is a claim given, and our own words (subject, note) are neutral. */
export function reviewComparison(draft: ComparisonDraft, members: LetteredMember[], lexicon: Lexicon): string[] {
  const claims = claimIndex(members);
  return draft.points.flatMap((point) => {
    const where = `point "${point.subject}"`;
    return [
      ...point.sides.filter((id) => !claims.has(id)).map((id) => `${where}: "${id}" is not one of the claim ids given`),
      ...[point.subject, point.note ?? ''].flatMap((text) =>
        unquotedLoadedTerms(text, lexicon).map(
          (m) => `${where} uses "${text.slice(m.start, m.end)}" outside quotation marks`,
        ),
      ),
    ];
  });
}

const STATUS_ORDER = { conflict: 0, agree: 1, one_side: 2 } as const;

/**
 * The model's points made safe, whatever is left after the repair: unknown ids dropped, each side
 * shown as its claim (claimant, statement, quote, all checked when the brief was made), loaded
 * words in our own words put in quotation marks, and a point that only one member supports is a
 * one-side point whatever the model called it.
 */
export function pointsFromDraft(draft: ComparisonDraft, members: LetteredMember[], lexicon: Lexicon): Point[] {
  const claims = claimIndex(members);
  const neutral = (text: string) => quoteLoadedTerms(text, lexicon);
  const points = draft.points.flatMap((point): Point[] => {
    const sides: Side[] = [...new Set(point.sides)].flatMap((id) => {
      const found = claims.get(id);
      if (!found) return [];
      const { claim, member } = found;
      return [
        {
          member: member.member.brief.meta.cacheKey,
          claimant: claim.claimant.name,
          statement: claim.statement,
          quote: claim.quote,
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
