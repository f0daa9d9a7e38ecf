import { articleIn, briefFromArticle, type RecordedRequest, type StandInReply } from '../stand-ins/messages-api.js';

interface MemberData {
  member: string;
  outlet: string;
  /** Each claim as its id, a space, and its statement. */
  claims: string[];
}

const idOf = (claim: string | undefined) => claim?.split(' ')[0];

/** The members a comparison request carries, read back out of their nonce-named element. */
export function membersIn(request: RecordedRequest): MemberData[] {
  const task = request.body.messages[0]?.content ?? '';
  const match = /<briefs-([0-9a-f]+)>\n([\s\S]*)\n<\/briefs-\1>/.exec(task);
  return match?.[2] ? (JSON.parse(match[2]) as MemberData[]) : [];
}

export const isComparisonRequest = (request: RecordedRequest) =>
  (request.body.system?.[0]?.text ?? '').startsWith('You compare how several outlets');

export interface DraftPointData {
  subject: string;
  status: 'conflict' | 'agree' | 'one_side';
  note: string | null;
  sides: string[];
}

/**
 * A well-formed comparison of whatever members a request carries: one conflict on which every member
 * reports something different (each with its first claim), then one point per member that only it
 * reports (its second claim, or its only one). `change` may spoil it.
 */
export function comparisonFor(
  request: RecordedRequest,
  change: (points: DraftPointData[]) => void = () => {},
): StandInReply {
  const members = membersIn(request);
  const firsts = members.flatMap((m) => idOf(m.claims[0]) ?? []);
  const points: DraftPointData[] = [];
  if (firsts.length > 1) {
    points.push({
      subject: 'What happened at the site',
      status: 'conflict',
      note: `different accounts: ${members.map((m) => m.outlet).join('; ')}`,
      sides: firsts,
    });
  }
  for (const m of members) {
    // A claim may serve several points: a member with one claim reports its detail with it.
    const second = idOf(m.claims[1] ?? m.claims[0]);
    if (second) {
      points.push({ subject: `A detail only ${m.outlet} reports`, status: 'one_side', note: null, sides: [second] });
    }
  }
  change(points);
  return { text: JSON.stringify({ points }) };
}

/** Briefs as the default stand-in makes them, and comparisons of whatever members a compare request sends. */
export const briefsAndComparisons = (request: RecordedRequest): StandInReply =>
  isComparisonRequest(request) ? comparisonFor(request) : { text: briefFromArticle(articleIn(request) ?? '') };
