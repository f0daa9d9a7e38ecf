import type { Comparison, Point, PointStatus } from '../../../stories/comparison-schema.js';

const long = (n: number, word = 'word') =>
  `${word} `
    .repeat(Math.ceil(n / (word.length + 1)))
    .slice(0, n)
    .trim();
export const key = (i: number) => String(i).padStart(64, '0');

/** A member whose every text is long and hostile; member 3 is a wire's copy carried by a site. */
export function member(i: number) {
  return {
    key: key(i),
    outlet: `Outlet ${i} ${long(200, '@everyone')}`,
    domain: `outlet${i}.example`,
    country: 'Atlantis',
    kind: 'state-controlled',
    title: `Title ${i} **bold** [link](https://evil.example) ${long(400)}`,
    url: `https://outlet${i}.example/${'a'.repeat(600)}`,
    publishedAt: '2026-11-25T05:40:00Z',
    origin: i === 3 ? { outlet: 'Wire Service', country: 'Utopia', kind: 'wire' } : null,
  };
}

function point(i: number, status: PointStatus): Point {
  return {
    subject: `${status} subject ${i} <@123456789012345678> ${long(150)}`,
    status,
    note: status === 'conflict' ? `different counts ${long(290)}` : null,
    sides: Array.from({ length: 10 }, (_, s) => ({
      member: key(s % 5),
      claimant: `Claimant ${long(118)}`,
      statement: `Side ${s} said @here ${long(398)}`,
      quote: `${long(598, '<@&1500000000000000001>')}`,
      from: 'claim' as const,
    })),
  };
}

/** Many members and points, every text at its longest, mentions and Markdown everywhere; points out of order. */
export function hugeComparison(): Comparison {
  const statuses: PointStatus[] = ['one_side', 'agree', 'conflict'];
  return {
    members: Array.from({ length: 20 }, (_, i) => member(i)),
    points: Array.from({ length: 30 }, (_, i) => point(i, statuses[i % 3] as PointStatus)),
    coverage: {
      outlets: Array.from({ length: 20 }, (_, i) => ({
        name: `Outlet ${i} ${long(100)}`,
        country: 'Atlantis',
        kind: 'state-controlled',
        members: [key(i)],
        carriedBy: i === 3 ? ['Carrier One', 'Carrier Two'] : [],
      })),
      countries: ['Atlantis', 'Utopia'],
      kinds: ['state-controlled', 'wire'],
      about: ['Atlantis'],
      missing: Array.from({ length: 10 }, (_, i) => `No outlet from Country ${i} has covered it so far.`),
    },
    engine: 'anthropic',
    fallbackReason: null,
  };
}
