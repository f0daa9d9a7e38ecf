import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './parse-feed-date.js';

describe('parseFeedDate', () => {
  it.each([
    ['Fri, 20 Nov 2026 08:30:00 GMT', '2026-11-20T08:30:00.000Z'],
    ['Wed, 18 Nov 2026 06:00:00 EST', '2026-11-18T11:00:00.000Z'],
    ['Thu, 5 Nov 2026 9:07 +0530', '2026-11-05T03:37:00.000Z'],
    ['05 Nov 2026 10:00:00 GMT', '2026-11-05T10:00:00.000Z'],
    ['Mon, 02 Nov 26 08:00:00 -0400', '2026-11-02T12:00:00.000Z'],
    ['Sun, 01 Jun 2025 12:00:00 CEST', '2025-06-01T10:00:00.000Z'],
    ['Fri, 03 Nov 2026 12:00:00 +0000', '2026-11-03T12:00:00.000Z'],
    ['Tue, 10 Nov 2026 12:00:00 Z', '2026-11-10T12:00:00.000Z'],
    ['Tuesday, 10 November 2026 12:00:00 UT', '2026-11-10T12:00:00.000Z'],
    ['Tuesday, 10-Nov-26 12:00:00 PST', '2026-11-10T20:00:00.000Z'],
    ['10 Sept 2026 12:00 +01:00', '2026-09-10T11:00:00.000Z'],
    ['Tue, 10 Nov 2026 12:00:00 XYZT', '2026-11-10T12:00:00.000Z'],
    ['2026-11-03T14:20:00Z', '2026-11-03T14:20:00.000Z'],
    ['2026-11-21T09:30:00+03:00', '2026-11-21T06:30:00.000Z'],
    ['2026-11-21T09:30:00.123-0100', '2026-11-21T10:30:00.000Z'],
    ['2026-11-10 12:00:00', '2026-11-10T12:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each([
    'sometime last week',
    '',
    '   ',
    'Wed, 32 Nov 2026 12:00:00 GMT',
    '2026-02-30T10:00:00Z',
    '2026-11-10T25:00:00Z',
    'Tue, 10 Foo 2026 12:00:00 GMT',
    '2026-11-10T12:00:00+99:00',
    '0001-01-01T00:00:00Z',
  ])('gives null for %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });

  it('gives null for missing values', () => {
    expect(parseFeedDate(undefined)).toBeNull();
    expect(parseFeedDate(null)).toBeNull();
  });

  it('does not depend on the machine time zone: the same instant whatever TZ is', () => {
    expect(parseFeedDate('2026-11-10 12:00:00')).toBe(new Date(Date.UTC(2026, 10, 10, 12)).toISOString());
  });

  it('reads back every date written as RFC 1123 or ISO', () => {
    const instants = fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (date) => {
        const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(parseFeedDate(whole.toUTCString())).toBe(whole.toISOString());
        expect(parseFeedDate(whole.toISOString())).toBe(whole.toISOString());
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const parsed = parseFeedDate(raw);
        expect(parsed === null || !Number.isNaN(Date.parse(parsed))).toBe(true);
      }),
    );
  });
});
