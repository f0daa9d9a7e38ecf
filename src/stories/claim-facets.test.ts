import { describe, expect, it } from 'vitest';
import { claimFacets } from './claim-facets.js';
import { loadCountries } from './countries.js';

const countries = loadCountries();
const facets = (text: string) => claimFacets(text, countries);

describe('claimFacets', () => {
  it('reads casualties with their kind, group and side', () => {
    expect(facets('Three Indian soldiers were killed in the exchange.').casualties).toEqual([
      { kind: 'killed', low: 3, high: 3, group: 'soldier', side: 'India' },
    ]);
    expect(facets('A soldier was injured.').casualties).toEqual([
      { kind: 'injured', low: 1, high: 1, group: 'soldier', side: null },
    ]);
    expect(facets('There were no casualties, the governor said.').casualties).toEqual([
      { kind: 'any', low: 0, high: 0, group: null, side: null },
    ]);
    expect(facets('There were no losses among Azerbaijani servicemen.').casualties).toEqual([
      { kind: 'any', low: 0, high: 0, group: 'soldier', side: 'Azerbaijan' },
    ]);
  });

  it('keeps counts of things apart from casualties, and parts of totals out', () => {
    const { counts, casualties } = facets(
      'It detected 32 aircraft and 9 naval vessels; 19 of the aircraft crossed the line.',
    );
    expect(counts).toEqual([
      { noun: 'aircraft', side: null, scope: null, low: 32, high: 32 },
      { noun: 'ship', side: null, scope: null, low: 9, high: 9 },
    ]);
    expect(casualties).toEqual([]);
  });

  it('reads outcomes, and an interception is not also a hit', () => {
    expect([...facets('Russia said 38 drones were destroyed over three regions.').aspects]).toEqual([
      ['strike', 'intercepted'],
    ]);
    expect([...facets('Drones struck the refinery and production was halted.').aspects]).toEqual([
      ['strike', 'hit'],
      ['operations', 'stopped'],
    ]);
    expect(facets('Russia said it shot down the drones; Ukraine said the depot was hit.').aspects.get('strike')).toBe(
      'mixed',
    );
    expect(facets('The patrol was a routine exercise.').aspects.get('character')).toBe('routine');
  });

  it('reads a cause only where the text speaks of one', () => {
    expect(facets('The fire was caused by a short circuit, officials said.').aspects.get('cause')).toBe('accident');
    expect(facets('A drone attack on the depot was reported.').aspects.has('cause')).toBe(false);
  });

  it('reads who started the clash and whether a claim is denied', () => {
    expect(facets('The Pakistan Army initiated unprovoked firing along the Line of Control.').initiator).toBe(
      'Pakistan',
    );
    expect(facets('Indian troops resorted to unprovoked firing, ISPR said.').initiator).toBe('India');
    expect(facets('Officials denied a claim that three soldiers had been killed.').denied).toBe(true);
  });

  it('keeps names as the text writes them', () => {
    const { names } = facets('A Type 055 destroyer sailed east of Hualien with Shahed-136 debris aboard.');
    expect(names.get('hualien')).toBe('Hualien');
    expect(names.get('type055')).toBe('Type 055');
    expect(names.get('shahed136')).toBe('Shahed-136');
  });
});
