import { describe, expect, it } from 'vitest';
import { pollNotBefore } from './poll-not-before.js';

const now = Date.parse('2026-11-21T12:00:00.000Z');
const hint = (status: number, headers: Record<string, string>, ttlMinutes?: number) =>
  pollNotBefore({ status, headers: new Headers(headers), ttlMinutes, now });

describe('pollNotBefore', () => {
  it('gives null without any hint', () => {
    expect(hint(200, {})).toBeNull();
  });

  it('reads Cache-Control max-age, minus Age', () => {
    expect(hint(200, { 'cache-control': 'public, max-age=600' })).toBe('2026-11-21T12:10:00.000Z');
    expect(hint(200, { 'cache-control': 'max-age=600', age: '120' })).toBe('2026-11-21T12:08:00.000Z');
  });

  it('ignores freshness when told not to store or to revalidate', () => {
    expect(hint(200, { 'cache-control': 'no-cache, max-age=600' })).toBeNull();
    expect(hint(200, { 'cache-control': 'no-store', expires: 'Sat, 21 Nov 2026 13:00:00 GMT' })).toBeNull();
  });

  it('reads Expires against the server clock when a Date header is sent', () => {
    expect(hint(200, { expires: 'Sat, 21 Nov 2026 12:30:00 GMT' })).toBe('2026-11-21T12:30:00.000Z');
    // The server's clock is an hour ahead: its Expires means 15 minutes from now.
    expect(hint(200, { date: 'Sat, 21 Nov 2026 13:00:00 GMT', expires: 'Sat, 21 Nov 2026 13:15:00 GMT' })).toBe(
      '2026-11-21T12:15:00.000Z',
    );
    expect(hint(200, { expires: '0' })).toBeNull();
  });

  it('prefers max-age over Expires', () => {
    expect(hint(200, { 'cache-control': 'max-age=60', expires: 'Sat, 21 Nov 2026 18:00:00 GMT' })).toBe(
      '2026-11-21T12:01:00.000Z',
    );
  });

  it('reads Retry-After in seconds or as a date, on 429 and 503 only', () => {
    expect(hint(429, { 'retry-after': '120' })).toBe('2026-11-21T12:02:00.000Z');
    expect(hint(503, { 'retry-after': 'Sat, 21 Nov 2026 12:45:00 GMT' })).toBe('2026-11-21T12:45:00.000Z');
    expect(hint(200, { 'retry-after': '120' })).toBeNull();
  });

  it('takes the RSS ttl, and the latest of all hints', () => {
    expect(hint(200, {}, 45)).toBe('2026-11-21T12:45:00.000Z');
    expect(hint(200, { 'cache-control': 'max-age=300' }, 45)).toBe('2026-11-21T12:45:00.000Z');
  });

  it('never defers more than a day, nor reads garbage', () => {
    expect(hint(200, { 'cache-control': 'max-age=31536000' })).toBe('2026-11-22T12:00:00.000Z');
    expect(hint(429, { 'retry-after': 'soon' })).toBeNull();
    expect(hint(200, { 'cache-control': 'max-age=-5' })).toBeNull();
  });
});
