import { AggregatorRegistry, Gauge, type MetricObjectWithValues, type MetricValue, Registry } from 'prom-client';
import { askShard, type ShardLike } from './ask-shard.js';
import type { Health } from './health.js';
import type { MetricsSource } from './metrics-server.js';

/** What the source needs of discord.js's ShardingManager. */
export interface ShardTree {
  totalShards: number | 'auto';
  shards: ReadonlyMap<number, ShardLike>;
}

/** Longer than a healthy shard ever takes to answer; short enough for a probe's timeout. */
const ASK_TIMEOUT_MS = 2_000;

/**
 * `--shards auto`: the manager answers for the whole process tree. Health is 200 only when every
 * shard process runs and reports itself healthy; metrics are each shard's registry merged by
 * prom-client's AggregatorRegistry (counters and histograms summed, per-shard gauges kept apart by
 * their shard label), plus `sitrep_shard_up` for whether each shard answered.
 */
export function createShardTreeSource(tree: ShardTree, timeoutMs = ASK_TIMEOUT_MS): MetricsSource {
  const ids = () => {
    const total = typeof tree.totalShards === 'number' ? tree.totalShards : tree.shards.size;
    return Array.from({ length: total }, (_, id) => id);
  };
  const ask = (id: number, what: 'health' | 'metrics') => {
    const shard = tree.shards.get(id);
    return shard?.process ? askShard(shard, what, timeoutMs) : Promise.reject(new Error('is not running'));
  };

  return {
    async health(): Promise<Health> {
      const answers = await Promise.allSettled(ids().map((id) => ask(id, 'health')));
      for (const [id, answer] of answers.entries()) {
        if (answer.status === 'rejected')
          return { status: 'unhealthy', reason: `shard ${id} ${(answer.reason as Error).message}` };
        const health = 'health' in answer.value ? answer.value.health : null;
        if (health?.status !== 'ok')
          return { status: 'unhealthy', reason: `shard ${id}: ${health?.reason ?? 'no health in its answer'}` };
      }
      return { status: 'ok' };
    },

    async metrics() {
      const answers = await Promise.allSettled(ids().map((id) => ask(id, 'metrics')));
      const own = new Registry();
      const up = new Gauge({
        name: 'sitrep_shard_up',
        help: 'Whether a shard process answered the manager with its metrics (1) or not (0).',
        labelNames: ['shard'] as const,
        registers: [own],
      });
      const reports: MetricObjectWithValues<MetricValue<string>>[][] = [];
      for (const [id, answer] of answers.entries()) {
        const metrics = answer.status === 'fulfilled' && 'metrics' in answer.value ? answer.value.metrics : null;
        up.set({ shard: String(id) }, metrics ? 1 : 0);
        if (metrics) reports.push(metrics as unknown as MetricObjectWithValues<MetricValue<string>>[]);
      }
      const merged = Registry.merge([AggregatorRegistry.aggregate(reports), own]);
      return { contentType: merged.contentType, text: await merged.metrics() };
    },
  };
}
