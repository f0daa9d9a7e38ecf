import { articleIn, briefFromArticle, type RecordedRequest, type Responder } from './messages-api.js';

/** A story's member as the compare task lists it. */
interface TaskMember {
  member: string;
  outlet: string | null;
  claims: { claimant: string; statement: string; quote: string | null }[];
}

/** The members of a compare task, read back out of their nonce-named element; null for any other request. */
export function membersInCompareTask(request: RecordedRequest): TaskMember[] | null {
  const task = request.body.messages[0]?.content ?? '';
  const match = /<briefs-([0-9a-f]+)>\n([\s\S]*)\n<\/briefs-\1>/.exec(task);
  return match ? (JSON.parse(match[2] as string) as TaskMember[]) : null;
}

/**
 * A well-formed comparison for whatever members it is sent: one conflict on which every member
 * reports something different (each with its first quote, copied exactly), then one point per
 * member that only it reports (with its second claim's quote, when it has one).
 */
export function comparisonFromMembers(members: TaskMember[]): string {
  const outletOf = (m: TaskMember) => m.outlet ?? `member ${m.member}`;
  const conflict = {
    subject: 'What happened at the site',
    status: 'conflict',
    note: `different accounts: ${members.map(outletOf).join('; ')}`,
    sides: members.map((m) => ({
      member: m.member,
      claimant: m.claims[0]?.claimant ?? outletOf(m),
      statement: `${outletOf(m)} said the site was affected as its report describes.`,
      quote: m.claims[0]?.quote ?? null,
    })),
  };
  const oneSide = members.map((m) => ({
    subject: `A detail only ${outletOf(m)} reports`,
    status: 'one_side',
    note: null,
    sides: [
      {
        member: m.member,
        claimant: m.claims[1]?.claimant ?? outletOf(m),
        statement: `${outletOf(m)} said more.`,
        quote: m.claims[1]?.quote ?? null,
      },
    ],
  }));
  return JSON.stringify({ points: [conflict, ...oneSide] });
}

/** Briefs as the default stand-in makes them, comparisons from their members. */
export const briefsAndComparisons: Responder = (request) => {
  const members = membersInCompareTask(request);
  return { text: members ? comparisonFromMembers(members) : briefFromArticle(articleIn(request) ?? '') };
};
