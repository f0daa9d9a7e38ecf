import { describe, expect, it } from 'vitest';
import { createHostGate } from './host-gate.js';

describe('createHostGate', () => {
  it('lets at most `max` runs per host proceed at once, and other hosts freely', async () => {
    const gate = createHostGate(2);
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const releases: (() => void)[] = [];
    const run = (host: string) =>
      gate(host, async () => {
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, inFlight.get(host) ?? 0));
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight.set(host, (inFlight.get(host) ?? 0) - 1);
      });
    const all = [run('a'), run('a'), run('a'), run('a'), run('b')];
    await new Promise((r) => setTimeout(r, 5));
    expect(releases).toHaveLength(3);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(all);
    expect(peak.get('a')).toBe(2);
    expect(peak.get('b')).toBe(1);
  });

  it('frees the slot when the work fails', async () => {
    const gate = createHostGate(1);
    await expect(gate('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(gate('a', async () => 'ok')).resolves.toBe('ok');
  });
});
