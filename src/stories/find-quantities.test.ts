import { describe, expect, it } from 'vitest';
import { findQuantities } from './find-quantities.js';

const summary = (text: string) =>
  findQuantities(text).map(
    (q) =>
      `${q.low}-${q.high} ${q.noun}${q.modifiers.length ? ` (${q.modifiers.join(' ')})` : ''}${q.partOf ? ' part' : ''}`,
  );

describe('findQuantities', () => {
  it('reads digits and number words with the thing they count', () => {
    expect(summary('Air defenses destroyed 38 Ukrainian fixed-wing drones and four armoured vehicles.')).toEqual([
      '38-38 drone (ukrainian fixed-wing)',
      '4-4 vehicle (armoured)',
    ]);
    expect(summary('It counted twenty-one aircraft and 1,200 troops.')).toEqual([
      '21-21 aircraft',
      '1200-1200 soldier',
    ]);
  });

  it('turns qualifiers and vague counts into ranges', () => {
    expect(summary('about 20 aircraft took part')).toEqual(['19-21 aircraft']);
    expect(summary('more than 30 missiles')).toEqual(['30-Infinity missile']);
    expect(summary('dozens of drones')).toEqual(['24-99 drone']);
    expect(summary('sending hundreds of thousands of people to shelters')).toEqual(['200000-999999 people']);
    expect(summary('approached within 24 nautical miles; stayed outside 24 nautical miles')[0]).toBe(
      '0-24 nmi (nautical)',
    );
    expect(findQuantities('stayed outside 24 nautical miles')[0]?.low).toBeGreaterThan(24);
  });

  it('reads "no" and "no one" as zero', () => {
    expect(summary('There were no casualties and no one was hurt.')).toEqual(['0-0 casualty', '0-0 people']);
  });

  it('marks a part of a total', () => {
    expect(summary('19 of the aircraft crossed the median line')).toEqual(['19-19 aircraft part']);
  });

  it('counts the same thing under one noun whatever word the outlet uses', () => {
    expect(summary('nine navy ships; 9 naval vessels; three servicemen')).toEqual([
      '9-9 ship (navy)',
      '9-9 ship (naval)',
      '3-3 soldier',
    ]);
  });

  it('does not count years, times, dates or designations', () => {
    expect(summary('In 2024, at 10:30 pm on November 21, a Type 055 sailed.')).toEqual([]);
  });

  it('counts distances in their unit and durations in minutes', () => {
    expect(summary('The missile flew about 1,100 kilometers; another flew 1,500 km.')).toEqual([
      '1045-1155 km',
      '1500-1500 km',
    ]);
    expect(summary('halted for 45 minutes, then for more than an hour, then within half an hour')).toEqual([
      '45-45 minute',
      '60-Infinity minute',
      '0-30 minute',
    ]);
  });

  it('counts a crew or bodies given before their number, and the members of a crew', () => {
    expect(summary('The vessel has a crew of 21. Its 14 foreign crew members were detained.')).toEqual([
      '21-21 crew',
      '14-14 crew (foreign)',
    ]);
    expect(summary('the bodies of 1,000 fallen servicemen')).toEqual(['1000-1000 body', '1000-1000 body (fallen)']);
  });

  it('says whose a count is when a possessive says it', () => {
    const [ours] = findQuantities('Ninety of our people are home.');
    expect([ours?.low, ours?.noun, ours?.partOf, ours?.possessor]).toEqual([90, 'people', false, 'our']);
  });
});
