import { describe, expect, it } from 'vitest';
import { timed } from './timed.js';

describe('timed', () => {
  it('reports the time and success, and passes the result on', async () => {
    const reports: [number, boolean][] = [];
    const value = await timed(
      () => new Promise((resolve) => setTimeout(() => resolve('page'), 30)),
      (ms, ok) => reports.push([ms, ok]),
    );
    expect(value).toBe('page');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.[0]).toBeGreaterThanOrEqual(25);
    expect(reports[0]?.[1]).toBe(true);
  });

  it('reports a failure and rethrows the same error', async () => {
    const reports: boolean[] = [];
    const error = new Error('refused');
    await expect(
      timed(
        () => Promise.reject(error),
        (_, ok) => reports.push(ok),
      ),
    ).rejects.toBe(error);
    expect(reports).toEqual([false]);
  });
});
