import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PipelineObserver } from '../brief/ports.js';
import type { BotMetrics } from './bot-metrics.js';
import type { GatewayShard } from './gateway-shard.js';

const PREFIX = 'sitrep_';
/** From a cache hit (milliseconds) to a model brief with repairs near its deadline. */
const BRIEF_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 45, 90];
const MODEL_BUCKETS = [0.5, 1, 2, 4, 8, 15, 30, 45, 60, 90];
const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const TOKEN_KINDS = [
  ['inputTokens', 'input'],
  ['outputTokens', 'output'],
  ['cacheReadTokens', 'cache_read'],
  ['cacheWriteTokens', 'cache_write'],
] as const;

/**
 * Sitrep's metrics in a registry of their own (no global state), every name prefixed `sitrep_`.
 * Labels take only bounded values (door and engine names, UserError codes, outcomes, shard ids): never
 * a URL, a guild or a user. The gateway gauges are read from discord.js when scraped.
 */
export function createMetrics(gateway: () => GatewayShard[]): { registry: Registry; metrics: BotMetrics } {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const briefs = new Counter({
    name: `${PREFIX}briefs_total`,
    help: 'Briefs asked for through a door, by door, engine that made it (none when none was made) and outcome.',
    labelNames: ['door', 'engine', 'outcome'] as const,
    registers,
  });
  const briefSeconds = new Histogram({
    name: `${PREFIX}brief_duration_seconds`,
    help: 'Time from a door accepting an ask to its answer, by door and outcome.',
    labelNames: ['door', 'outcome'] as const,
    buckets: BRIEF_BUCKETS,
    registers,
  });
  const refusals = new Counter({
    name: `${PREFIX}refusals_total`,
    help: 'Briefs refused with a reason the user was told, by door and UserError code.',
    labelNames: ['door', 'reason'] as const,
    registers,
  });
  const cacheLookups = new Counter({
    name: `${PREFIX}cache_lookups_total`,
    help: 'Lookups in the brief cache and the fetched-article cache, by result.',
    labelNames: ['cache', 'result'] as const,
    registers,
  });
  const tokens = new Counter({
    name: `${PREFIX}model_tokens_total`,
    help: 'Model tokens by engine and kind (input, output, cache_read, cache_write).',
    labelNames: ['engine', 'kind'] as const,
    registers,
  });
  const modelSeconds = new Histogram({
    name: `${PREFIX}model_duration_seconds`,
    help: "A model engine's time to draft one brief, retries and repair rounds included, by engine and outcome.",
    labelNames: ['engine', 'outcome'] as const,
    buckets: MODEL_BUCKETS,
    registers,
  });
  const fetchSeconds = new Histogram({
    name: `${PREFIX}fetch_duration_seconds`,
    help: 'Time to fetch one article page, redirects included, by outcome (ok or failed).',
    labelNames: ['outcome'] as const,
    buckets: FETCH_BUCKETS,
    registers,
  });
  const feedPolls = new Counter({
    name: `${PREFIX}feed_polls_total`,
    help: 'Feed polls by outcome: fetched, not_modified, throttled (the server asked to wait) or failed.',
    labelNames: ['outcome'] as const,
    registers,
  });
  new Gauge({
    name: `${PREFIX}gateway_ping_seconds`,
    help: 'Discord gateway heartbeat round trip, by shard (absent until the first heartbeat).',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of gateway()) if (shard.pingMs >= 0) this.set({ shard: String(shard.id) }, shard.pingMs / 1000);
    },
  });
  new Gauge({
    name: `${PREFIX}gateway_up`,
    help: 'Whether the Discord gateway connection of a shard is ready (1) or not (0).',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of gateway()) this.set({ shard: String(shard.id) }, shard.connected ? 1 : 0);
    },
  });

  // Series that exist from the start, so rates work from the first event.
  for (const cache of ['brief', 'article'])
    for (const result of ['hit', 'miss']) cacheLookups.inc({ cache, result }, 0);
  for (const outcome of ['fetched', 'not_modified', 'throttled', 'failed']) feedPolls.inc({ outcome }, 0);

  const pipeline: PipelineObserver = {
    cache(kind, hit) {
      cacheLookups.inc({ cache: kind, result: hit ? 'hit' : 'miss' });
    },
    fetch({ ms, ok }) {
      fetchSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, ms / 1000);
    },
    modelDraft({ engine, ms, outcome, usage }) {
      modelSeconds.observe({ engine, outcome }, ms / 1000);
      if (!usage) return;
      for (const [field, kind] of TOKEN_KINDS) if (usage[field] > 0) tokens.inc({ engine, kind }, usage[field]);
    },
  };

  return {
    registry,
    metrics: {
      pipeline,
      door(door, result, ms) {
        const engine = result.outcome === 'delivered' ? result.engine : 'none';
        briefs.inc({ door, engine, outcome: result.outcome });
        briefSeconds.observe({ door, outcome: result.outcome }, ms / 1000);
        if (result.outcome === 'refused') refusals.inc({ door, reason: result.reason });
      },
      feedPoll(status) {
        feedPolls.inc({ outcome: status.replace('-', '_') });
      },
    },
  };
}
