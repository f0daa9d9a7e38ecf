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
    expect(summary('about 20 aircraft took part')).toEqual(['15-25 aircraft']);
    expect(summary('more than 30 missiles')).toEqual(['30-Infinity missile']);
    expect(summary('dozens of drones')).toEqual(['24-99 drone']);
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

  it('does not count years, times, dates, designations or distances', () => {
    expect(summary('In 2024, at 10:30 pm on November 21, a Type 055 sailed 40 nautical miles.')).toEqual([]);
  });
});
