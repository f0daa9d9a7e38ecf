import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates.js';

// A Tuesday.
const published = new Date('2026-11-24T09:45:00Z');

describe('findDates', () => {
  it('reads dates as written, with the year nearest publication when none is given', () => {
    expect(findDates('on the night of 23 November and on Nov. 22, 2026', published)).toEqual([
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(findDates('since December 30', new Date('2027-01-02T00:00:00Z'))).toEqual(['2026-12-30']);
  });

  it('resolves weekdays to the latest such day on or before publication', () => {
    expect(findDates('clashes on Monday night', published)).toEqual(['2026-11-23']);
    expect(findDates('the ministry said on Tuesday', published)).toEqual(['2026-11-24']);
    expect(findDates('talks next Friday', published)).toEqual(['2026-11-27']);
  });

  it('lets outlets publishing a day apart meet on the same day', () => {
    const sameDay = findDates('said on Monday', new Date('2026-11-23T20:00:00Z'));
    const nextDay = findDates('fighting on Monday', published);
    expect(sameDay).toEqual(nextDay);
  });

  it('reads yesterday and today against publication', () => {
    expect(findDates('Yesterday a drone struck; today it is calm', published)).toEqual(['2026-11-23', '2026-11-24']);
  });
});
