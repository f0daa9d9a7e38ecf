import type { RecordedRequest, StandInReply } from '../stand-ins/messages-api.js';

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
 * A well-formed comparison of whatever members a request carries: a conflict between the first two
 * members' first claims, and each member's second claim on its own. `change` may spoil it.
 */
export function comparisonFor(
  request: RecordedRequest,
  change: (points: DraftPointData[]) => void = () => {},
): StandInReply {
  const members = membersIn(request);
  const [a, b] = members;
  const points: DraftPointData[] = [];
  const [firstOfA, firstOfB] = [idOf(a?.claims[0]), idOf(b?.claims[0])];
  if (firstOfA && firstOfB) {
    points.push({
      subject: 'The first point each reports',
      status: 'conflict',
      note: 'Different accounts.',
      sides: [firstOfA, firstOfB],
    });
  }
  for (const m of members) {
    const second = idOf(m.claims[1]);
    if (second) points.push({ subject: `A detail from ${m.outlet}`, status: 'one_side', note: null, sides: [second] });
  }
  change(points);
  return { text: JSON.stringify({ points }) };
}
