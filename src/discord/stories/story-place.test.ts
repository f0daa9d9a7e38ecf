import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../stories/testing/build-brief.js';
import { countOtherOutlets } from './story-place.js';

const member = (key: string, outlet: string | null) => ({ key, outlet, time: 0 });

describe('countOtherOutlets', () => {
  const brief = buildBrief({ key: 'k-own', outlet: 'TASS', domain: 'tass.com' });

  it('counts outlets, not briefs, and leaves the brief’s own outlet out', () => {
    const members = [
      member('k-own', 'TASS'),
      member('k-tass-2', 'TASS'),
      member('k-ukr', 'Ukrinform'),
      member('k-ukr-2', 'ukrinform'),
      member('k-kyiv', 'The Kyiv Independent'),
    ];
    expect(countOtherOutlets(members, brief)).toBe(2);
  });

  it('counts a wire once however many sites carried its copy (they are listed under the wire)', () => {
    const members = [member('k-own', 'TASS'), member('k-r1', 'Reuters'), member('k-r2', 'Reuters')];
    expect(countOtherOutlets(members, brief)).toBe(1);
  });

  it('counts each member with no outlet on its own, and is 0 for a story of the brief alone', () => {
    expect(countOtherOutlets([member('k-own', 'TASS'), member('a', null), member('b', null)], brief)).toBe(2);
    expect(countOtherOutlets([member('k-own', 'TASS')], brief)).toBe(0);
  });

  it('falls back to the brief’s own outlet when the story is full and does not list it', () => {
    expect(countOtherOutlets([member('k-tass-2', 'TASS'), member('k-ukr', 'Ukrinform')], brief)).toBe(1);
  });
});
