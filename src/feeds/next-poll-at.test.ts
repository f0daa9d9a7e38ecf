import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextDigestAt, nextPollAt } from './next-poll-at.js';

const now = Date.UTC(2026, 10, 20, 8, 0, 0);
const base = { now, intervalMs: 300_000, notBefore: null, failures: 0 };

describe('nextPollAt', () => {
  it('waits the interval, stretched by at most a tenth', () => {
    expect(nextPollAt({ ...base, random: () => 0 })).toBe(now + 300_000);
    expect(nextPollAt({ ...base, random: () => 0.999 })).toBeLessThan(now + 330_001);
    expect(nextPollAt({ ...base, random: () => 0.5 })).toBe(now + 315_000);
  });

  it('waits longer when the feed says so, never shorter', () => {
    const later = new Date(now + 3_600_000).toISOString();
    expect(nextPollAt({ ...base, notBefore: later, random: () => 0 })).toBe(now + 3_600_000);
    const sooner = new Date(now + 60_000).toISOString();
    expect(nextPollAt({ ...base, notBefore: sooner, random: () => 0 })).toBe(now + 300_000);
  });

  it('doubles the wait with each failure in a row, up to six hours', () => {
    expect(nextPollAt({ ...base, failures: 1, random: () => 0 })).toBe(now + 600_000);
    expect(nextPollAt({ ...base, failures: 3, random: () => 0 })).toBe(now + 2_400_000);
    expect(nextPollAt({ ...base, failures: 40, random: () => 0 })).toBe(now + MAX_BACKOFF_MS);
  });
});

describe('nextDigestAt', () => {
  it('is later today when the hour is still ahead, else tomorrow', () => {
    expect(new Date(nextDigestAt(now, 18)).toISOString()).toBe('2026-11-20T18:00:00.000Z');
    expect(new Date(nextDigestAt(now, 6)).toISOString()).toBe('2026-11-21T06:00:00.000Z');
    expect(new Date(nextDigestAt(now, 8)).toISOString()).toBe('2026-11-21T08:00:00.000Z');
  });
});
