/** Runs work for a host once fewer than `max` runs for that host are in flight; others queue in order. */
export type HostGate = <T>(host: string, work: () => Promise<T>) => Promise<T>;

export function createHostGate(max: number): HostGate {
  const hosts = new Map<string, { running: number; waiting: (() => void)[] }>();
  return async (host, work) => {
    let entry = hosts.get(host);
    if (!entry) {
      entry = { running: 0, waiting: [] };
      hosts.set(host, entry);
    }
    const slot = entry;
    if (slot.running >= max) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.running++;
    try {
      return await work();
    } finally {
      slot.running--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.running === 0) hosts.delete(host);
    }
  };
}
