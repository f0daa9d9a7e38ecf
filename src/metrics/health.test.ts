import { describe, expect, it } from 'vitest';
import type { GatewayShard } from './gateway-shard.js';
import { createHealthCheck } from './health.js';

const up = (id: number): GatewayShard => ({ id, pingMs: 40, connected: true });
const down = (id: number): GatewayShard => ({ id, pingMs: -1, connected: false });

describe('createHealthCheck', () => {
  it('is ok when every gateway connection is ready and the store answers', async () => {
    const check = createHealthCheck({ gateway: () => [up(0), up(1)], pingStore: async () => {}, storeKind: 'sqlite' });
    expect(await check()).toEqual({ status: 'ok' });
  });

  it('is unhealthy while any gateway connection, or none at all, is ready', async () => {
    const store = async () => {};
    expect(
      await createHealthCheck({ gateway: () => [up(0), down(1)], pingStore: store, storeKind: 'sqlite' })(),
    ).toEqual({ status: 'unhealthy', reason: 'gateway disconnected' });
    expect(await createHealthCheck({ gateway: () => [], pingStore: store, storeKind: 'sqlite' })()).toEqual({
      status: 'unhealthy',
      reason: 'gateway disconnected',
    });
  });

  it('names the store when it fails or does not answer in time', async () => {
    const failing = createHealthCheck({
      gateway: () => [up(0)],
      pingStore: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.5:6379')),
      storeKind: 'redis',
    });
    expect(await failing()).toEqual({ status: 'unhealthy', reason: 'redis store unreachable' });
    const stalled = createHealthCheck({
      gateway: () => [up(0)],
      pingStore: () => new Promise(() => {}),
      storeKind: 'sqlite',
      storeTimeoutMs: 50,
    });
    expect(await stalled()).toEqual({ status: 'unhealthy', reason: 'sqlite store did not answer within 50 ms' });
  });

  it('shares one pending store round trip between probes, and starts a new one after it ends', async () => {
    let pings = 0;
    let release = () => {};
    const check = createHealthCheck({
      gateway: () => [up(0)],
      pingStore: () => {
        pings++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      storeKind: 'sqlite',
      storeTimeoutMs: 1_000,
    });
    const probes = [check(), check(), check()];
    expect(pings).toBe(1);
    release();
    expect(await Promise.all(probes)).toEqual([{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }]);
    const next = check();
    release();
    await next;
    expect(pings).toBe(2);
  });
});
