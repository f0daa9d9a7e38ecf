import { z } from 'zod';
import type { GatewayShard } from './gateway-shard.js';

export const HealthSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  z.object({ status: z.literal('unhealthy'), reason: z.string().max(200) }),
]);
export type Health = z.infer<typeof HealthSchema>;

export interface HealthDeps {
  gateway: () => GatewayShard[];
  /** One round trip to the store, rejecting when it cannot answer. */
  pingStore: () => Promise<void>;
  storeKind: string;
  /** How long the store may take before it counts as not answering. */
  storeTimeoutMs?: number;
}

const STORE_TIMEOUT_MS = 1_000;

/**
 * Healthy when every gateway connection of this process is ready and the store answers in time.
 * Probes share one store round trip while it is pending, so a stalled store (a SQLite file locked by
 * another process waits out its busy timeout) does not pile up probes.
 */
export function createHealthCheck(deps: HealthDeps): () => Promise<Health> {
  const timeoutMs = deps.storeTimeoutMs ?? STORE_TIMEOUT_MS;
  let pending: Promise<void> | undefined;
  const pingStore = () => {
    pending ??= deps.pingStore().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  return async () => {
    const shards = deps.gateway();
    const down = shards.filter((shard) => !shard.connected).map((shard) => shard.id);
    if (shards.length === 0 || down.length > 0) return { status: 'unhealthy', reason: 'gateway disconnected' };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    try {
      const answer = await Promise.race([pingStore().then(() => 'ok' as const), late]);
      if (answer === 'late')
        return { status: 'unhealthy', reason: `${deps.storeKind} store did not answer within ${timeoutMs} ms` };
      return { status: 'ok' };
    } catch {
      return { status: 'unhealthy', reason: `${deps.storeKind} store unreachable` };
    } finally {
      clearTimeout(timer);
    }
  };
}
