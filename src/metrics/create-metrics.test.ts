import { describe, expect, it } from 'vitest';
import { createMetrics } from './create-metrics.js';
import type { GatewayShard } from './gateway-shard.js';

async function valuesOf(registry: ReturnType<typeof createMetrics>['registry'], name: string) {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  // Histograms name each value's series (_bucket, _sum, _count); prom-client's type leaves it out.
  return (await metric.get()).values as {
    labels: Record<string, string | number>;
    value: number;
    metricName?: string;
  }[];
}

describe('createMetrics', () => {
  it('prefixes every metric, default process metrics included, with sitrep_', async () => {
    const { registry } = createMetrics(() => []);
    const names = (await registry.getMetricsAsJSON()).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['sitrep_process_cpu_seconds_total', 'sitrep_briefs_total']));
    expect(names.filter((name) => !name.startsWith('sitrep_'))).toEqual([]);
  });

  it('counts a door outcome by door, engine and outcome, and a refusal by its code', async () => {
    const { registry, metrics } = createMetrics(() => []);
    metrics.door('summarize', { outcome: 'delivered', engine: 'anthropic' }, 1200);
    metrics.door('summarize', { outcome: 'delivered', engine: 'anthropic' }, 30);
    metrics.door('reaction', { outcome: 'refused', reason: 'RATE_LIMITED' }, 5);
    metrics.door('reaction', { outcome: 'failed' }, 5);
    expect(await valuesOf(registry, 'sitrep_briefs_total')).toEqual([
      { labels: { door: 'summarize', engine: 'anthropic', outcome: 'delivered' }, value: 2 },
      { labels: { door: 'reaction', engine: 'none', outcome: 'refused' }, value: 1 },
      { labels: { door: 'reaction', engine: 'none', outcome: 'failed' }, value: 1 },
    ]);
    expect(await valuesOf(registry, 'sitrep_refusals_total')).toEqual([
      { labels: { door: 'reaction', reason: 'RATE_LIMITED' }, value: 1 },
    ]);
    const durations = await valuesOf(registry, 'sitrep_brief_duration_seconds');
    const sum = durations.find(
      (v) => v.metricName === 'sitrep_brief_duration_seconds_sum' && v.labels.door === 'summarize',
    );
    expect(sum?.value).toBeCloseTo(1.23);
  });

  it('counts what the pipeline reports: cache results, fetches, model time and tokens by kind', async () => {
    const { registry, metrics } = createMetrics(() => []);
    const observer = metrics.pipeline;
    observer?.cache('brief', false);
    observer?.cache('brief', true);
    observer?.cache('article', true);
    observer?.fetch({ ms: 180, ok: true });
    observer?.fetch({ ms: 10_000, ok: false });
    const usage = { inputTokens: 1200, outputTokens: 340, cacheReadTokens: 5000, cacheWriteTokens: 0 };
    observer?.modelDraft({ engine: 'anthropic', ms: 2500, outcome: 'ok', usage });
    observer?.modelDraft({ engine: 'anthropic', ms: 45_000, outcome: 'timeout' });
    expect(await valuesOf(registry, 'sitrep_cache_lookups_total')).toEqual([
      { labels: { cache: 'brief', result: 'hit' }, value: 1 },
      { labels: { cache: 'brief', result: 'miss' }, value: 1 },
      { labels: { cache: 'article', result: 'hit' }, value: 1 },
      { labels: { cache: 'article', result: 'miss' }, value: 0 },
    ]);
    expect(await valuesOf(registry, 'sitrep_model_tokens_total')).toEqual([
      { labels: { engine: 'anthropic', kind: 'input' }, value: 1200 },
      { labels: { engine: 'anthropic', kind: 'output' }, value: 340 },
      { labels: { engine: 'anthropic', kind: 'cache_read' }, value: 5000 },
    ]);
    const counts = (await valuesOf(registry, 'sitrep_model_duration_seconds')).filter((v) =>
      v.metricName?.endsWith('_count'),
    );
    expect(counts.map((v) => [v.labels.outcome, v.value])).toEqual([
      ['ok', 1],
      ['timeout', 1],
    ]);
    const fetchCounts = (await valuesOf(registry, 'sitrep_fetch_duration_seconds')).filter((v) =>
      v.metricName?.endsWith('_count'),
    );
    expect(fetchCounts.map((v) => [v.labels.outcome, v.value])).toEqual([
      ['ok', 1],
      ['failed', 1],
    ]);
  });

  it('counts feed polls under the four outcomes, all present from the start', async () => {
    const { registry, metrics } = createMetrics(() => []);
    metrics.feedPoll('fetched');
    metrics.feedPoll('not-modified');
    metrics.feedPoll('not-modified');
    metrics.feedPoll('failed');
    expect(await valuesOf(registry, 'sitrep_feed_polls_total')).toEqual([
      { labels: { outcome: 'fetched' }, value: 1 },
      { labels: { outcome: 'not_modified' }, value: 2 },
      { labels: { outcome: 'throttled' }, value: 0 },
      { labels: { outcome: 'failed' }, value: 1 },
    ]);
  });

  it('reads the gateway when scraped: ping per shard once known, and whether each is up', async () => {
    let shards: GatewayShard[] = [{ id: 0, pingMs: -1, connected: false }];
    const { registry } = createMetrics(() => shards);
    expect(await valuesOf(registry, 'sitrep_gateway_ping_seconds')).toEqual([]);
    expect(await valuesOf(registry, 'sitrep_gateway_up')).toEqual([{ labels: { shard: '0' }, value: 0 }]);
    shards = [
      { id: 0, pingMs: 42, connected: true },
      { id: 1, pingMs: 58, connected: true },
    ];
    expect(await valuesOf(registry, 'sitrep_gateway_ping_seconds')).toEqual([
      { labels: { shard: '0' }, value: 0.042 },
      { labels: { shard: '1' }, value: 0.058 },
    ]);
    expect((await valuesOf(registry, 'sitrep_gateway_up')).map((v) => v.value)).toEqual([1, 1]);
  });
});
