import { describe, expect, it } from 'vitest';
import { splitExcerpt } from './split-excerpt.js';

describe('splitExcerpt', () => {
  it('splits paragraphs into sentences, not at abbreviations or initials', () => {
    expect(
      splitExcerpt(
        'Gen. Ali Hamza said U.S. forces left on Nov. 24 after talks. Troops then returned to their bases nearby.\n\nA second paragraph says more about the withdrawal.',
      ),
    ).toEqual([
      'Gen. Ali Hamza said U.S. forces left on Nov. 24 after talks.',
      'Troops then returned to their bases nearby.',
      'A second paragraph says more about the withdrawal.',
    ]);
  });

  it('drops datelines and the fragment the excerpt was cut in', () => {
    expect(
      splitExcerpt(
        'MOSCOW, November 20.\n\nAir defenses destroyed 38 drones overnight, the ministry said. Debris fell on a',
      ),
    ).toEqual(['Air defenses destroyed 38 drones overnight, the ministry said.']);
  });
});
